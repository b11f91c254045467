/**
 * Differential tests: random options rendered through our MOJ component
 * functions and through MOJ Frontend's own Nunjucks macros must give the
 * same HTML, after normalising insignificant whitespace and attribute order.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import * as moj from './index.js'
import type { SafeHtml } from '../html.js'
import { normaliseHtml } from '../../../../test/support/govuk-fixtures.js'
import { describeOptions, mojMacroPath, renderCallMacro, renderMacro, renderMacroWithContext, toNunjucksOptions } from '../../../../test/support/nunjucks-env.js'
import * as a from '../../../../test/support/arbitraries.js'

// The timeline's dates are shown in local time, as on the server.
process.env.TZ = 'Europe/London'

const RUNS = Number(process.env.DIFF_RUNS ?? 200)

function differential<T>(component: string, macroName: string, fn: (params: T) => SafeHtml, arb: fc.Arbitrary<unknown>, runs = RUNS): void {
  test(`${macroName} equals the ${component} macro`, () => {
    fc.assert(
      fc.property(arb, (params) => {
        const ours = normaliseHtml(fn(params as T).value)
        const theirs = normaliseHtml(renderMacro(mojMacroPath(component), macroName, toNunjucksOptions(params)))
        assert.equal(ours, theirs, `options: ${describeOptions(params)}`)
      }),
      { numRuns: runs, includeErrorInReport: true },
    )
  })
}

const navItem = a.options({ text: a.text, html: a.safeHtml, href: a.href, active: fc.boolean(), attributes: a.mojAttributes })

differential(
  'primary-navigation',
  'mojPrimaryNavigation',
  moj.mojPrimaryNavigation,
  a.options({
    items: a.few(navItem),
    label: a.text,
    classes: a.classes,
    containerClasses: a.classes,
    attributes: a.mojAttributes,
    searchHtml: a.safeHtml,
  }),
)

differential(
  'sub-navigation',
  'mojSubNavigation',
  moj.mojSubNavigation,
  a.options({
    items: a.few(a.options({ text: a.text, html: a.safeHtml, href: a.href, active: fc.boolean(), classes: a.classes, attributes: a.mojAttributes })),
    label: a.text,
    classes: a.classes,
    attributes: a.mojAttributes,
  }),
)

const sideItem = a.options({ text: a.text, html: a.safeHtml, href: a.href, active: fc.boolean(), attributes: a.mojAttributes })
differential(
  'side-navigation',
  'mojSideNavigation',
  moj.mojSideNavigation,
  a.options({
    items: a.few(sideItem),
    sections: a.few(
      fc.record({
        heading: a.options({ text: a.text, html: a.safeHtml, headingLevel: fc.integer({ min: 1, max: 6 }), classes: a.classes, attributes: a.mojAttributes }),
        items: a.few(sideItem),
      }),
      3,
    ),
    label: a.text,
    classes: a.classes,
    attributes: a.mojAttributes,
  }),
)

differential(
  'badge',
  'mojBadge',
  moj.mojBadge,
  a.options({ text: a.text, html: a.safeHtml, classes: a.classes, label: a.text, attributes: a.mojAttributes }),
)

differential(
  'alert',
  'mojAlert',
  moj.mojAlert,
  a.options({
    variant: fc.constantFrom('information', 'success', 'warning', 'error', 'other', ''),
    title: a.text,
    showTitleAsHeading: fc.boolean(),
    headingTag: fc.constantFrom('h2', 'h3', 'h4', 'h5', ''),
    text: a.text,
    html: a.safeHtml,
    dismissible: fc.constantFrom(true, false, 'true', 'false', ''),
    dismissText: a.text,
    disableAutoFocus: fc.constantFrom(true, false, 'true', 'false'),
    focusOnDismissSelector: fc.constantFrom('', '#main', 'h1[data-x="y"]'),
    role: fc.constantFrom('', 'region', 'alert', 'status'),
    classes: a.classes,
    attributes: a.govukAttributes,
  }),
)

differential(
  'banner',
  'mojBanner',
  moj.mojBanner,
  a.options({
    type: fc.constantFrom('success', 'warning', 'information', 'other', ''),
    text: a.text,
    html: a.safeHtml,
    iconFallbackText: a.text,
    classes: a.classes,
    attributes: a.mojAttributes,
  }),
)

/** Timestamps: UTC, with an offset, local date-times and dates, across both clock changes. */
const timestamp = fc
  .tuple(fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 5 }))
  .map(([d, form]) => {
    const iso = d.toISOString()
    switch (form) {
      case 0:
        return iso
      case 1:
        return iso.slice(0, 19) + '+05:30'
      case 2:
        return iso.slice(0, 16)
      case 3:
        return iso.slice(0, 10)
      case 4:
        return iso.slice(0, 13)
      default:
        return iso.slice(0, 19).replace('T', ' ') + '-0800'
    }
  })
const dateFormat = fc
  .array(
    fc.constantFrom('YYYY', 'YY', 'Y', 'M', 'MM', 'MMM', 'MMMM', 'D', 'DD', 'Do', 'd', 'dd', 'ddd', 'dddd', 'H', 'HH', 'h', 'hh', 'm', 'mm', 's', 'ss', 'a', 'A', 'Z', 'ZZ', 'Hmm', 'hmmss', ' ', '/', ':', '-', ',', '[at]', '[Mon <b>]', 'T', '\\D'),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''))

differential(
  'timeline',
  'mojTimeline',
  moj.mojTimeline,
  a.options({
    items: a.few(
      fc.record(
        {
          label: a.textOrHtml,
          text: a.text,
          html: a.safeHtml,
          datetime: fc.record(
            {
              timestamp: fc.oneof({ weight: 8, arbitrary: timestamp }, { weight: 2, arbitrary: fc.constantFrom('2019-02-30', '2019-13-01T10:00', '2019-06-14T24:00:00Z', '2021-03-28T01:30', '2021-10-31T01:30', '2020-02-29', '2024-12-31T23:59:59+14:00') }),
              type: fc.constantFrom('datetime', 'shortdatetime', 'date', 'shortdate', 'time', 'other', ''),
              format: dateFormat,
            },
            { requiredKeys: ['timestamp'] },
          ),
          byline: a.textOrHtml,
          classes: a.classes,
          attributes: a.mojAttributes,
        },
        { requiredKeys: ['label', 'datetime'] },
      ),
      3,
    ),
    headingLevel: fc.integer({ min: 1, max: 6 }),
    classes: a.classes,
    attributes: a.mojAttributes,
  }),
)

differential(
  'filter',
  'mojFilter',
  moj.mojFilter,
  a.options({
    heading: a.textOrHtml,
    selectedFilters: a.options({
      heading: a.textOrHtml,
      clearLink: a.options({ href: a.href, text: a.text }),
      categories: a.few(a.options({ heading: a.textOrHtml, items: a.few(a.options({ href: a.href, text: a.text }), 3) }), 3),
    }),
    submit: a.options({ text: a.text, attributes: a.govukAttributes }),
    optionsHtml: a.safeHtml,
    attributes: a.mojAttributes,
  }),
)

const buttonMenuItem = a.options({
  text: a.text,
  html: a.safeHtml,
  name: a.ident,
  type: fc.constantFrom('button', 'submit', 'reset', ''),
  value: a.text,
  href: a.href,
  disabled: fc.boolean(),
  attributes: a.govukAttributes,
  classes: a.classes,
})
const buttonMenu = a.options({
  items: a.few(buttonMenuItem, 3),
  button: a.options({ text: a.text, classes: a.classes }),
  alignMenu: fc.constantFrom('left', 'right', ''),
  classes: a.classes,
  attributes: a.govukAttributes,
})

differential('button-menu', 'mojButtonMenu', moj.mojButtonMenu, buttonMenu)

differential(
  'identity-bar',
  'mojIdentityBar',
  moj.mojIdentityBar,
  a.options({ title: a.textOrHtml, menus: a.few(buttonMenu, 2), classes: a.classes, attributes: a.govukAttributes }),
)

differential(
  'page-header-actions',
  'mojPageHeaderActions',
  moj.mojPageHeaderActions,
  a.options({
    heading: a.options({ text: a.text, html: a.safeHtml, level: fc.integer({ min: 1, max: 4 }), classes: a.classes }),
    items: a.few(a.button, 3),
    classes: a.classes,
    attributes: a.govukAttributes,
  }),
)

differential(
  'ticket-panel',
  'mojTicketPanel',
  moj.mojTicketPanel,
  a.options({
    items: a.few(a.options({ text: a.text, html: a.safeHtml, classes: a.classes, attributes: a.mojAttributes })),
    classes: a.classes,
    attributes: a.mojAttributes,
  }),
)

differential(
  'organisation-switcher',
  'mojOrganisationSwitcher',
  moj.mojOrganisationSwitcher,
  a.options({
    text: a.text,
    html: a.safeHtml,
    id: a.ident,
    label: a.text,
    link: a.options({ href: a.href, text: a.text, id: a.ident, classes: a.classes, attributes: a.mojAttributes }),
    classes: a.classes,
    attributes: a.mojAttributes,
  }),
)

const headerLabel = a.options({ text: a.text, html: a.safeHtml, href: a.href })
differential(
  'header',
  'mojHeader',
  moj.mojHeader,
  a.options({
    organisationLabel: headerLabel,
    serviceLabel: headerLabel,
    navigation: a.options({
      label: a.text,
      items: a.few(a.options({ text: a.text, html: a.safeHtml, href: a.href, active: fc.boolean(), attributes: a.mojAttributes }), 3),
      classes: a.classes,
      attributes: a.mojAttributes,
    }),
    logotype: fc.constantFrom('crown', 'crest', '', 'other'),
    containerClasses: a.classes,
    classes: a.classes,
    attributes: a.mojAttributes,
  }),
  // The header carries 70KB of artwork; fewer runs keep the file fast.
  Math.ceil(RUNS / 4),
)

test('mojHeader takes the assets path the template reads from its assetPath global', () => {
  for (const logotype of ['crown', 'crest']) {
    for (const assetPath of ['/assets/1a2b3c', '']) {
      const ours = normaliseHtml(moj.mojHeader({ logotype, assetPath, organisationLabel: { text: 'Ministry of Justice', href: '/staff' } }).value)
      const theirs = normaliseHtml(renderMacroWithContext(mojMacroPath('header'), 'mojHeader', { logotype, organisationLabel: { text: 'Ministry of Justice', href: '/staff' } }, { assetPath }))
      assert.equal(ours, theirs)
      assert.match(ours, new RegExp(`src="${assetPath || '/assets'}/images/`))
    }
  }
})

const interruptionAction = a.options({ text: a.text, href: a.href, style: fc.constantFrom('button', 'link'), attributes: a.govukAttributes })
test('mojInterruptionCard equals the interruption-card macro', () => {
  fc.assert(
    fc.property(
      a.options({ heading: a.text, primaryAction: interruptionAction, secondaryAction: interruptionAction }),
      a.safeHtml,
      (params, body) => {
        const ours = normaliseHtml(moj.mojInterruptionCard({ ...(params as moj.InterruptionCardOptions), bodyHtml: body }).value)
        const theirs = normaliseHtml(renderCallMacro(mojMacroPath('interruption-card'), 'interruptionCard', toNunjucksOptions(params), body.value))
        assert.equal(ours, theirs)
      },
    ),
    { numRuns: RUNS },
  )
})

/* ---- Components built on govuk-frontend components ---------------------- */

const sortableHeadCell = fc.tuple(a.tableCell, fc.constantFrom<'ascending' | 'descending' | 'none' | false | undefined>('ascending', 'descending', 'none', false, undefined))
const sortableCell = fc.tuple(a.tableCell, fc.option(fc.oneof(a.text, fc.integer({ min: -5, max: 5000 })), { nil: undefined }))

test('mojSortableTable equals govukTable with the attributes MOJ Frontend documents', () => {
  fc.assert(
    fc.property(
      a.few(sortableHeadCell, 4),
      a.few(fc.oneof({ weight: 6, arbitrary: a.few(sortableCell, 4) }, { weight: 1, arbitrary: fc.constant(null) })),
      a.options({ statusMessage: a.text, ascendingText: a.text, descendingText: a.text, caption: a.text, captionClasses: a.classes, firstCellIsHeader: fc.boolean(), classes: a.classes, attributes: a.govukAttributes }),
      (head, rows, rest) => {
        const ours = moj.mojSortableTable({
          ...(rest as moj.SortableTableOptions),
          head: head.map(([cell, sort]) => (sort === undefined ? cell : { ...cell, sort })) as moj.SortableTableHeadCell[],
          rows: rows.map((row) => row && row.map(([cell, sortValue]) => (sortValue === undefined ? cell : { ...cell, sortValue }))) as moj.SortableTableCell[][],
        })
        // What the guidance writes by hand: data-module on the table,
        // aria-sort on sortable headers, data-sort-value on cells.
        const { statusMessage, ascendingText, descendingText, attributes, ...table } = rest
        const config: Record<string, string> = {}
        if (statusMessage !== undefined) config['data-status-message'] = statusMessage
        if (ascendingText !== undefined) config['data-ascending-text'] = ascendingText
        if (descendingText !== undefined) config['data-descending-text'] = descendingText
        const theirsOptions = {
          ...table,
          attributes: { 'data-module': 'moj-sortable-table', ...config, ...attributes },
          head: head.map(([cell, sort]) => (sort === false ? cell : { ...cell, attributes: { 'aria-sort': sort ?? 'none', ...cell.attributes } })),
          rows: rows.map((row) => row && row.map(([cell, v]) => (v === undefined ? cell : { ...cell, attributes: { 'data-sort-value': String(v), ...cell.attributes } }))),
        }
        const theirs = renderMacro('govuk/components/table/macro.njk', 'govukTable', toNunjucksOptions(theirsOptions))
        assert.equal(normaliseHtml(ours.value), normaliseHtml(theirs))
      },
    ),
    { numRuns: RUNS, includeErrorInReport: true },
  )
})

differential(
  'pagination',
  'mojPagination',
  moj.mojPagination,
  a.options({
    items: a.few(
      a.options({
        type: fc.constantFrom('dots', 'page', ''),
        ellipsis: fc.boolean(),
        number: fc.oneof(a.text, fc.integer({ min: 0, max: 30 })),
        text: fc.oneof(a.text, fc.integer({ min: 0, max: 30 })),
        href: a.href,
        current: fc.boolean(),
        selected: fc.boolean(),
      }),
      5,
    ),
    previous: a.paginationLink,
    next: a.paginationLink,
    landmarkLabel: a.text,
    classes: a.classes,
    attributes: a.govukAttributes,
    results: a.options({
      text: a.text,
      from: fc.oneof(fc.integer({ min: 0, max: 30 }), a.text),
      to: fc.oneof(fc.integer({ min: 0, max: 30 }), a.text),
      count: fc.oneof(fc.integer({ min: 0, max: 300 }), a.text),
      pages: a.options({ current: fc.integer({ min: 0, max: 9 }), count: fc.oneof(fc.integer({ min: 0, max: 9 }), a.text) }),
    }),
  }),
)

differential(
  'add-another',
  'mojAddAnother',
  moj.mojAddAnother,
  a.options({
    id: a.ident,
    items: a.few(
      fc.record(
        {
          fieldset: fc.record(
            {
              html: a.safeHtml,
              legend: a.options({ html: a.safeHtml, classes: a.classes }),
              describedBy: a.ident,
              classes: a.classes,
              role: fc.constantFrom('group', ''),
              attributes: a.govukAttributes,
            },
            { requiredKeys: ['html'] },
          ),
          errorMessage: a.controlError,
          removeButton: a.options({ name: a.ident, value: a.text }),
          classes: a.classes,
          attributes: a.govukAttributes,
        },
        { requiredKeys: ['fieldset'] },
      ),
      4,
    ),
    itemLabel: fc.oneof(a.text, fc.constantFrom('Person', 'Cyfeiriad ŵ')),
    layout: fc.constantFrom('inline', 'stacked', ''),
    addAnotherButtonText: fc.oneof(a.text, fc.constantFrom('Add another %{itemLabel}', 'Add %{itemLabel} & %{itemLabel}')),
    removeButtonText: fc.oneof(a.text, fc.constantFrom('Remove %{itemLabel} %{number}', 'Dileu %{number} <%{itemLabel}>')),
    removeButtonSuffixText: a.text,
    itemLegendText: a.options({ one: fc.oneof(a.text, fc.constant('%{itemLabel} %{number} of %{count}')), other: fc.oneof(a.text, fc.constant('%{itemLabel} %{number} of %{count}')) }),
    fieldLabelSuffixText: a.text,
    newItemSuffixText: a.text,
    classes: a.classes,
    attributes: a.govukAttributes,
  }),
)

differential(
  'date-picker',
  'mojDatePicker',
  moj.mojDatePicker,
  fc.record(
    {
      id: a.ident,
      name: a.ident,
      value: a.text,
      label: a.controlLabel,
      hint: a.controlHint,
      errorMessage: a.controlError,
      formGroup: a.formGroupSingle,
      classes: a.classes,
      attributes: a.govukAttributes,
      minDate: fc.constantFrom('1/1/2024', '', '<1/1/2024>'),
      maxDate: fc.constantFrom('31/12/2030', ''),
      excludedDates: fc.constantFrom('25/12/2024 1/1/2025-3/1/2025', ''),
      excludedDays: fc.constantFrom('saturday sunday', ''),
      leadingZeros: fc.boolean(),
      weekStartDay: fc.constantFrom('monday', 'sunday', ''),
    },
    { requiredKeys: ['name'] },
  ),
)

differential(
  'search',
  'mojSearch',
  moj.mojSearch,
  a.options({
    action: a.href,
    method: fc.constantFrom('get', 'post', ''),
    csrf: a.options({ name: a.ident, value: a.text }),
    layout: fc.constantFrom('stacked', 'inline', ''),
    iconButton: fc.boolean(),
    label: a.options({ text: a.text, html: a.safeHtml, classes: a.classes, attributes: a.govukAttributes }),
    hint: a.options({ text: a.text, html: a.safeHtml, id: a.ident, classes: a.classes, attributes: a.govukAttributes }),
    input: a.options({
      id: a.ident,
      name: a.ident,
      value: a.text,
      type: fc.constantFrom('search', 'text', ''),
      classes: a.classes,
      attributes: a.govukAttributes,
      errorMessage: a.controlError,
      disabled: fc.boolean(),
      spellcheck: fc.boolean(),
      autocomplete: fc.constantFrom('off', ''),
      pattern: fc.constantFrom('[a-z]*', ''),
      inputmode: fc.constantFrom('search', ''),
      describedBy: a.ident,
    }),
    button: a.options({
      text: a.text,
      html: a.safeHtml,
      id: a.ident,
      name: a.ident,
      value: a.text,
      classes: a.classes,
      attributes: a.govukAttributes,
      preventDoubleClick: fc.boolean(),
    }),
    classes: a.classes,
    attributes: a.govukAttributes,
  }),
)

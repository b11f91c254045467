/**
 * Test support: fast-check arbitraries for component options, shared by the
 * differential tests of the GOV.UK and MOJ component functions.
 *
 * Options are generated in our functions' form (HTML options as SafeHtml);
 * `toNunjucksOptions` (nunjucks-env.ts) turns them into the macros' form.
 * Text is drawn from characters that need escaping (`< > & " '`), a
 * backslash (which Nunjucks escapes and we do not), Welsh letters and
 * whitespace, so that every escaping and trimming path is exercised.
 */
import fc from 'fast-check'
import { escapeHtml, trustedHtml, type SafeHtml } from '../../src/platform/ui/html.js'

/** Characters text is made of. */
const TEXT_UNITS = ['a', 'b', 'Z', '1', ' ', ' ', '<', '>', '&', '"', "'", '\\', 'ŵ', 'ŷ', 'â', '\n', '-', '%'] as const

/** Text, possibly empty, with characters that need escaping. */
export const text: fc.Arbitrary<string> = fc.string({ unit: fc.constantFrom(...TEXT_UNITS), maxLength: 12 })

/** Text that is never empty (for options where empty text is not meaningful). */
export const someText: fc.Arbitrary<string> = fc.string({ unit: fc.constantFrom(...TEXT_UNITS), minLength: 1, maxLength: 12 })

/** A short identifier-like value (ids, names). */
export const ident: fc.Arbitrary<string> = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/)

/** An href, sometimes with characters that need escaping. */
export const href: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('/', '#', '/cases/1', 'https://example.com/a?b=1&c=2', '/search?q="x"', ''),
  ident.map((s) => '/' + s),
)

/** HTML fragments as SafeHtml, including the empty fragment and surrounding whitespace. */
export const safeHtml: fc.Arbitrary<SafeHtml> = fc
  .oneof(
    text.map((t) => `<strong>${escapeHtml(t)}</strong>`),
    text.map((t) => `  <em class="x">${escapeHtml(t)}</em> ${escapeHtml(t)}\n`),
    text.map((t) => escapeHtml(t)),
    fc.constant(''),
    fc.constant('<p class="govuk-body">Line one</p>\n<p class="govuk-body">Line ŵ two</p>'),
  )
  .map(trustedHtml)

/** HTML fragments that are never empty. */
export const someHtml: fc.Arbitrary<SafeHtml> = safeHtml.filter((h) => h.value !== '')

/** `classes` values. */
export const classes: fc.Arbitrary<string> = fc.constantFrom('', 'app-x', 'govuk-!-margin-bottom-0', 'app-a app-b', ' app-spaced ')

/** Attribute names that are safe to parse and do not collide with the components' own. */
const ATTRIBUTE_NAMES = ['data-test', 'data-id', 'aria-describedby', 'lang', 'data-ŵ', 'title'] as const

/** MOJ-style attributes: every value printed as text. */
export const mojAttributes: fc.Arbitrary<Record<string, string | number | boolean>> = fc.dictionary(
  fc.constantFrom(...ATTRIBUTE_NAMES),
  fc.oneof(text, fc.integer({ min: -5, max: 500 }), fc.boolean()),
  { maxKeys: 3 },
)

/** govukAttributes-style attributes: plain values or `{ value, optional }`. */
export const govukAttributes: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.constantFrom(...ATTRIBUTE_NAMES),
  fc.oneof(
    text,
    fc.integer({ min: -5, max: 500 }),
    fc.boolean(),
    fc.record(
      { value: fc.oneof(text, fc.boolean(), fc.constant(null), fc.constant(undefined)), optional: fc.boolean() },
      { requiredKeys: ['value'] },
    ),
  ),
  { maxKeys: 3 },
)

/** Optional: `fc.record` with every key optional, so keys are sometimes absent. */
export function options<T extends object>(shape: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<Partial<T>> {
  return fc.record(shape, { requiredKeys: [] }) as fc.Arbitrary<Partial<T>>
}

/** `{ text }`, `{ html }`, both or neither. */
export const textOrHtml = options({ text, html: safeHtml })

/** A small array. */
export function few<T>(arb: fc.Arbitrary<T>, maxLength = 4): fc.Arbitrary<T[]> {
  return fc.array(arb, { maxLength })
}

/* ---------------------------------------------------------------------------
 * govuk-frontend component options (see each component's macro-options.json)
 * ------------------------------------------------------------------------- */

/** govukButton */
export const button = options({
  text,
  html: safeHtml,
  name: ident,
  type: fc.constantFrom('button', 'submit', 'reset', ''),
  value: text,
  disabled: fc.boolean(),
  href: href,
  classes,
  attributes: govukAttributes,
  preventDoubleClick: fc.boolean(),
  isStartButton: fc.boolean(),
  id: ident,
})

/** `fc.record` with the given keys required and the rest optional. */
export function rec<T extends object, K extends keyof T>(shape: { [P in keyof T]: fc.Arbitrary<T[P]> }, required: readonly K[]): fc.Arbitrary<Partial<T> & Pick<T, K>> {
  return fc.record(shape, { requiredKeys: required as never }) as unknown as fc.Arbitrary<Partial<T> & Pick<T, K>>
}

const headingLevel = fc.integer({ min: 1, max: 6 })
/** A value for form controls, from a small set so that `value`/`checked` matches happen. */
const choice = fc.constantFrom('a', 'b', 'c', '<&"\'>', 'ŵ')

/** govukLabel */
export const label = options({ text, html: safeHtml, for: ident, isPageHeading: fc.boolean(), classes, attributes: govukAttributes })
/** govukHint */
export const hint = options({ text, html: safeHtml, id: ident, classes, attributes: govukAttributes })
/** govukErrorMessage */
export const errorMessage = options({
  text,
  html: safeHtml,
  id: ident,
  classes,
  attributes: govukAttributes,
  visuallyHiddenText: fc.oneof(text, fc.constant(false)),
})
/** govukFieldset (without `caller`) */
export const fieldset = options({
  describedBy: ident,
  legend: options({ text, html: safeHtml, classes, isPageHeading: fc.boolean() }),
  classes,
  role: fc.constantFrom('group', 'region', ''),
  attributes: govukAttributes,
  html: safeHtml,
})

/** Label, hint and error message as form controls take them (no `for`/`id`). */
export const controlLabel = options({ text, html: safeHtml, isPageHeading: fc.boolean(), classes, attributes: govukAttributes })
export const controlHint = options({ text, html: safeHtml, classes, attributes: govukAttributes })
export const controlError = fc.oneof(
  { weight: 3, arbitrary: options({ text, html: safeHtml, classes, attributes: govukAttributes, visuallyHiddenText: fc.oneof(text, fc.constant(false)) }) },
  { weight: 1, arbitrary: fc.constantFrom(false, null) },
)
export const formGroupSingle = options({ classes, attributes: govukAttributes, beforeInput: textOrHtml, afterInput: textOrHtml })
const formGroupMulti = options({ classes, attributes: govukAttributes, beforeInputs: textOrHtml, afterInputs: textOrHtml })

/** govukInput */
export const input = rec(
  {
    id: ident,
    name: ident,
    type: fc.constantFrom('text', 'email', 'number', 'search', ''),
    inputmode: fc.constantFrom('numeric', 'decimal', ''),
    value: fc.oneof(text, fc.integer({ min: -3, max: 99 })),
    disabled: fc.boolean(),
    describedBy: ident,
    label: controlLabel,
    hint: controlHint,
    errorMessage: controlError,
    prefix: options({ text, html: safeHtml, classes, attributes: govukAttributes }),
    suffix: options({ text, html: safeHtml, classes, attributes: govukAttributes }),
    formGroup: formGroupSingle,
    classes,
    autocomplete: fc.constantFrom('off', 'email', ''),
    pattern: fc.constantFrom('[0-9]*', ''),
    spellcheck: fc.boolean(),
    autocapitalize: fc.constantFrom('none', 'words', ''),
    inputWrapper: options({ classes, attributes: govukAttributes }),
    attributes: govukAttributes,
  },
  ['name'],
)

/** govukTextarea */
export const textarea = rec(
  {
    id: ident,
    name: ident,
    spellcheck: fc.boolean(),
    rows: fc.constantFrom('3', '8', ''),
    value: text,
    disabled: fc.boolean(),
    describedBy: ident,
    label: controlLabel,
    hint: controlHint,
    errorMessage: controlError,
    formGroup: formGroupSingle,
    classes,
    autocomplete: fc.constantFrom('off', 'street-address', ''),
    attributes: govukAttributes,
  },
  ['name'],
)

const choiceItem = options({
  text,
  html: safeHtml,
  id: ident,
  value: choice,
  label: options({ classes, attributes: govukAttributes }),
  hint: controlHint,
  divider: text,
  checked: fc.boolean(),
  conditional: options({ html: safeHtml }),
  disabled: fc.boolean(),
  attributes: govukAttributes,
})

/** govukRadios */
export const radios = rec(
  {
    fieldset,
    hint: controlHint,
    errorMessage: controlError,
    formGroup: formGroupMulti,
    idPrefix: ident,
    name: ident,
    items: few(fc.oneof({ weight: 5, arbitrary: choiceItem }, { weight: 1, arbitrary: options({ divider: someText }) }, { weight: 1, arbitrary: fc.constantFrom(null, undefined) })),
    value: choice,
    classes,
    attributes: govukAttributes,
  },
  ['name', 'items'],
)

/** govukCheckboxes */
export const checkboxes = rec(
  {
    describedBy: ident,
    fieldset,
    hint: controlHint,
    errorMessage: controlError,
    formGroup: formGroupMulti,
    idPrefix: ident,
    name: ident,
    items: few(
      fc.oneof(
        { weight: 5, arbitrary: fc.tuple(choiceItem, options({ name: ident, behaviour: fc.constantFrom('exclusive', '') })).map(([i, extra]) => ({ ...i, ...extra })) },
        { weight: 1, arbitrary: options({ divider: someText }) },
        { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
      ),
    ),
    values: few(choice, 3),
    classes,
    attributes: govukAttributes,
  },
  ['name', 'items'],
)

/** govukSelect */
export const select = rec(
  {
    id: ident,
    name: ident,
    items: few(fc.oneof({ weight: 6, arbitrary: options({ value: fc.oneof(choice, fc.integer({ min: 0, max: 3 })), text, selected: fc.boolean(), disabled: fc.boolean(), attributes: govukAttributes }) }, { weight: 1, arbitrary: fc.constantFrom(null, undefined) })),
    value: fc.oneof(choice, fc.integer({ min: 0, max: 3 })),
    disabled: fc.boolean(),
    describedBy: ident,
    label: controlLabel,
    hint: controlHint,
    errorMessage: controlError,
    formGroup: formGroupSingle,
    classes,
    attributes: govukAttributes,
  },
  ['name', 'items'],
)

const dateItem = options({
  id: ident,
  name: fc.constantFrom('day', 'month', 'year', 'hour', 'dob-day'),
  label: text,
  value: fc.oneof(text, fc.integer({ min: 0, max: 2030 })),
  error: fc.boolean(),
  autocomplete: fc.constantFrom('bday-day', ''),
  pattern: fc.constantFrom('[0-9]*', ''),
  inputmode: fc.constantFrom('numeric', 'text'),
  classes: fc.constantFrom('', 'govuk-input--width-2', 'govuk-input--error', 'app-x'),
  attributes: govukAttributes,
})

/** govukDateInput */
export const dateInput = rec(
  {
    id: ident,
    namePrefix: ident,
    items: few(dateItem, 4),
    hint: controlHint,
    errorMessage: controlError,
    formGroup: formGroupMulti,
    fieldset,
    day: dateItem,
    month: dateItem,
    year: dateItem,
    values: options({ day: fc.oneof(text, fc.integer({ min: 1, max: 31 })), month: text, year: fc.integer({ min: 1900, max: 2100 }) }),
    classes,
    attributes: govukAttributes,
  },
  ['id'],
)

/** govukErrorSummary (without `caller`) */
export const errorSummary = options({
  titleText: text,
  titleHtml: safeHtml,
  descriptionText: text,
  descriptionHtml: safeHtml,
  errorList: few(options({ href, text, html: safeHtml, attributes: govukAttributes })),
  disableAutoFocus: fc.boolean(),
  classes,
  attributes: govukAttributes,
})

const actionItem = rec({ href, text, html: safeHtml, visuallyHiddenText: text, classes, attributes: govukAttributes }, ['href'])
const summaryActions = options({ items: few(actionItem, 3), classes })

/** govukSummaryList */
export const summaryList = rec(
  {
    rows: few(
      fc.oneof(
        { weight: 6, arbitrary: rec({ classes, key: options({ text, html: safeHtml, classes }), value: options({ text, html: safeHtml, classes }), actions: summaryActions }, ['key', 'value']) },
        { weight: 1, arbitrary: fc.constantFrom(null, undefined, false) },
      ),
    ),
    card: options({
      title: options({ text, html: safeHtml, headingLevel, classes }),
      actions: summaryActions,
      classes,
      attributes: govukAttributes,
    }),
    classes,
    attributes: govukAttributes,
  },
  ['rows'],
)

/** A govukTable cell. */
export const tableCell = options({
  text: fc.oneof(text, fc.integer({ min: -100, max: 100000 })),
  html: safeHtml,
  format: fc.constantFrom('numeric', ''),
  classes,
  colspan: fc.integer({ min: 0, max: 3 }),
  rowspan: fc.integer({ min: 0, max: 3 }),
  attributes: govukAttributes,
})

/** govukTable */
export const table = rec(
  {
    rows: few(fc.oneof({ weight: 6, arbitrary: few(tableCell, 4) }, { weight: 1, arbitrary: fc.constantFrom(null, undefined, false) })),
    head: few(tableCell, 4),
    caption: text,
    captionClasses: classes,
    firstCellIsHeader: fc.boolean(),
    classes,
    attributes: govukAttributes,
  },
  ['rows'],
)

/** govukTag */
export const tag = options({ text, html: safeHtml, classes, attributes: govukAttributes })

/** govukPanel */
export const panel = options({
  titleText: text,
  titleHtml: safeHtml,
  headingLevel,
  text,
  html: safeHtml,
  classes: fc.constantFrom('', 'app-x', 'govuk-panel--interruption', 'app-x govuk-panel--interruption'),
  attributes: govukAttributes,
  actions: options({
    items: few(options({ text, type: fc.constantFrom('button', 'submit', ''), href, classes, attributes: govukAttributes }), 3),
    classes,
    attributes: govukAttributes,
  }),
})

/** govukInsetText */
export const insetText = options({ text, html: safeHtml, id: ident, classes, attributes: govukAttributes })

/** govukWarningText */
export const warningText = options({ text, html: safeHtml, iconFallbackText: text, classes, attributes: govukAttributes })

/** govukNotificationBanner */
export const notificationBanner = options({
  text,
  html: safeHtml,
  titleText: text,
  titleHtml: safeHtml,
  titleHeadingLevel: fc.constantFrom('2', '3', 3),
  type: fc.constantFrom('success', 'important', ''),
  role: fc.constantFrom('region', 'alert', ''),
  titleId: ident,
  disableAutoFocus: fc.boolean(),
  classes,
  attributes: govukAttributes,
})

/** govukBackLink */
export const backLink = options({ text, html: safeHtml, href, classes, attributes: govukAttributes })

/** govukBreadcrumbs */
export const breadcrumbs = rec(
  {
    items: few(options({ text, html: safeHtml, href, attributes: govukAttributes })),
    classes,
    collapseOnMobile: fc.boolean(),
    attributes: govukAttributes,
    labelText: text,
  },
  ['items'],
)

/** govukDetails (without `caller`) */
export const details = options({
  summaryText: text,
  summaryHtml: safeHtml,
  text,
  html: safeHtml,
  id: ident,
  open: fc.boolean(),
  classes,
  attributes: govukAttributes,
})

/** govukPhaseBanner */
export const phaseBanner = options({ text, html: safeHtml, tag, classes, attributes: govukAttributes })

/** govukSkipLink */
export const skipLink = options({ text, html: safeHtml, href, classes, attributes: govukAttributes })

/** govukHeader */
export const header = options({ homepageUrl: href, productName: text, containerClasses: classes, classes, attributes: govukAttributes })

const footerLink = rec({ text, href, attributes: govukAttributes }, ['text', 'href'])

/** govukFooter */
export const footer = options({
  meta: options({ visuallyHiddenTitle: text, html: safeHtml, text, items: few(footerLink, 3) }),
  navigation: few(rec({ title: text, columns: fc.integer({ min: 1, max: 3 }), width: fc.constantFrom('one-half', 'one-third', ''), items: few(options({ text, href, attributes: govukAttributes }), 3) }, ['title']), 2),
  contentLicence: fc.oneof(options({ text, html: safeHtml }), fc.constant(null)),
  copyright: options({ text, html: safeHtml }),
  containerClasses: classes,
  classes,
  attributes: govukAttributes,
})

/** govukServiceNavigation */
export const serviceNavigation = rec(
  {
    classes,
    attributes: govukAttributes,
    ariaLabel: text,
    menuButtonText: text,
    menuButtonLabel: text,
    navigationLabel: text,
    navigationId: ident,
    navigationClasses: classes,
    collapseNavigationOnMobile: fc.boolean(),
    serviceName: text,
    serviceUrl: href,
    navigation: few(fc.oneof({ weight: 5, arbitrary: options({ current: fc.boolean(), active: fc.boolean(), html: safeHtml, text, href, attributes: govukAttributes }) }, { weight: 1, arbitrary: fc.constantFrom(null, undefined, false) })),
    slots: options({
      start: safeHtml,
      end: fc.oneof(safeHtml, options({ html: safeHtml, align: fc.constantFrom('inline', 'right', '') })),
      navigationStart: safeHtml,
      navigationEnd: safeHtml,
    }),
  },
  ['navigation'],
)

export const paginationLink = rec({ text, html: safeHtml, labelText: text, href, attributes: govukAttributes }, ['href'])

/** govukPagination */
export const pagination = options({
  items: few(fc.oneof({ weight: 5, arbitrary: options({ number: fc.oneof(text, fc.integer({ min: 0, max: 50 })), visuallyHiddenText: text, href, current: fc.boolean(), ellipsis: fc.boolean(), attributes: govukAttributes }) }, { weight: 1, arbitrary: fc.constantFrom(null, undefined) }), 5),
  previous: paginationLink,
  next: paginationLink,
  landmarkLabel: text,
  classes,
  attributes: govukAttributes,
})

const plural = options({ one: text, other: text })

/** govukCharacterCount */
export const characterCount = rec(
  {
    id: ident,
    name: ident,
    rows: fc.constantFrom('3', '5', ''),
    value: text,
    maxlength: fc.constantFrom('10', '200', 150, ''),
    maxwords: fc.constantFrom('10', 50, ''),
    threshold: fc.constantFrom('75', 50, ''),
    countType: fc.constantFrom('words', 'characters', ''),
    label: controlLabel,
    hint: controlHint,
    errorMessage: controlError,
    formGroup: formGroupSingle,
    classes,
    attributes: govukAttributes,
    spellcheck: fc.boolean(),
    countMessage: options({ classes }),
    textareaDescriptionText: fc.constantFrom('Up to %{count} ŵords', 'No <limit> & "quotes"', ''),
    charactersUnderLimitText: plural,
    charactersAtLimitText: text,
    charactersOverLimitText: plural,
    wordsUnderLimitText: plural,
    wordsAtLimitText: text,
    wordsOverLimitText: plural,
  },
  ['name'],
)

/** govukCookieBanner */
export const cookieBanner = rec(
  {
    ariaLabel: text,
    hidden: fc.boolean(),
    classes,
    attributes: govukAttributes,
    messages: few(
      options({
        headingText: text,
        headingHtml: safeHtml,
        text,
        html: safeHtml,
        actions: few(options({ text, type: fc.constantFrom('button', 'submit', ''), href, name: ident, value: text, classes, attributes: govukAttributes }), 3),
        hidden: fc.boolean(),
        role: fc.constantFrom('alert', ''),
        classes,
        attributes: govukAttributes,
      }),
      3,
    ),
  },
  ['messages'],
)

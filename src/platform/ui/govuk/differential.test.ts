/**
 * Differential tests: random options rendered through our GOV.UK component
 * functions and through govuk-frontend's own Nunjucks macros must give the
 * same HTML, after normalising insignificant whitespace and attribute order.
 * The fixtures test (fixtures.test.ts) checks the examples govuk-frontend
 * publishes; this checks everything in between.
 *
 * A component whose function does not exist yet is reported as skipped.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import * as govuk from './index.js'
import { trustedHtml, type SafeHtml } from '../html.js'
import { macroName, normaliseHtml } from '../../../../test/support/govuk-fixtures.js'
import { describeOptions, govukMacroPath, renderCallMacro, renderMacro, toNunjucksOptions } from '../../../../test/support/nunjucks-env.js'
import * as a from '../../../../test/support/arbitraries.js'

const RUNS = Number(process.env.DIFF_RUNS ?? 150)

type Component = (params: never) => SafeHtml

function componentFunction(component: string): Component | undefined {
  return (govuk as unknown as Record<string, Component | undefined>)[macroName(component)]
}

/**
 * Differences found by earlier runs, checked first on every run so that they
 * fail deterministically rather than once in a few thousand runs.
 */
const REGRESSIONS: Record<string, unknown[]> = {
  // Text slots either side of an empty navigation list: the macro keeps the
  // whitespace between them ("a a"), we print "aa".
  'service-navigation': [{ navigation: [], slots: { navigationStart: trustedHtml('a'), navigationEnd: trustedHtml('a') } }],
  // An empty `html` must fall back to `text`, as `{% if params.html %}` does.
  button: [{ text: 'a', html: trustedHtml('') }, { html: trustedHtml(''), isStartButton: true }],
}

function differential(component: string, arb: fc.Arbitrary<unknown>, runs = RUNS): void {
  const name = macroName(component)
  const fn = componentFunction(component)
  test(`${name} equals the ${component} macro`, { skip: fn ? false : `${name} does not exist yet` }, () => {
    fc.assert(
      fc.property(arb, (params) => {
        const ours = normaliseHtml((fn as Component)(params as never).value)
        const theirs = normaliseHtml(renderMacro(govukMacroPath(component), name, toNunjucksOptions(params)))
        assert.equal(ours, theirs, `options: ${describeOptions(params)}`)
      }),
      { numRuns: runs, includeErrorInReport: true, examples: (REGRESSIONS[component] ?? []).map((example) => [example] as [unknown]) },
    )
  })
}

/** For macros that take content from `{% call %}`: our `caller` option against the call block. */
function differentialCaller(component: string, arb: fc.Arbitrary<unknown>, runs = Math.ceil(RUNS / 2)): void {
  const name = macroName(component)
  const fn = componentFunction(component)
  test(`${name} with a caller block equals the ${component} macro`, { skip: fn ? false : `${name} does not exist yet` }, () => {
    fc.assert(
      fc.property(arb, a.safeHtml, (params, body) => {
        const ours = normaliseHtml((fn as Component)({ ...(params as object), caller: body } as never).value)
        const theirs = normaliseHtml(renderCallMacro(govukMacroPath(component), name, toNunjucksOptions(params), body.value))
        assert.equal(ours, theirs, `options: ${describeOptions(params)}, caller: ${JSON.stringify(body.value)}`)
      }),
      { numRuns: runs, includeErrorInReport: true },
    )
  })
}

differential('button', a.button)
differential('input', a.input)
differential('textarea', a.textarea)
differential('radios', a.radios)
differential('checkboxes', a.checkboxes)
differential('select', a.select)
differential('date-input', a.dateInput)
differential('error-summary', a.errorSummary)
differentialCaller('error-summary', a.errorSummary)
differential('error-message', a.errorMessage)
differential('hint', a.hint)
differential('label', a.label)
differential('fieldset', a.fieldset)
differentialCaller('fieldset', a.fieldset)
differential('summary-list', a.summaryList)
differential('table', a.table)
differential('tag', a.tag)
differential('panel', a.panel)
differential('inset-text', a.insetText)
differential('warning-text', a.warningText)
differential('notification-banner', a.notificationBanner)
differential('back-link', a.backLink)
differential('breadcrumbs', a.breadcrumbs)
differential('details', a.details)
differentialCaller('details', a.details)
differential('phase-banner', a.phaseBanner)
differential('skip-link', a.skipLink)
differential('header', a.header)
differential('footer', a.footer)
differential('service-navigation', a.serviceNavigation)
differential('pagination', a.pagination)
differential('character-count', a.characterCount)
differential('cookie-banner', a.cookieBanner)

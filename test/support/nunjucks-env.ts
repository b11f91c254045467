/**
 * Test support: the real govuk-frontend and MOJ Frontend Nunjucks macros,
 * for differential tests of our component functions. Nunjucks is a dev
 * dependency and is used here only.
 *
 * Options are written once, typed for our functions (HTML options as
 * SafeHtml); `toNunjucksOptions` turns them into what the macros take (HTML
 * options as plain strings, which the macros print with `| safe`).
 */
import { createRequire } from 'node:module'
import nunjucks from 'nunjucks'
import { SafeHtml } from '../../src/platform/ui/html.js'
import { GOVUK_ROOT, MOJ_ROOT, normaliseHtml } from './govuk-fixtures.js'

const require = createRequire(import.meta.url)

function createEnvironment(): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader([GOVUK_ROOT, MOJ_ROOT], { noCache: false })
  const env = new nunjucks.Environment(loader, { autoescape: true })
  // MOJ Frontend's filters (`date`, `mojDate`), which the timeline needs.
  const mojFilters = require('@ministryofjustice/frontend/moj/filters/all.js') as () => Record<string, (...args: unknown[]) => unknown>
  for (const [name, filter] of Object.entries(mojFilters())) env.addFilter(name, filter)
  return env
}

export const env: nunjucks.Environment = createEnvironment()

const compiled = new Map<string, nunjucks.Template>()

function template(source: string): nunjucks.Template {
  let t = compiled.get(source)
  if (!t) {
    t = new nunjucks.Template(source, env, undefined, true)
    compiled.set(source, t)
  }
  return t
}

/**
 * Renders `{{ macroName(params) }}` from the macro file at `macroPath`
 * (relative to govuk-frontend's `dist` or MOJ Frontend's package root, as
 * the templates themselves import them), e.g.
 * `renderMacro('govuk/components/button/macro.njk', 'govukButton', { text: 'Go' })`.
 * `options` must already be in Nunjucks form (see `toNunjucksOptions`).
 */
export function renderMacro(macroPath: string, macroName: string, options: unknown): string {
  const source = `{% from "${macroPath}" import ${macroName} %}{{ ${macroName}(params) }}`
  return template(source).render({ params: options })
}

/**
 * Renders `{{ macroName(params) }}` with the macro imported `with context`,
 * so that it sees template globals such as `assetPath` set in `context`.
 */
export function renderMacroWithContext(macroPath: string, macroName: string, options: unknown, context: Record<string, unknown>): string {
  const source = `{% from "${macroPath}" import ${macroName} with context %}{{ ${macroName}(params) }}`
  return template(source).render({ ...context, params: options })
}

/**
 * Renders `{% call macroName(params) %}{{ body | safe }}{% endcall %}`, for
 * macros that take content from `caller()`.
 */
export function renderCallMacro(macroPath: string, macroName: string, options: unknown, body: string): string {
  const source = `{% from "${macroPath}" import ${macroName} %}{% call ${macroName}(params) %}{{ body | safe }}{% endcall %}`
  return template(source).render({ params: options, body })
}

/** `date-input` -> `govuk/components/date-input/macro.njk` */
export function govukMacroPath(component: string): string {
  return `govuk/components/${component}/macro.njk`
}

/** `button-menu` -> `moj/components/button-menu/macro.njk` */
export function mojMacroPath(component: string): string {
  return `moj/components/${component}/macro.njk`
}

/**
 * Our options in the form the macros take: every SafeHtml becomes its plain
 * string (the macros mark HTML options `| safe` themselves); everything else
 * is copied as is. Keys whose value is `undefined` are kept, as Nunjucks
 * sees them the same as missing keys.
 */
export function toNunjucksOptions(value: unknown): unknown {
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(toNunjucksOptions)
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = toNunjucksOptions(v)
    return out
  }
  return value
}

/** The macro's output and ours, both normalised, for `assert.equal`. */
export function compareOutputs(ours: SafeHtml | string, theirs: string): { actual: string; expected: string } {
  return { actual: normaliseHtml(String(ours)), expected: normaliseHtml(theirs) }
}

/** Options as JSON for failure messages, with SafeHtml shown as `{ "safe": "..." }`. */
export function describeOptions(options: unknown): string {
  return JSON.stringify(options, (_k, v: unknown) => (v instanceof SafeHtml ? { safe: v.value } : v))
}

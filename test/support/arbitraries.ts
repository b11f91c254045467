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

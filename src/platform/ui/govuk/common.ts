/**
 * Pieces shared by the GOV.UK component functions. They mirror the Nunjucks
 * helpers the govuk-frontend templates use (govukAttributes, the `| trim`,
 * `| indent` filters) so that our output matches the macros' output.
 */
import { EMPTY, SafeHtml, escapeHtml, trustedHtml } from '../html.js'

/** An attribute value as the macros accept it: plain, or `{ value, optional }`. */
export type AttributeValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | SafeHtml
  | { value?: string | number | boolean | null | SafeHtml; optional?: boolean }

/** HTML attributes to add to a component's element (macro option `attributes`). */
export type Attributes = Record<string, AttributeValue>

function isOptionsObject(v: AttributeValue): v is { value?: string | number | boolean | null | SafeHtml; optional?: boolean } {
  return typeof v === 'object' && v !== null && !(v instanceof SafeHtml)
}

/**
 * Renders attributes the way the `govukAttributes` macro does: each as
 * ` name="value"`; with `optional: true` a `true` value renders the bare name
 * and an empty value renders nothing.
 */
export function govukAttributes(attributes: Attributes | SafeHtml | undefined | null): SafeHtml {
  if (!attributes) return EMPTY
  if (attributes instanceof SafeHtml) return attributes
  let out = ''
  for (const name of Object.keys(attributes)) {
    const item = attributes[name] as AttributeValue
    const options = isOptionsObject(item) ? item : { value: item, optional: false }
    const value = options.value
    let escaped: string
    if (value === undefined || value === null) escaped = ''
    else if (value instanceof SafeHtml) escaped = value.value
    else escaped = escapeHtml(String(value))
    if (options.optional === true && value === true) {
      out += ' ' + escapeHtml(name)
    } else if (options.optional !== true || (value !== undefined && value !== null && value !== false)) {
      out += ' ' + escapeHtml(name) + '="' + escaped + '"'
    }
  }
  return trustedHtml(out)
}

/** Nunjucks truthiness: what `{% if x %}` treats as true. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return true
  return Boolean(value)
}

/** `x | indent(n)`: indents every line but the first by n spaces. */
export function indent(fragment: SafeHtml, width: number): SafeHtml {
  const text = fragment.value
  if (!text.includes('\n')) return fragment
  const pad = ' '.repeat(width)
  return trustedHtml(
    text
      .split('\n')
      .map((line, i) => (i === 0 || line === '' ? line : pad + line))
      .join('\n'),
  )
}

/**
 * The `html` or `text` of an option as the macros print it:
 * `params.html | safe | trim` if html is given, else `params.text` escaped.
 */
export function htmlOrText(options: { html?: SafeHtml | undefined; text?: string | number | undefined } | undefined): SafeHtml {
  if (!options) return EMPTY
  if (options.html && options.html.value) return trustedHtml(options.html.value.trim())
  if (options.text === undefined || options.text === null) return EMPTY
  return trustedHtml(escapeHtml(String(options.text)))
}

/** `classes` joined with a leading space when present, as the templates do. */
export function withClasses(base: string, classes: string | undefined | null): string {
  return classes ? base + ' ' + classes : base
}

/** `x | trim` on a fragment: trimming whitespace cannot make safe markup unsafe. */
export function trimHtml(fragment: SafeHtml): SafeHtml {
  const trimmed = fragment.value.trim()
  return trimmed === fragment.value ? fragment : trustedHtml(trimmed)
}

/**
 * `{% if x %}` for an option that may be a SafeHtml fragment: like `truthy`,
 * but an empty fragment is false, as the empty string it stands for would be.
 */
export function present(value: unknown): boolean {
  if (value instanceof SafeHtml) return value.value !== ''
  return truthy(value)
}

/** Translation text by CLDR plural rule (`zero`, `one`, `two`, `few`, `many`, `other`). */
export type PluralisedText = Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many' | 'other', string>> & Record<string, string>

/**
 * The `govukI18nAttributes` macro: ` data-i18n.<key>.<rule>="..."` for each
 * plural form in `messages`, else ` data-i18n.<key>="..."` for `message`.
 */
export function govukI18nAttributes(params: { key: string; message?: string | undefined; messages?: PluralisedText | undefined }): SafeHtml {
  if (params.messages) {
    let out = ''
    for (const rule of Object.keys(params.messages)) {
      out += ' data-i18n.' + params.key + '.' + escapeHtml(rule) + '="' + escapeHtml(String(params.messages[rule] ?? '')) + '"'
    }
    return trustedHtml(out)
  }
  if (params.message) return trustedHtml(' data-i18n.' + params.key + '="' + escapeHtml(String(params.message)) + '"')
  return EMPTY
}

/** How `{{ value }}` prints a scalar: `null`/`undefined` print nothing, booleans print `true`/`false`. */
export function printed(value: string | number | boolean | null | undefined): string {
  return value === undefined || value === null ? '' : String(value)
}

/**
 * `params.html | safe | trim | indent(width) if params.html else params.text`:
 * the trimmed html indented, or else the text escaped (not indented).
 */
export function htmlOrTextIndent(
  options: { html?: SafeHtml | undefined; text?: string | number | undefined } | undefined,
  width: number,
): SafeHtml {
  if (!options) return EMPTY
  if (options.html && options.html.value) return indent(trimHtml(options.html), width)
  if (options.text === undefined || options.text === null) return EMPTY
  return trustedHtml(escapeHtml(String(options.text)))
}

/**
 * Pieces shared by the MOJ Frontend component functions. Several MOJ
 * templates predate govuk-frontend's `govukAttributes` macro and print
 * attributes with a plain loop; `mojAttributes` mirrors that loop.
 */
import { EMPTY, SafeHtml, escapeHtml, trustedHtml } from '../html.js'
import { truthy } from '../govuk/common.js'

/**
 * Attributes as the older MOJ templates print them:
 * `{% for attribute, value in params.attributes %} {{ attribute }}="{{ value }}"{% endfor %}`.
 * Every value is printed as text (booleans as `true`/`false`); there is no
 * `{ value, optional }` form.
 */
export type MojAttributes = Record<string, string | number | boolean | null | undefined>

/** Renders `MojAttributes` as the MOJ attribute loop does: ` name="value"` each, escaped. */
export function mojAttributes(attributes: MojAttributes | undefined | null): SafeHtml {
  if (!attributes) return EMPTY
  let out = ''
  for (const name of Object.keys(attributes)) {
    out += ' ' + escapeHtml(name) + '="' + escapeHtml(printed(attributes[name])) + '"'
  }
  return out === '' ? EMPTY : trustedHtml(out)
}

/** How `{{ value }}` prints a scalar: `null` and `undefined` print nothing. */
export function printed(value: string | number | boolean | null | undefined): string {
  return value === undefined || value === null ? '' : String(value)
}

/** `{{ value }}` with autoescape, as a fragment. */
export function text(value: string | number | boolean | null | undefined): SafeHtml {
  return value === undefined || value === null || value === '' ? EMPTY : trustedHtml(escapeHtml(String(value)))
}

/** `{% if x %}` for an option that may be a SafeHtml fragment (empty fragment is false). */
export function isSet(value: unknown): boolean {
  if (value instanceof SafeHtml) return value.value !== ''
  return truthy(value)
}

/** A `{ text, html }` pair as the MOJ templates take it. */
export interface TextOrHtml {
  text?: string | number
  html?: SafeHtml
}

/**
 * `x.html | safe if x.html else x.text`: the html as given (not trimmed), or
 * the text escaped.
 */
export function content(options: TextOrHtml | undefined | null): SafeHtml {
  if (!options) return EMPTY
  if (options.html && options.html.value !== '') return options.html
  return text(options.text)
}

/** `" " + classes if classes`: a leading-space class suffix, or nothing. */
export function classSuffix(classes: string | undefined | null): string {
  return classes ? ' ' + classes : ''
}

/**
 * The `govukI18nAttributes` macro: ` data-i18n.<key>.<rule>="..."` for each
 * plural form in `messages`, else ` data-i18n.<key>="..."` for `message`.
 */
export function i18nAttributes(key: string, message: string | undefined, messages?: Record<string, string> | undefined): SafeHtml {
  if (messages) {
    let out = ''
    for (const rule of Object.keys(messages)) {
      out += ' data-i18n.' + escapeHtml(key) + '.' + escapeHtml(rule) + '="' + escapeHtml(printed(messages[rule])) + '"'
    }
    return trustedHtml(out)
  }
  if (message) return trustedHtml(' data-i18n.' + escapeHtml(key) + '="' + escapeHtml(message) + '"')
  return EMPTY
}

import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrTextIndent, withClasses, type Attributes } from './common.js'

/** Options of the `govukTag` macro (govuk-frontend tag/macro-options.json). */
export interface TagOptions {
  /** Text of the tag. Ignored if `html` is given. */
  text?: string
  /** HTML of the tag. Takes precedence over `text`. */
  html?: SafeHtml
  classes?: string
  attributes?: Attributes
}

export function govukTag(params: TagOptions): SafeHtml {
  return html`<strong class="${withClasses('govuk-tag', params.classes)}"${govukAttributes(params.attributes)}>
  ${htmlOrTextIndent(params, 2)}
</strong>`
}

import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrTextIndent, withClasses, type Attributes } from './common.js'

/** Options of the `govukInsetText` macro (govuk-frontend inset-text/macro-options.json). */
export interface InsetTextOptions {
  /** Text of the inset text. Ignored if `html` is given. */
  text?: string
  /** HTML of the inset text (the macro's `caller` block, too). Takes precedence over `text`. */
  html?: SafeHtml
  id?: string
  classes?: string
  attributes?: Attributes
}

export function govukInsetText(params: InsetTextOptions): SafeHtml {
  return html`<div${params.id ? html` id="${params.id}"` : ''} class="${withClasses('govuk-inset-text', params.classes)}"${govukAttributes(params.attributes)}>
  ${htmlOrTextIndent(params, 2)}
</div>`
}

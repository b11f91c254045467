import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrText, indent, type Attributes } from './common.js'

/** Options of the `govukHint` macro (govuk-frontend hint/macro-options.json). */
export interface HintOptions {
  /** Text of the hint, if `html` is not set. */
  text?: string
  /** HTML of the hint; if set, `text` is ignored. */
  html?: SafeHtml
  id?: string
  classes?: string
  attributes?: Attributes
}

export function govukHint(params: HintOptions): SafeHtml {
  return html`<div${params.id ? html` id="${params.id}"` : ''} class="govuk-hint${params.classes ? ' ' + params.classes : ''}"${govukAttributes(params.attributes)}>
  ${indent(htmlOrText(params), 2)}
</div>`
}

import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrText, indent, type Attributes } from './common.js'

/** Options of the `govukErrorMessage` macro (govuk-frontend error-message/macro-options.json). */
export interface ErrorMessageOptions {
  /** Text of the error message, if `html` is not set. */
  text?: string
  /** HTML of the error message; if set, `text` is ignored. */
  html?: SafeHtml
  id?: string
  classes?: string
  attributes?: Attributes
  /** Visually hidden prefix before the message. Defaults to `Error`; an empty string or `false` removes it. */
  visuallyHiddenText?: string | false
}

export function govukErrorMessage(params: ErrorMessageOptions): SafeHtml {
  const hidden = params.visuallyHiddenText === undefined ? 'Error' : params.visuallyHiddenText
  const message = indent(htmlOrText(params), 2)
  return html`<p${params.id ? html` id="${params.id}"` : ''} class="govuk-error-message${params.classes ? ' ' + params.classes : ''}"${govukAttributes(params.attributes)}>
  ${hidden ? html`<span class="govuk-visually-hidden">${hidden}:</span> ${message}` : message}
</p>`
}

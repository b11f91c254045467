import { html, type SafeHtml } from '../html.js'
import { govukAttributes, present, withClasses, type Attributes } from './common.js'

/** Options of the `govukWarningText` macro (govuk-frontend warning-text/macro-options.json). */
export interface WarningTextOptions {
  /** Text of the warning. Ignored if `html` is given. */
  text?: string
  /** HTML of the warning. Takes precedence over `text`. */
  html?: SafeHtml
  /** Visually hidden text for the icon. Defaults to `"Warning"`. */
  iconFallbackText?: string
  classes?: string
  attributes?: Attributes
}

export function govukWarningText(params: WarningTextOptions): SafeHtml {
  return html`<div class="${withClasses('govuk-warning-text', params.classes)}"${govukAttributes(params.attributes)}>
  <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
  <strong class="govuk-warning-text__text">
    <span class="govuk-visually-hidden">${params.iconFallbackText || 'Warning'}</span>
    ${present(params.html) ? params.html : params.text}
  </strong>
</div>`
}

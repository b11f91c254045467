import { html, type SafeHtml } from '../html.js'
import { govukAttributes, indent, present, trimHtml, type Attributes } from './common.js'

/** Options of the `govukDetails` macro (govuk-frontend details/macro-options.json). */
export interface DetailsOptions {
  /** Text of the summary, if `summaryHtml` is not set. */
  summaryText?: string
  /** HTML of the summary; if set, `summaryText` is ignored. */
  summaryHtml?: SafeHtml
  /** Text of the disclosed part, if `html` is not set. */
  text?: string
  /** HTML of the disclosed part; if set, `text` is ignored. */
  html?: SafeHtml
  /** Disclosed content as a `{% call %}` block would give it; wins over `html` and `text`. */
  caller?: SafeHtml
  id?: string
  /** Whether the details element starts expanded. */
  open?: boolean
  classes?: string
  attributes?: Attributes
}

export function govukDetails(params: DetailsOptions): SafeHtml {
  const summary = present(params.summaryHtml) ? indent(trimHtml(params.summaryHtml as SafeHtml), 6) : params.summaryText
  const content = params.caller !== undefined ? params.caller : present(params.html) ? params.html : params.text
  return html`<details${params.id ? html` id="${params.id}"` : ''} class="govuk-details${params.classes ? ' ' + params.classes : ''}"${govukAttributes(params.attributes)}${params.open ? ' open' : ''}>
  <summary class="govuk-details__summary">
    <span class="govuk-details__summary-text">
      ${summary}
    </span>
  </summary>
  <div class="govuk-details__text">
    ${content}
  </div>
</details>`
}

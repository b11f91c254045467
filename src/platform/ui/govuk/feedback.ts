import { html, type SafeHtml } from '../html.js'
import { govukAttributes, indent, present, trimHtml, type Attributes } from './common.js'

/** Options of the `govukFeedback` macro (govuk-frontend feedback/macro-options.json). */
export interface FeedbackOptions {
  /** Title text, if `titleHtml` is not set. */
  titleText?: string
  /** Title HTML; if set, `titleText` is ignored. */
  titleHtml?: SafeHtml
  /** Heading level of the title, 1 to 6. Defaults to 2. */
  headingLevel?: number
  /** Content text, in a paragraph, if `html` is not set. */
  text?: string
  /** Content HTML; if set, `text` is ignored. */
  html?: SafeHtml
  /** Content as a `{% call %}` block would give it; wins over `html` and `text`. */
  caller?: SafeHtml
  classes?: string
  attributes?: Attributes
}

export function govukFeedback(params: FeedbackOptions): SafeHtml {
  const level = params.headingLevel ? params.headingLevel : 2
  let body: SafeHtml | '' = ''
  if (params.caller !== undefined || present(params.html) || present(params.text)) {
    const content =
      params.caller !== undefined
        ? params.caller
        : present(params.html)
          ? indent(trimHtml(params.html as SafeHtml), 4)
          : html`<p class="govuk-body">
              ${String(params.text).trim()}
            </p>`
    body = html`
        <div class="govuk-feedback__body">
          ${content}
        </div>`
  }
  return html`<div class="govuk-feedback govuk-width-container${params.classes ? ' ' + params.classes : ''}"${govukAttributes(params.attributes)}>
  <div class="govuk-grid-row">
    <div class="govuk-grid-column-two-thirds">
      <h${level} class="govuk-feedback__title">
        ${present(params.titleHtml) ? params.titleHtml : params.titleText}
      </h${level}>${body}
    </div>
  </div>
</div>`
}

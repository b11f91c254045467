import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrText, indent, present, printed, trimHtml, type Attributes } from './common.js'

export interface ErrorSummaryItem {
  /** Link target; with it the item is a link. */
  href?: string
  /** Text of the item, if `html` is not set. */
  text?: string
  /** HTML of the item; if set, `text` is ignored. */
  html?: SafeHtml
  /** Attributes of the link. */
  attributes?: Attributes
}

/** Options of the `govukErrorSummary` macro (govuk-frontend error-summary/macro-options.json). */
export interface ErrorSummaryOptions {
  /** Heading text, if `titleHtml` is not set. */
  titleText?: string
  /** Heading HTML; if set, `titleText` is ignored. */
  titleHtml?: SafeHtml
  descriptionText?: string
  /** Description HTML; if set, `descriptionText` is ignored. */
  descriptionHtml?: SafeHtml
  /** Description as a `{% call %}` block would give it; wins over the description options. */
  caller?: SafeHtml
  errorList?: ErrorSummaryItem[]
  /** Prevent moving focus to the summary when the page loads. */
  disableAutoFocus?: boolean
  classes?: string
  attributes?: Attributes
}

function errorItem(item: ErrorSummaryItem): SafeHtml {
  if (item.href) {
    return html`
          <li>
            <a href="${item.href}"${govukAttributes(item.attributes)}>${present(item.html) ? indent(trimHtml(item.html as SafeHtml), 12) : item.text}</a>
          </li>`
  }
  return html`
          <li>
            ${indent(htmlOrText(item), 10)}
          </li>`
}

export function govukErrorSummary(params: ErrorSummaryOptions): SafeHtml {
  const title = present(params.titleHtml) ? indent(trimHtml(params.titleHtml as SafeHtml), 6) : params.titleText
  let description: SafeHtml | '' = ''
  if (params.caller !== undefined || present(params.descriptionHtml) || present(params.descriptionText)) {
    const content =
      params.caller !== undefined
        ? params.caller
        : present(params.descriptionHtml)
          ? indent(trimHtml(params.descriptionHtml as SafeHtml), 8)
          : params.descriptionText
    description = html`
      <p>
        ${content}
      </p>`
  }
  const list = params.errorList
  return html`<div class="govuk-error-summary${params.classes ? ' ' + params.classes : ''}"${params.disableAutoFocus !== undefined ? html` data-disable-auto-focus="${printed(params.disableAutoFocus)}"` : ''}${govukAttributes(params.attributes)} data-module="govuk-error-summary">
  <div role="alert">
    <h2 class="govuk-error-summary__title">
      ${title}
    </h2>
    <div class="govuk-error-summary__body">${description}${
      list && list.length
        ? html`
        <ul class="govuk-list govuk-error-summary__list">${list.map(errorItem)}
        </ul>`
        : ''
    }
    </div>
  </div>
</div>`
}

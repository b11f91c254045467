import { html, type SafeHtml } from '../html.js'
import type { Attributes } from '../govuk/common.js'
import { govukButton } from '../govuk/button.js'
import { content, mojAttributes, text, type MojAttributes, type TextOrHtml } from './common.js'

/** A chosen filter value, shown as a tag that removes it. */
export interface FilterTag {
  href?: string
  text?: string
}

/** Options of the `mojFilter` macro. */
export interface FilterOptions {
  heading?: TextOrHtml
  selectedFilters?: {
    heading?: TextOrHtml
    clearLink?: { href?: string; text?: string }
    categories?: { heading?: TextOrHtml; items?: FilterTag[] }[]
  }
  /** The submit button; its text defaults to "Apply filters". */
  submit?: { text?: string; attributes?: Attributes }
  /** The filter form fields. */
  optionsHtml?: SafeHtml
  attributes?: MojAttributes
}

export function mojFilter(params: FilterOptions): SafeHtml {
  const selected = params.selectedFilters
  const selectedHtml = selected
    ? html`

      <div class="moj-filter__selected">

        <div class="moj-filter__selected-heading">

          <div class="moj-filter__heading-title">
            <h2 class="govuk-heading-m">${content(selected.heading)}</h2>
          </div>

          <div class="moj-filter__heading-action">
            <p><a class="govuk-link govuk-link--no-visited-state" href="${text(selected.clearLink?.href)}">${text(selected.clearLink?.text)}</a></p>
          </div>

        </div>
${(selected.categories ?? []).map(
  (category) => html`
          <h3 class="govuk-heading-s govuk-!-margin-bottom-0">${content(category.heading)}</h3>

          <ul class="moj-filter-tags">
${(category.items ?? []).map(
  (item) => html`
              <li><a class="moj-filter__tag" href="${text(item.href)}"><span class="govuk-visually-hidden">Remove this filter</span> ${text(item.text)}</a></li>
`,
)}
          </ul>
`,
)}
      </div>
    `
    : ''
  return html`
<div class="moj-filter" data-module="moj-filter"${mojAttributes(params.attributes)}>

  <div class="moj-filter__header">

    <div class="moj-filter__header-title">
      <h2 class="govuk-heading-m">${content(params.heading)}</h2>
    </div>

    <div class="moj-filter__header-action">
      
    </div>

  </div>

  <div class="moj-filter__content">
${selectedHtml}
    <div class="moj-filter__options">

      ${govukButton({ text: params.submit?.text ? params.submit.text : 'Apply filters', attributes: params.submit?.attributes })}

      ${params.optionsHtml}

    </div>

  </div>

</div>
`
}

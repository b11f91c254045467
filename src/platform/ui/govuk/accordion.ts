import { html, type SafeHtml } from '../html.js'
import { govukAttributes, govukI18nAttributes, htmlOrText, indent, present, printed, trimHtml, type Attributes } from './common.js'

/** Text or HTML content; `html` wins when both are given. */
export interface AccordionContent {
  text?: string
  html?: SafeHtml
}

export interface AccordionItem {
  /** The section's heading. */
  heading: AccordionContent
  /** A summary line under the heading. */
  summary?: AccordionContent
  /** The section's content, hidden when collapsed; text is put in a paragraph. */
  content: AccordionContent
  /** Whether the section is expanded when the page first loads. */
  expanded?: boolean
}

/** Options of the `govukAccordion` macro (govuk-frontend accordion/macro-options.json). */
export interface AccordionOptions {
  /** Unique ID; prefixes the sections' IDs and keys the remembered state. */
  id: string
  /** Heading level of the sections, 1 to 6. Defaults to 2. */
  headingLevel?: number
  classes?: string
  attributes?: Attributes
  /** Whether to remember the sections' expanded state when the user comes back. */
  rememberExpanded?: boolean
  /** Translation of ‘Hide all sections’. */
  hideAllSectionsText?: string
  /** Translation of ‘Hide’. */
  hideSectionText?: string
  /** Translation of ‘Hide this section’, for assistive technologies. */
  hideSectionAriaLabelText?: string
  /** Translation of ‘Show all sections’. */
  showAllSectionsText?: string
  /** Translation of ‘Show’. */
  showSectionText?: string
  /** Translation of ‘Show this section’, for assistive technologies. */
  showSectionAriaLabelText?: string
  /** The sections; falsy entries are skipped but still counted for IDs. */
  items: (AccordionItem | null | undefined | false)[]
}

function section(params: AccordionOptions, item: AccordionItem, index: number, level: string | number): SafeHtml {
  const summary = item.summary
  const content = item.content
  let body: SafeHtml | '' = ''
  if (content && present(content.html)) body = trimHtml(content.html as SafeHtml)
  else if (content && present(content.text)) {
    body = html`<p class="govuk-body">
        ${String(content.text).trim()}
      </p>`
  }
  return html`
  <div class="govuk-accordion__section${item.expanded ? ' govuk-accordion__section--expanded' : ''}">
    <div class="govuk-accordion__section-header">
      <h${level} class="govuk-accordion__section-heading">
        <span class="govuk-accordion__section-button" id="${params.id}-heading-${index}">
          ${indent(htmlOrText(item.heading), 8)}
        </span>
      </h${level}>${
        summary && (present(summary.html) || present(summary.text))
          ? html`
      <div class="govuk-accordion__section-summary govuk-body" id="${params.id}-summary-${index}">
        ${indent(htmlOrText(summary), 8)}
      </div>`
          : ''
      }
    </div>
    <div id="${params.id}-content-${index}" class="govuk-accordion__section-content">
      ${indent(body || html``, 6)}
    </div>
  </div>`
}

export function govukAccordion(params: AccordionOptions): SafeHtml {
  const level = params.headingLevel ? params.headingLevel : 2
  const sections: SafeHtml[] = []
  const items = params.items ?? []
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    if (item) sections.push(section(params, item, i + 1, level))
  }
  return html`<div class="govuk-accordion${params.classes ? ' ' + params.classes : ''}" data-module="govuk-accordion" id="${params.id}"${govukI18nAttributes({ key: 'hide-all-sections', message: params.hideAllSectionsText })}${govukI18nAttributes({ key: 'hide-section', message: params.hideSectionText })}${govukI18nAttributes({ key: 'hide-section-aria-label', message: params.hideSectionAriaLabelText })}${govukI18nAttributes({ key: 'show-all-sections', message: params.showAllSectionsText })}${govukI18nAttributes({ key: 'show-section', message: params.showSectionText })}${govukI18nAttributes({ key: 'show-section-aria-label', message: params.showSectionAriaLabelText })}${params.rememberExpanded !== undefined ? html` data-remember-expanded="${printed(params.rememberExpanded)}"` : ''}${govukAttributes(params.attributes)}>${sections}
</div>`
}

import { html, type SafeHtml } from '../html.js'
import { govukAttributes, type Attributes } from '../govuk/common.js'
import { govukButton, type ButtonOptions } from '../govuk/button.js'
import { classSuffix, content, type TextOrHtml } from './common.js'

/** Options of the `mojPageHeaderActions` macro. */
export interface PageHeaderActionsOptions {
  heading?: TextOrHtml & {
    /** Heading level; defaults to 1. */
    level?: number
    /** Defaults to `govuk-heading-xl`. */
    classes?: string
  }
  /** Buttons beside the heading; `govukButton` options. */
  items?: ButtonOptions[]
  classes?: string
  attributes?: Attributes
}

export function mojPageHeaderActions(params: PageHeaderActionsOptions): SafeHtml {
  const heading = params.heading
  // `| default(...)` without `true`: only undefined takes the default.
  const level = heading?.level === undefined ? 1 : heading.level
  const headingClasses = heading?.classes === undefined ? 'govuk-heading-xl' : heading.classes
  return html`
<div class="moj-page-header-actions${classSuffix(params.classes)}"${govukAttributes(params.attributes)}>
    <div class="moj-page-header-actions__title">
        <h${level} class="${headingClasses}">${content(heading)}</h${level}>
    </div>
    ${params.items ? html`
        <div class="moj-page-header-actions__actions">
            <div class="moj-button-group moj-button-group--inline">
                ${params.items.map((button) => html`
                    ${govukButton(button)}
                `)}
            </div>
        </div>
    ` : ''}
</div>
`
}

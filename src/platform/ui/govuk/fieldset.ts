import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrText, indent, present, type Attributes } from './common.js'

export interface FieldsetLegend {
  /** Text of the legend, if `html` is not set. */
  text?: string
  /** HTML of the legend; if set, `text` is ignored. */
  html?: SafeHtml
  classes?: string
  /** Whether the legend is also the page's heading (wrapped in `<h1>`). */
  isPageHeading?: boolean
}

/** Options of the `govukFieldset` macro (govuk-frontend fieldset/macro-options.json). */
export interface FieldsetOptions {
  /** Element IDs for the `aria-describedby` attribute. */
  describedBy?: string
  legend?: FieldsetLegend
  classes?: string
  /** ARIA role attribute. */
  role?: string
  attributes?: Attributes
  /** HTML inside the fieldset, after the legend. */
  html?: SafeHtml
  /** Content as a `{% call %}` block would give it; wins over `html`. */
  caller?: SafeHtml
}

export function govukFieldset(params: FieldsetOptions): SafeHtml {
  const legend = params.legend
  let legendHtml: SafeHtml | '' = ''
  if (legend && (present(legend.html) || present(legend.text))) {
    legendHtml = html`
  <legend class="govuk-fieldset__legend${legend.classes ? ' ' + legend.classes : ''}">
  ${
    legend.isPageHeading
      ? html`<h1 class="govuk-fieldset__heading">
      ${indent(htmlOrText(legend), 6)}
    </h1>`
      : indent(htmlOrText(legend), 4)
  }
  </legend>`
  }
  const content = params.caller !== undefined ? params.caller : present(params.html) ? params.html : ''
  return html`<fieldset class="govuk-fieldset${params.classes ? ' ' + params.classes : ''}"${params.role ? html` role="${params.role}"` : ''}${params.describedBy ? html` aria-describedby="${params.describedBy}"` : ''}${govukAttributes(params.attributes)}>${legendHtml}
  ${content}
</fieldset>`
}

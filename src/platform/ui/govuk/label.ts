import { EMPTY, html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrTextIndent, indent, present, withClasses, type Attributes } from './common.js'

/** Options of the `govukLabel` macro (govuk-frontend label/macro-options.json). */
export interface LabelOptions {
  /** Text of the label. Ignored if `html` is given. */
  text?: string
  /** HTML of the label. Takes precedence over `text`. */
  html?: SafeHtml
  /** The `for` attribute: the ID of the input the label is associated with. */
  for?: string
  /** Whether the label also acts as the heading of the page (wraps it in `<h1>`). */
  isPageHeading?: boolean
  classes?: string
  attributes?: Attributes
}

/** Renders nothing unless `text` or `html` is given, as the macro does. */
export function govukLabel(params: LabelOptions): SafeHtml {
  if (!present(params.html) && !present(params.text)) return EMPTY
  const label = html`<label class="${withClasses('govuk-label', params.classes)}"${govukAttributes(params.attributes)}${params.for ? html` for="${params.for}"` : ''}>
  ${htmlOrTextIndent(params, 2)}
</label>`
  if (params.isPageHeading) {
    return html`<h1 class="govuk-label-wrapper">
  ${indent(label, 2)}
</h1>`
  }
  return label
}

import { html, type SafeHtml } from '../html.js'
import { classSuffix, content, mojAttributes, type MojAttributes } from './common.js'

/** Options of the `mojBadge` macro. */
export interface BadgeOptions {
  text?: string
  html?: SafeHtml
  classes?: string
  /**
   * The macro prints `aria-label=""` (empty) when a label is given, whatever
   * its value; mirrored here so that output stays equal.
   */
  label?: string
  attributes?: MojAttributes
}

export function mojBadge(params: BadgeOptions): SafeHtml {
  return html`<span class="moj-badge${classSuffix(params.classes)}"${params.label ? html` aria-label=""` : ''}${mojAttributes(params.attributes)}>${content(params)}</span>
`
}

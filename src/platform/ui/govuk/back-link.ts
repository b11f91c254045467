import { html, type SafeHtml } from '../html.js'
import { govukAttributes, present, type Attributes } from './common.js'

/** Options of the `govukBackLink` macro (govuk-frontend back-link/macro-options.json). */
export interface BackLinkOptions {
  /** Link text. Defaults to `Back`. */
  text?: string
  /** HTML of the link; if set, `text` is ignored. */
  html?: SafeHtml
  /** The link's `href`. Defaults to `#`. */
  href?: string
  classes?: string
  attributes?: Attributes
}

export function govukBackLink(params: BackLinkOptions): SafeHtml {
  return html`<a href="${params.href || '#'}" class="govuk-back-link${params.classes ? ' ' + params.classes : ''}"${govukAttributes(params.attributes)}>${present(params.html) ? params.html : params.text || 'Back'}</a>`
}

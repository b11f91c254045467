import { html, type SafeHtml } from '../html.js'
import { govukAttributes, present, withClasses, type Attributes } from './common.js'

/** Options of the `govukSkipLink` macro (govuk-frontend skip-link/macro-options.json). */
export interface SkipLinkOptions {
  /** Text of the link. Ignored if `html` is given. */
  text?: string
  /** HTML of the link. Takes precedence over `text`. */
  html?: SafeHtml
  /** The link's `href`. Defaults to `"#content"`. */
  href?: string
  classes?: string
  attributes?: Attributes
}

export function govukSkipLink(params: SkipLinkOptions): SafeHtml {
  return html`<a href="${params.href || '#content'}" class="${withClasses('govuk-skip-link', params.classes)}"${govukAttributes(params.attributes)} data-module="govuk-skip-link">${present(params.html) ? params.html : params.text}</a>`
}

import { html, type SafeHtml } from '../html.js'
import { govukAttributes, present, type Attributes } from './common.js'

/** Options of the `govukGenericHeader` macro (govuk-frontend generic-header/macro-options.json). */
export interface GenericHeaderOptions {
  /** The URL of the logo link. Defaults to `/`. */
  url?: string
  /** Text of the logo, if `logoHtml` is not set. */
  logoText?: string
  /** HTML of the logo; if set, `logoText` is ignored. */
  logoHtml?: SafeHtml
  containerClasses?: string
  classes?: string
  attributes?: Attributes
  /** Private: the class namespace, `govuk` when used by `govukHeader`. Default `govuk-generic`. */
  _namespace?: string
}

export function govukGenericHeader(params: GenericHeaderOptions): SafeHtml {
  const ns = params._namespace ?? 'govuk-generic'
  return html`<div class="${ns}-header${params.classes ? ' ' + params.classes : ''}"${govukAttributes(params.attributes)}>
  <div class="${ns}-header__container ${params.containerClasses || 'govuk-width-container'}">
    <div class="${ns}-header__logo">
      <a href="${params.url || '/'}" class="${ns}-header__homepage-link">
        ${present(params.logoHtml) ? params.logoHtml : params.logoText}
      </a>
    </div>
  </div>
</div>`
}

import { html, trustedHtml, type SafeHtml } from '../html.js'
import { content, mojAttributes, type MojAttributes } from './common.js'

export type BannerType = 'success' | 'warning' | 'information'

/** Options of the `mojBanner` macro. */
export interface BannerOptions {
  type?: BannerType | string
  text?: string
  html?: SafeHtml
  /** The accessible label; defaults to `type`, then "banner". */
  iconFallbackText?: string
  classes?: string
  attributes?: MojAttributes
}

const ICONS: Record<string, SafeHtml> = {
  success: trustedHtml(
    '<svg class="moj-banner__icon" fill="currentColor" role="presentation" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 25 25" height="25" width="25"><path d="M25,6.2L8.7,23.2L0,14.1l4-4.2l4.7,4.9L21,2L25,6.2z"/></svg>',
  ),
  warning: trustedHtml(
    '<svg class="moj-banner__icon" fill="currentColor" role="presentation" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 25 25" height="25" width="25"><path d="M13.6,15.4h-2.3v-4.5h2.3V15.4z M13.6,19.8h-2.3v-2.2h2.3V19.8z M0,23.2h25L12.5,2L0,23.2z"/></svg>',
  ),
  information: trustedHtml(
    '<svg class="moj-banner__icon" fill="currentColor" role="presentation" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 25 25" height="25" width="25"><path d="M13.7,18.5h-2.4v-2.4h2.4V18.5z M12.5,13.7c-0.7,0-1.2-0.5-1.2-1.2V7.7c0-0.7,0.5-1.2,1.2-1.2s1.2,0.5,1.2,1.2v4.8\n\tC13.7,13.2,13.2,13.7,12.5,13.7z M12.5,0.5c-6.6,0-12,5.4-12,12s5.4,12,12,12s12-5.4,12-12S19.1,0.5,12.5,0.5z"/></svg>',
  ),
}

export function mojBanner(params: BannerOptions): SafeHtml {
  let classNames = 'moj-banner'
  if (params.type === 'success' || params.type === 'warning' || params.type === 'information') classNames += ' moj-banner--' + params.type
  if (params.classes) classNames += ' ' + params.classes
  // `iconFallbackText | default(type) | default("banner")`: only undefined falls through.
  const label = params.iconFallbackText !== undefined ? params.iconFallbackText : params.type !== undefined ? params.type : 'banner'
  const icon = params.type !== undefined && Object.hasOwn(ICONS, params.type) ? ICONS[params.type] : ''
  return html`<div
  class="${classNames}"${mojAttributes(params.attributes)}
  role="region"
  aria-label="${label}"
>

  ${icon}

  <div class="moj-banner__message">${content(params)}</div>

</div>
`
}

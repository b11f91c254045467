import { escapeHtml, html, trustedHtml, type SafeHtml } from '../html.js'
import { govukAttributes, indent, present, printed, trimHtml, type Attributes } from './common.js'

/** Options of the `govukNotificationBanner` macro (govuk-frontend notification-banner/macro-options.json). */
export interface NotificationBannerOptions {
  /** Content text, shown as a heading-styled paragraph. Ignored if `html` is given. */
  text?: string
  /** Content HTML (the macro's `caller` block, too). Takes precedence over `text`. */
  html?: SafeHtml
  /** Title text. Defaults to `"Important"`, or `"Success"` for the success type. */
  titleText?: string
  /** Title HTML. Takes precedence over `titleText`. */
  titleHtml?: SafeHtml
  /** Heading level of the title, 1 to 6. Defaults to 2. */
  titleHeadingLevel?: number | string
  /** `"success"` for a success banner (which gets `role="alert"`). */
  type?: 'success' | string | null
  /** Overrides the `role`: defaults to `"region"`, or `"alert"` for the success type. */
  role?: string
  /** ID of the title and the banner's `aria-labelledby`. Defaults to `"govuk-notification-banner-title"`. */
  titleId?: string
  /** Stops the JavaScript focusing the banner on page load (success or alert banners). */
  disableAutoFocus?: boolean
  classes?: string
  attributes?: Attributes
}

export function govukNotificationBanner(params: NotificationBannerOptions): SafeHtml {
  const successBanner = params.type === 'success'
  let classNames = 'govuk-notification-banner'
  if (successBanner) classNames += ' govuk-notification-banner--' + params.type
  if (params.classes) classNames += ' ' + params.classes
  const role = params.role ? params.role : successBanner ? 'alert' : 'region'

  let title: SafeHtml | string
  if (present(params.titleHtml)) title = params.titleHtml as SafeHtml
  else if (params.titleText) title = params.titleText
  else title = successBanner ? 'Success' : 'Important'

  const titleId = params.titleId || 'govuk-notification-banner-title'
  const level = params.titleHeadingLevel || 2

  let content: SafeHtml | string = ''
  if (present(params.html)) {
    content = html`
    ${indent(trimHtml(params.html as SafeHtml), 4)}`
  } else if (params.text) {
    content = html`
    <p class="govuk-notification-banner__heading">
      ${indent(trustedHtml(escapeHtml(String(params.text).trim())), 6)}
    </p>`
  }

  return html`<div class="${classNames}" role="${role}" aria-labelledby="${titleId}" data-module="govuk-notification-banner"${params.disableAutoFocus !== undefined ? html` data-disable-auto-focus="${printed(params.disableAutoFocus)}"` : ''}${govukAttributes(params.attributes)}>
  <div class="govuk-notification-banner__header">
    <h${level} class="govuk-notification-banner__title" id="${titleId}">
      ${title}
    </h${level}>
  </div>
  <div class="govuk-notification-banner__content">${content}
  </div>
</div>`
}

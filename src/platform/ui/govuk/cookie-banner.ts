import { html, type SafeHtml } from '../html.js'
import { govukButton } from './button.js'
import { govukAttributes, indent, present, trimHtml, type Attributes } from './common.js'

export interface CookieBannerAction {
  /** Text of the button or link. */
  text: string
  /** `button` or `submit`. With `href`, set `button` to draw a link styled as a button. */
  type?: 'button' | 'submit' | string
  /** Makes the action a link. */
  href?: string
  name?: string
  value?: string
  classes?: string
  attributes?: Attributes
}

export interface CookieBannerMessage {
  headingText?: string
  /** Heading HTML; if set, `headingText` is ignored. */
  headingHtml?: SafeHtml
  /** Main content, in a paragraph, if `html` is not set. */
  text?: string
  /** Main content HTML; if set, `text` is ignored. */
  html?: SafeHtml
  actions?: CookieBannerAction[]
  hidden?: boolean
  /** `alert` for confirmation messages. */
  role?: string
  classes?: string
  attributes?: Attributes
}

/** Options of the `govukCookieBanner` macro (govuk-frontend cookie-banner/macro-options.json). */
export interface CookieBannerOptions {
  /** Label of the banner region. Defaults to `Cookie banner`. */
  ariaLabel?: string
  hidden?: boolean
  classes?: string
  attributes?: Attributes
  messages: CookieBannerMessage[]
}

function action(item: CookieBannerAction): SafeHtml {
  if (!item.href || item.type === 'button') {
    return govukButton({
      text: item.text,
      type: item.type ? item.type : 'button',
      name: item.name,
      value: item.value,
      classes: item.classes,
      href: item.href,
      attributes: item.attributes,
    })
  }
  return html`<a class="govuk-link${item.classes ? ' ' + item.classes : ''}" href="${item.href}"${govukAttributes(item.attributes)}>${item.text}</a>`
}

function message(m: CookieBannerMessage): SafeHtml {
  let content: SafeHtml | '' = ''
  if (present(m.html)) content = indent(trimHtml(m.html as SafeHtml), 10)
  else if (present(m.text)) content = html`<p class="govuk-body">${m.text}</p>`
  return html`
  <div class="govuk-cookie-banner__message${m.classes ? ' ' + m.classes : ''} govuk-width-container"${m.role ? html` role="${m.role}"` : ''}${govukAttributes(m.attributes)}${m.hidden ? ' hidden' : ''}>

    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">${
        present(m.headingHtml) || present(m.headingText)
          ? html`
        <h2 class="govuk-cookie-banner__heading govuk-heading-m">
          ${present(m.headingHtml) ? indent(trimHtml(m.headingHtml as SafeHtml), 10) : m.headingText}
        </h2>`
          : ''
      }
        <div class="govuk-cookie-banner__content">
          ${content}
        </div>
      </div>
    </div>
${
  m.actions
    ? html`
    <div class="govuk-button-group">${m.actions.map(
      (a) => html`
      ${indent(action(a), 6)}`,
    )}
    </div>
`
    : ''
}
  </div>`
}

export function govukCookieBanner(params: CookieBannerOptions): SafeHtml {
  return html`<div class="govuk-cookie-banner${params.classes ? ' ' + params.classes : ''}" data-nosnippet role="region" aria-label="${params.ariaLabel || 'Cookie banner'}"${params.hidden ? ' hidden' : ''}${govukAttributes(params.attributes)}>${(params.messages ?? []).map(message)}
</div>`
}

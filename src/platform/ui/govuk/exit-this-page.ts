import { html, trustedHtml, type SafeHtml } from '../html.js'
import { govukButton } from './button.js'
import { govukAttributes, indent, present, type Attributes } from './common.js'

/** Options of the `govukExitThisPage` macro (govuk-frontend exit-this-page/macro-options.json). */
export interface ExitThisPageOptions {
  /** Text of the button. Defaults to ‘Emergency Exit this page’ (‘Emergency’ visually hidden). */
  text?: string
  /** HTML of the button; if set, `text` is ignored. */
  html?: SafeHtml
  /** Where the page goes. Defaults to `https://www.bbc.co.uk/weather`. */
  redirectUrl?: string
  id?: string
  classes?: string
  attributes?: Attributes
  /** Announced when activated by the keyboard shortcut. Defaults to ‘Loading.’ */
  activatedText?: string
  /** Announced when the keyboard shortcut times out. Defaults to ‘Exit this page expired.’ */
  timedOutText?: string
  /** Announced when Shift must be pressed two more times. */
  pressTwoMoreTimesText?: string
  /** Announced when Shift must be pressed one more time. */
  pressOneMoreTimeText?: string
}

const DEFAULT_HTML = trustedHtml('<span class="govuk-visually-hidden">Emergency</span> Exit this page')

export function govukExitThisPage(params: ExitThisPageOptions): SafeHtml {
  const button = govukButton({
    // `params.html if (params.html or params.text) else defaultHtml`; an empty fragment counts as none.
    html: present(params.html) ? params.html : present(params.text) ? undefined : DEFAULT_HTML,
    text: params.text,
    classes: 'govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button',
    href: params.redirectUrl || 'https://www.bbc.co.uk/weather',
    attributes: { rel: 'nofollow noreferrer' },
  })
  return html`<div${params.id ? html` id="${params.id}"` : ''} class="govuk-exit-this-page${params.classes ? ' ' + params.classes : ''}" data-module="govuk-exit-this-page"${govukAttributes(params.attributes)}${params.activatedText ? html` data-i18n.activated="${params.activatedText}"` : ''}${params.timedOutText ? html` data-i18n.timed-out="${params.timedOutText}"` : ''}${params.pressTwoMoreTimesText ? html` data-i18n.press-two-more-times="${params.pressTwoMoreTimesText}"` : ''}${params.pressOneMoreTimeText ? html` data-i18n.press-one-more-time="${params.pressOneMoreTimeText}"` : ''}>
  ${indent(button, 2)}
</div>`
}

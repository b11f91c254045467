import { html, type SafeHtml } from '../html.js'
import type { Attributes } from '../govuk/common.js'
import { govukButton } from '../govuk/button.js'
import { text } from './common.js'

/** An action on the interruption card. */
export interface InterruptionCardAction {
  text?: string
  href?: string
  /**
   * Primary action: a button unless `link`. Secondary action: a link unless
   * `button`.
   */
  style?: 'button' | 'link'
  /** Attributes of the button (not used for links). */
  attributes?: Attributes
}

/**
 * Options of MOJ Frontend's interruption card. Its macro, `interruptionCard`,
 * takes the body from `{% call %}`; here it is `bodyHtml`.
 */
export interface InterruptionCardOptions {
  heading?: string
  /** The body of the card: what `caller()` returns in the macro. */
  bodyHtml?: SafeHtml
  primaryAction?: InterruptionCardAction
  secondaryAction?: InterruptionCardAction
}

function link(action: InterruptionCardAction | undefined): SafeHtml {
  return html`<a class="govuk-link govuk-link--inverse"
                   href="${text(action?.href)}">${text(action?.text)}</a>`
}

function button(action: InterruptionCardAction | undefined): SafeHtml {
  return govukButton({
    text: action?.text,
    classes: 'govuk-button--inverse',
    href: action?.href,
    preventDoubleClick: true,
    attributes: action?.attributes,
  })
}

export function mojInterruptionCard(params: InterruptionCardOptions): SafeHtml {
  const primary = params.primaryAction?.style === 'link' ? link(params.primaryAction) : button(params.primaryAction)
  const secondary = params.secondaryAction ? (params.secondaryAction.style === 'button' ? button(params.secondaryAction) : link(params.secondaryAction)) : ''
  return html`
<div class="moj-interruption-card">
    <div class="moj-interruption-card__content">
        <h1 class="moj-interruption-card__heading">${text(params.heading)}</h1>
        <div class="moj-interruption-card__body">${params.bodyHtml}</div>
        <div class="govuk-button-group moj-interruption-card__actions">
            ${primary}
            ${secondary}
        </div>
    </div>
</div>
`
}

import { html, type SafeHtml } from '../html.js'
import { govukAttributes, type Attributes } from '../govuk/common.js'
import { govukButton, type ButtonOptions } from '../govuk/button.js'

/** A button or link in the menu; `govukButton` options. */
export type ButtonMenuItem = Pick<ButtonOptions, 'text' | 'html' | 'name' | 'type' | 'value' | 'href' | 'disabled' | 'attributes' | 'classes'> & {
  /** Accepted for compatibility; govuk-frontend 6 buttons have no `element` option. */
  element?: string
}

/** Options of the `mojButtonMenu` macro. */
export interface ButtonMenuOptions {
  items?: ButtonMenuItem[]
  /** The toggle button (used when there is more than one item). */
  button?: { text?: string; classes?: string }
  /** `left` or `right`. */
  alignMenu?: 'left' | 'right' | string
  classes?: string
  attributes?: Attributes
}

const ITEM_CLASSES = 'moj-button-menu__item govuk-button--secondary'

export function mojButtonMenu(params: ButtonMenuOptions): SafeHtml {
  const classNames = params.classes ? 'moj-button-menu ' + params.classes : 'moj-button-menu'
  const buttonAttributes = govukAttributes({
    'data-button-text': { value: params.button?.text, optional: true },
    'data-button-classes': { value: params.button?.classes, optional: true },
    'data-align-menu': { value: params.alignMenu, optional: true },
  })
  const items = (params.items ?? []).map(
    (item) => html`
      ${govukButton({
        classes: ITEM_CLASSES + (item.classes ? ' ' + item.classes : ''),
        text: item.text,
        html: item.html,
        name: item.name,
        type: item.type,
        value: item.value,
        href: item.href,
        disabled: item.disabled,
        attributes: item.attributes,
      })}
    `,
  )
  return html`<div class="${classNames}" data-module="moj-button-menu"${govukAttributes(params.attributes)}${buttonAttributes}>${items}</div>
`
}

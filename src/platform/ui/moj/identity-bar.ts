import { html, type SafeHtml } from '../html.js'
import { govukAttributes, type Attributes } from '../govuk/common.js'
import { mojButtonMenu, type ButtonMenuOptions } from './button-menu.js'
import { classSuffix, content, type TextOrHtml } from './common.js'

/** Options of the `mojIdentityBar` macro. */
export interface IdentityBarOptions {
  /** Who or what the page is about. */
  title?: TextOrHtml
  /** Button menus of actions. */
  menus?: ButtonMenuOptions[]
  classes?: string
  attributes?: Attributes
}

export function mojIdentityBar(params: IdentityBarOptions): SafeHtml {
  return html`<div class="moj-identity-bar${classSuffix(params.classes)}"${govukAttributes(params.attributes)}>
    <div class="moj-identity-bar__container">
        <div class="moj-identity-bar__details">
            ${params.title ? html`
                <span class="moj-identity-bar__title">${content(params.title)}</span>
            ` : ''}
        </div>
        ${params.menus ? html`
            <div class="moj-identity-bar__actions">
                ${params.menus.map(
                  (menu) => html`
                <div class="moj-identity-bar__menu">
                    ${mojButtonMenu(menu)}
                </div>
                `,
                )}
            </div>
        ` : ''}
    </div>
</div>
`
}

import { html, type SafeHtml } from '../html.js'
import { govukAttributes, indent, present, trimHtml, type Attributes } from './common.js'

/** Options of the `govukButton` macro (govuk-frontend button/macro-options.json). */
export interface ButtonOptions {
  element?: 'a' | 'button' | 'input' | string
  text?: string
  html?: SafeHtml
  name?: string
  type?: 'button' | 'submit' | 'reset' | string
  value?: string
  disabled?: boolean
  href?: string
  classes?: string
  attributes?: Attributes
  preventDoubleClick?: boolean
  isStartButton?: boolean
  id?: string
}

const START_ICON = html`<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
    <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/>
  </svg>`

export function govukButton(params: ButtonOptions): SafeHtml {
  let classNames = 'govuk-button'
  if (params.classes) classNames += ' ' + params.classes
  if (params.isStartButton) classNames += ' govuk-button--start'

  const common = html` class="${classNames}" data-module="govuk-button"${govukAttributes(params.attributes)}${params.id ? html` id="${params.id}"` : ''}`

  let content: SafeHtml
  if (params.html && present(params.html) && params.isStartButton) content = html`<span>${trimHtml(params.html)}</span>`
  else if (params.html && present(params.html)) content = trimHtml(params.html)
  else content = html`${params.text}`
  const icon = params.isStartButton ? START_ICON : ''

  if (params.href) {
    return html`<a href="${params.href}" role="button" draggable="false"${common}>
  ${indent(content, 2)}${icon}
</a>`
  }
  return html`<button type="${params.type ? params.type : 'submit'}"${params.value ? html` value="${params.value}"` : ''}${params.name ? html` name="${params.name}"` : ''}${params.disabled ? html` disabled aria-disabled="true"` : ''}${params.preventDoubleClick !== undefined ? html` data-prevent-double-click="${String(params.preventDoubleClick)}"` : ''}${common}>
  ${indent(content, 2)}${icon}
</button>`
}

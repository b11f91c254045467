import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrTextIndent, indent, present, withClasses, type Attributes } from './common.js'
import { govukButton } from './button.js'

/** A button or link at the end of an interruption panel. */
export interface PanelActionItem {
  /** The button or link text. */
  text: string
  /** `"button"` or `"submit"`. With `href`, `"button"` renders a link styled as a button. */
  type?: 'button' | 'submit' | string
  /** The link's `href`; without `type: "button"` renders an inverse link. */
  href?: string
  classes?: string
  attributes?: Attributes
}

/** Options of the `govukPanel` macro (govuk-frontend panel/macro-options.json). */
export interface PanelOptions {
  /** Title text. Ignored if `titleHtml` is given. */
  titleText?: string
  /** Title HTML. Takes precedence over `titleText`. */
  titleHtml?: SafeHtml
  /** Heading level of the title, 1 to 6. Defaults to 1. */
  headingLevel?: number
  /** Body text. Ignored if `html` is given. */
  text?: string
  /** Body HTML (the macro's `caller` block, too). Takes precedence over `text`. */
  html?: SafeHtml
  /** Include `govuk-panel--interruption` for an interruption panel (which shows `actions`). */
  classes?: string
  attributes?: Attributes
  /** Buttons or links of an interruption panel. */
  actions?: {
    items?: readonly PanelActionItem[]
    classes?: string
    attributes?: Attributes
  }
}

function panelAction(action: PanelActionItem): SafeHtml {
  if (!action.href || action.type === 'button') {
    return govukButton({
      text: action.text,
      type: action.type ? action.type : 'button',
      classes: 'govuk-button--inverse' + (action.classes ? ' ' + action.classes : ''),
      href: action.href,
      attributes: action.attributes,
    })
  }
  return html`<a class="${withClasses('govuk-link govuk-link--inverse', action.classes)}" href="${action.href}"${govukAttributes(action.attributes)}>${action.text}</a>`
}

export function govukPanel(params: PanelOptions): SafeHtml {
  const headingLevel = params.headingLevel ? params.headingLevel : 1
  const isInterruption = !!params.classes && params.classes.includes('govuk-panel--interruption')
  let classNames = 'govuk-panel'
  if (!isInterruption) classNames += ' govuk-panel--confirmation'
  if (params.classes) classNames += ' ' + params.classes

  const body =
    present(params.html) || present(params.text)
      ? html`
  <div class="govuk-panel__body">
    ${htmlOrTextIndent(params, 4)}
  </div>`
      : ''

  let actionsHtml: SafeHtml | string = ''
  const actions = params.actions
  if (isInterruption && actions) {
    const items = actions.items
    const group =
      items && items.length
        ? html`<div class="govuk-button-group">${items.map((action) => html`
      ${indent(panelAction(action), 6)}`)}
    </div>`
        : ''
    actionsHtml = html`
  <div class="${withClasses('govuk-panel__actions', actions.classes)}"${govukAttributes(actions.attributes)}>${group}</div>`
  }

  return html`<div class="${classNames}"${govukAttributes(params.attributes)}>
  <h${headingLevel} class="govuk-panel__title">
    ${present(params.titleHtml) ? params.titleHtml : params.titleText}
  </h${headingLevel}>${body}${actionsHtml}
</div>`
}

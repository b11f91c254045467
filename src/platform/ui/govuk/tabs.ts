import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrTextIndent, present, withClasses, type Attributes } from './common.js'

/** A tab and its panel. */
export interface TabsItem {
  /** ID of the panel. If omitted, `idPrefix` and the tab's number make it. */
  id?: string
  /** Text of the tab. */
  label: string
  /** Attributes for the tab link. */
  attributes?: Attributes
  /** The tab's panel. Text is wrapped in a `<p class="govuk-body">`. */
  panel: {
    /** Ignored if `html` is given. */
    text?: string
    html?: SafeHtml
    attributes?: Attributes
  }
}

/** Options of the `govukTabs` macro (govuk-frontend tabs/macro-options.json). */
export interface TabsOptions {
  id?: string
  /** Prefix of the panels' IDs (`<idPrefix>-<n>`) for items without an `id`. */
  idPrefix?: string
  /** Title of the tabs' table of contents. Defaults to `"Contents"`. */
  title?: string
  /** Falsy entries are skipped (but still count towards the numbering). */
  items?: readonly (TabsItem | null | undefined | false)[]
  classes?: string
  attributes?: Attributes
}

export function govukTabs(params: TabsOptions): SafeHtml {
  const idPrefix = params.idPrefix ? params.idPrefix : ''
  const items = params.items ?? []
  let content: SafeHtml | '' = ''
  if (items.length) {
    const tabs: SafeHtml[] = []
    const panels: SafeHtml[] = []
    for (let i = 0; i < items.length; i++) {
      const item = items[i]
      if (!item) continue
      const index = i + 1
      const tabPanelId = item.id ? item.id : idPrefix + '-' + index
      tabs.push(html`
    <li class="govuk-tabs__list-item${index === 1 ? ' govuk-tabs__list-item--selected' : ''}">
      <a class="govuk-tabs__tab" href="#${tabPanelId}"${govukAttributes(item.attributes)}>
        ${item.label}
      </a>
    </li>`)
      const panel = item.panel
      let panelContent: SafeHtml | '' = ''
      if (present(panel?.html)) {
        panelContent = html`
    ${htmlOrTextIndent({ html: panel.html }, 4)}`
      } else if (panel?.text) {
        panelContent = html`
    <p class="govuk-body">${panel.text}</p>`
      }
      panels.push(html`
  <div class="govuk-tabs__panel${index > 1 ? ' govuk-tabs__panel--hidden' : ''}" id="${tabPanelId}"${govukAttributes(panel?.attributes)}>${panelContent}
  </div>`)
    }
    content = html`
  <ul class="govuk-tabs__list">${tabs}
  </ul>${panels}`
  }
  return html`<div${params.id ? html` id="${params.id}"` : ''} class="${withClasses('govuk-tabs', params.classes)}"${govukAttributes(params.attributes)} data-module="govuk-tabs">
  <h2 class="govuk-tabs__title">
    ${params.title === undefined ? 'Contents' : params.title}
  </h2>${content}
</div>`
}

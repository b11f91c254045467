import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrTextIndent, indent, present, withClasses, type Attributes } from './common.js'

/** An action link of a summary list row or card. */
export interface SummaryListAction {
  href: string
  /** Link text. Ignored if `html` is given. */
  text?: string
  /** Link HTML. Takes precedence over `text`. */
  html?: SafeHtml
  /** Visually hidden text after the link text, for context (for example `"name"`). */
  visuallyHiddenText?: string
  classes?: string
  attributes?: Attributes
}

/** Action links with classes for their wrapper. */
export interface SummaryListActions {
  items?: readonly SummaryListAction[]
  classes?: string
}

/** The text or HTML of a key or value, with classes for its wrapper. */
export interface SummaryListContent {
  /** Ignored if `html` is given. */
  text?: string | number
  html?: SafeHtml
  classes?: string
}

/** A row of the summary list. */
export interface SummaryListRow {
  classes?: string
  key?: SummaryListContent
  value?: SummaryListContent
  actions?: SummaryListActions
}

/** The title of a summary card. */
export interface SummaryCardTitle {
  /** Ignored if `html` is given. */
  text?: string
  html?: SafeHtml
  /** Heading level, 1 to 6. Defaults to 2. */
  headingLevel?: number
  classes?: string
}

/** A summary card wrapped around the list. */
export interface SummaryCardOptions {
  title?: SummaryCardTitle
  actions?: SummaryListActions
  classes?: string
  attributes?: Attributes
}

/** Options of the `govukSummaryList` macro (govuk-frontend summary-list/macro-options.json). */
export interface SummaryListOptions {
  /** Falsy entries are skipped. */
  rows: readonly (SummaryListRow | null | undefined | false)[]
  /** Wraps the list in a summary card. */
  card?: SummaryCardOptions
  classes?: string
  attributes?: Attributes
}

function actionLink(action: SummaryListAction, cardTitle: SummaryCardTitle | undefined): SafeHtml {
  let hidden: SafeHtml | '' = ''
  if (action.visuallyHiddenText || cardTitle) {
    const title = cardTitle
      ? html` (${present(cardTitle.html) ? indent(cardTitle.html as SafeHtml, 6) : cardTitle.text})`
      : ''
    hidden = html`<span class="govuk-visually-hidden">${action.visuallyHiddenText ? html` ${action.visuallyHiddenText}` : ''}${title}</span>`
  }
  return html`<a class="${withClasses('govuk-link', action.classes)}" href="${action.href}"${govukAttributes(action.attributes)}>${present(action.html) ? indent(action.html as SafeHtml, 4) : action.text}${hidden}</a>`
}

function summaryCard(card: SummaryCardOptions, content: SafeHtml): SafeHtml {
  const title = card.title
  const headingLevel = title?.headingLevel ? title.headingLevel : 2
  const heading = title
    ? html`
    <h${headingLevel} class="${withClasses('govuk-summary-card__title', title.classes)}">
      ${htmlOrTextIndent(title, 6)}
    </h${headingLevel}>`
    : ''
  const items = card.actions?.items
  let actions: SafeHtml | '' = ''
  if (items && items.length) {
    const classes = withClasses('govuk-summary-card__actions', card.actions?.classes)
    actions =
      items.length === 1
        ? html`
    <div class="${classes}">
      ${indent(actionLink(items[0] as SummaryListAction, title), 4)}
    </div>`
        : html`
    <ul class="${classes}">${items.map(
      (action) => html`
      <li class="govuk-summary-card__action">
        ${indent(actionLink(action, title), 8)}
      </li>`,
    )}
    </ul>`
  }
  return html`<div class="${withClasses('govuk-summary-card', card.classes)}"${govukAttributes(card.attributes)}>
  <div class="govuk-summary-card__title-wrapper">${heading}${actions}
  </div>

  <div class="govuk-summary-card__content">
    ${content}
  </div>
</div>`
}

function rowActions(actions: SummaryListActions, cardTitle: SummaryCardTitle | undefined): SafeHtml {
  const items = actions.items as readonly SummaryListAction[]
  const links =
    items.length === 1
      ? html`
      ${indent(actionLink(items[0] as SummaryListAction, cardTitle), 6)}`
      : html`
      <ul class="govuk-summary-list__actions-list">${items.map(
        (action) => html`
        <li class="govuk-summary-list__actions-list-item">
          ${indent(actionLink(action, cardTitle), 8)}
        </li>`,
      )}
      </ul>`
  return html`
    <dd class="${withClasses('govuk-summary-list__actions', actions.classes)}">${links}
    </dd>`
}

export function govukSummaryList(params: SummaryListOptions): SafeHtml {
  const rows = params.rows ?? []
  const anyRowHasActions = rows.some((row) => row && row.actions?.items && row.actions.items.length > 0)
  const cardTitle = params.card?.title
  const rowsHtml: SafeHtml[] = []
  for (const row of rows) {
    if (!row) continue
    let classNames = 'govuk-summary-list__row'
    if (anyRowHasActions && !row.actions?.items) classNames += ' govuk-summary-list__row--no-actions'
    if (row.classes) classNames += ' ' + row.classes
    rowsHtml.push(html`
  <div class="${classNames}">
    <dt class="${withClasses('govuk-summary-list__key', row.key?.classes)}">
      ${htmlOrTextIndent(row.key, 6)}
    </dt>
    <dd class="${withClasses('govuk-summary-list__value', row.value?.classes)}">
      ${htmlOrTextIndent(row.value, 6)}
    </dd>${row.actions?.items && row.actions.items.length ? rowActions(row.actions, cardTitle) : ''}
  </div>`)
  }
  const summaryList = html`<dl class="${withClasses('govuk-summary-list', params.classes)}"${govukAttributes(params.attributes)}>${rowsHtml}
</dl>`
  return params.card ? summaryCard(params.card, indent(summaryList, 4)) : summaryList
}

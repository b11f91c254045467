import { html, type SafeHtml } from '../html.js'
import { govukAttributes, present, withClasses, type Attributes } from './common.js'

/** A cell of the table (a header cell in `head`, or a cell in `rows`). */
export interface TableCell {
  /** Ignored if `html` is given. */
  text?: string | number
  html?: SafeHtml
  /** Format of the cell; govuk-frontend uses only `"numeric"`. */
  format?: 'numeric' | string
  classes?: string
  colspan?: number
  rowspan?: number
  attributes?: Attributes
}

/** Options of the `govukTable` macro (govuk-frontend table/macro-options.json). */
export interface TableOptions {
  /** Rows of cells; falsy rows are skipped. */
  rows: readonly (readonly TableCell[] | null | undefined | false)[]
  /** A row of column header cells. */
  head?: readonly TableCell[]
  caption?: string
  /** Classes for the caption, for example a heading size class. */
  captionClasses?: string
  /** Make the first cell of each row a row header (`<th scope="row">`). */
  firstCellIsHeader?: boolean
  classes?: string
  attributes?: Attributes
}

function cellContent(cell: TableCell): SafeHtml | string | number | undefined {
  return present(cell.html) ? cell.html : cell.text
}

function spans(cell: TableCell): SafeHtml {
  return html`${cell.colspan ? html` colspan="${cell.colspan}"` : ''}${cell.rowspan ? html` rowspan="${cell.rowspan}"` : ''}`
}

function headerCell(item: TableCell): SafeHtml {
  return html`
      <th scope="col" class="govuk-table__header${item.format ? ' govuk-table__header--' + item.format : ''}${item.classes ? ' ' + item.classes : ''}"${spans(item)}${govukAttributes(item.attributes)}>${cellContent(item)}</th>`
}

function row(cells: readonly TableCell[], firstCellIsHeader: boolean | undefined): SafeHtml {
  const out: SafeHtml[] = []
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as TableCell
    const common = html`${spans(cell)}${govukAttributes(cell.attributes)}`
    if (i === 0 && firstCellIsHeader) {
      out.push(html`
      <th scope="row" class="${withClasses('govuk-table__header', cell.classes)}"${common}>${cellContent(cell)}</th>`)
    } else {
      out.push(html`
      <td class="govuk-table__cell${cell.format ? ' govuk-table__cell--' + cell.format : ''}${cell.classes ? ' ' + cell.classes : ''}"${common}>${cellContent(cell)}</td>`)
    }
  }
  return html`
    <tr class="govuk-table__row">${out}
    </tr>`
}

export function govukTable(params: TableOptions): SafeHtml {
  const caption = params.caption
    ? html`
  <caption class="${withClasses('govuk-table__caption', params.captionClasses)}">${params.caption}</caption>`
    : ''
  const head = params.head
    ? html`
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${params.head.map(headerCell)}
    </tr>
  </thead>`
    : ''
  const rows: SafeHtml[] = []
  for (const cells of params.rows ?? []) if (cells) rows.push(row(cells, params.firstCellIsHeader))
  return html`<table class="${withClasses('govuk-table', params.classes)}"${govukAttributes(params.attributes)}>${caption}${head}
  <tbody class="govuk-table__body">${rows}
  </tbody>
</table>`
}

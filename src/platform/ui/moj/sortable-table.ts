/**
 * MOJ Frontend's sortable table has no macro of its own: its guidance builds
 * a `govukTable` with `data-module="moj-sortable-table"` on the table and
 * `aria-sort` on each sortable column header; a cell's `data-sort-value`
 * is sorted by instead of its content. `mojSortableTable` does exactly that,
 * with typed options for the sort state, sort values and the script's
 * messages.
 */
import type { SafeHtml } from '../html.js'
import type { Attributes } from '../govuk/common.js'
import { govukTable, type TableCell, type TableOptions } from '../govuk/table.js'

/** A column header: sortable unless `sort` is `false`. */
export interface SortableTableHeadCell extends TableCell {
  /** The column's sort state (`aria-sort`); defaults to `none`. `false` makes the column not sortable. */
  sort?: 'ascending' | 'descending' | 'none' | false
}

/** A cell; `sortValue` is sorted by instead of the cell's content (`data-sort-value`). */
export interface SortableTableCell extends TableCell {
  sortValue?: string | number
}

/** Options of a sortable table: `govukTable` options plus sorting. */
export interface SortableTableOptions extends Omit<TableOptions, 'head' | 'rows'> {
  head: readonly SortableTableHeadCell[]
  rows: readonly (readonly SortableTableCell[] | null | undefined | false)[]
  /** Announced after sorting; `%heading%` and `%direction%` are replaced. Default "Sort by %heading% (%direction%)". */
  statusMessage?: string
  /** Default "ascending". */
  ascendingText?: string
  /** Default "descending". */
  descendingText?: string
}

function headCell({ sort, ...cell }: SortableTableHeadCell): TableCell {
  if (sort === false) return cell
  return { ...cell, attributes: { 'aria-sort': sort ?? 'none', ...cell.attributes } }
}

function bodyCell({ sortValue, ...cell }: SortableTableCell): TableCell {
  if (sortValue === undefined) return cell
  return { ...cell, attributes: { 'data-sort-value': String(sortValue), ...cell.attributes } }
}

export function mojSortableTable(params: SortableTableOptions): SafeHtml {
  const { head, rows, statusMessage, ascendingText, descendingText, attributes, ...table } = params
  const tableAttributes: Attributes = {
    'data-module': 'moj-sortable-table',
    'data-status-message': { value: statusMessage, optional: true },
    'data-ascending-text': { value: ascendingText, optional: true },
    'data-descending-text': { value: descendingText, optional: true },
    ...attributes,
  }
  return govukTable({
    ...table,
    attributes: tableAttributes,
    head: head.map(headCell),
    rows: rows.map((row) => (row ? row.map(bodyCell) : row)),
  })
}

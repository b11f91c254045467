import { html, type SafeHtml } from '../html.js'
import type { Attributes } from '../govuk/common.js'
import { govukPagination, type PaginationItem, type PaginationLink } from '../govuk/pagination.js'

/** A page link, or an ellipsis (`type: 'dots'` or `ellipsis: true`). */
export interface MojPaginationItem {
  type?: 'dots' | string
  ellipsis?: boolean
  /** The page number; `text` is used when it is not given. */
  number?: string | number
  text?: string | number
  href?: string
  /** This is the page shown; `selected` is the older name. */
  current?: boolean
  selected?: boolean
}

/** Options of the `mojPagination` macro: GOV.UK pagination with a results summary. */
export interface MojPaginationOptions {
  items?: MojPaginationItem[]
  previous?: PaginationLink
  next?: PaginationLink
  landmarkLabel?: string
  classes?: string
  attributes?: Attributes
  /**
   * The summary under the links: "Page 2 of 5" (`pages`), "Showing 11 to 20
   * of 45 total results" (`from`, `to`, `count`), or "45 total results".
   * `text` replaces the word "results".
   */
  results?: {
    text?: string
    from?: number | string
    to?: number | string
    count?: number | string
    pages?: { current?: number | string; count?: number | string }
  }
}

function resultsSummary(results: NonNullable<MojPaginationOptions['results']>, hasItems: boolean): string {
  // `params.results.text | default("results")`: only undefined takes the default.
  const term = results.text === undefined ? 'results' : results.text
  if (hasItems) {
    if (results.pages?.current && results.pages.count) return 'Page ' + results.pages.current + ' of ' + results.pages.count
    if (results.from && results.to) {
      if (results.count) return 'Showing ' + results.from + ' to ' + results.to + ' of ' + results.count + ' total ' + term
      return 'Showing ' + term + ' ' + results.from + ' to ' + results.to
    }
    if (results.count) return results.count + ' total ' + term
    return ''
  }
  return results.count ? results.count + ' total ' + term : ''
}

export function mojPagination(params: MojPaginationOptions): SafeHtml {
  const items: PaginationItem[] = (params.items ?? []).map((item) =>
    item.type === 'dots' || item.ellipsis
      ? { ellipsis: true }
      : {
          number: item.number ? item.number : item.text,
          href: item.href,
          current: item.current ? item.current : item.selected,
        },
  )
  const pagination =
    items.length > 1
      ? govukPagination({
          items,
          previous: params.previous,
          next: params.next,
          landmarkLabel: params.landmarkLabel,
          classes: 'moj-pagination__pagination ' + (params.classes ? params.classes : ''),
          attributes: params.attributes,
        })
      : ''
  const summary = params.results ? resultsSummary(params.results, items.length > 0) : ''
  return html`
<div class="moj-pagination">
  ${pagination}
  ${summary !== '' ? html`<p class="moj-pagination__results">${summary}</p>` : ''}
</div>
`
}

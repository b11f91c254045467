import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrTextIndent, indent, present, printed, type Attributes } from './common.js'

/** A page number, or an ellipsis between page numbers. */
export interface PaginationItem {
  /** The item's text, usually the page number. Required unless `ellipsis`. */
  number?: string | number
  /** The link's `aria-label`. Defaults to `"Page <number>"`. */
  visuallyHiddenText?: string
  /** The link's URL. Required unless `ellipsis`. */
  href?: string
  /** This is the page the user is on. */
  current?: boolean
  /** Render an ellipsis; all other options are ignored. */
  ellipsis?: boolean
  attributes?: Attributes
}

/** The link to the previous or next page. */
export interface PaginationLink {
  /** Link text. Defaults to `"Previous page"` / `"Next page"` ("page" visually hidden). */
  text?: string
  /** Link HTML. Takes precedence over `text`. */
  html?: SafeHtml
  /** Label under the link, shown when there are no `items`. */
  labelText?: string
  href: string
  attributes?: Attributes
}

/** Options of the `govukPagination` macro (govuk-frontend pagination/macro-options.json). */
export interface PaginationOptions {
  /** Page items; empty (`{}`), null and undefined entries are skipped. */
  items?: readonly (PaginationItem | null | undefined)[]
  previous?: PaginationLink
  next?: PaginationLink
  /** Label of the navigation landmark. Defaults to `"Pagination"`. */
  landmarkLabel?: string
  classes?: string
  attributes?: Attributes
}

const ARROW_PREVIOUS = html`<svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
    <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path>
  </svg>`

const ARROW_NEXT = html`<svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
    <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path>
  </svg>`

const DEFAULT_PREVIOUS = html`Previous<span class="govuk-visually-hidden"> page</span>`
const DEFAULT_NEXT = html`Next<span class="govuk-visually-hidden"> page</span>`

function arrowLink(link: PaginationLink, type: 'prev' | 'next', blockLevel: boolean): SafeHtml {
  const arrow = html`
      ${indent(type === 'prev' ? ARROW_PREVIOUS : ARROW_NEXT, 4)}`
  const content = present(link.html) || present(link.text) ? htmlOrTextIndent(link, 8) : type === 'prev' ? DEFAULT_PREVIOUS : DEFAULT_NEXT
  const label =
    link.labelText && blockLevel
      ? html`
      <span class="govuk-visually-hidden">:</span>
      <span class="govuk-pagination__link-label">${link.labelText}</span>`
      : ''
  return html`
  <div class="govuk-pagination__${type}">
    <a class="govuk-link govuk-pagination__link" href="${link.href}" rel="${type}"${govukAttributes(link.attributes)}>${blockLevel || type === 'prev' ? arrow : ''}
      <span class="govuk-pagination__link-title${blockLevel && !link.labelText ? ' govuk-pagination__link-title--decorated' : ''}">
        ${content}
      </span>${label}${!blockLevel && type === 'next' ? arrow : ''}
    </a>
  </div>`
}

function pageItem(item: PaginationItem): SafeHtml {
  const inner = item.ellipsis
    ? html`
    &ctdot;`
    : html`
    <a class="govuk-link govuk-pagination__link" href="${item.href}" aria-label="${item.visuallyHiddenText === undefined ? 'Page ' + printed(item.number ?? 'undefined') : item.visuallyHiddenText}"${item.current ? html` aria-current="page"` : ''}${govukAttributes(item.attributes)}>
      ${item.number}
    </a>`
  return html`
    <li class="govuk-pagination__item${item.current ? ' govuk-pagination__item--current' : ''}${item.ellipsis ? ' govuk-pagination__item--ellipsis' : ''}">${inner}
    </li>`
}

export function govukPagination(params: PaginationOptions): SafeHtml {
  const blockLevel = !params.items && !!(params.next || params.previous)
  const previous = params.previous
  const next = params.next
  const list = params.items
    ? html`
  <ul class="govuk-pagination__list">${params.items
    .filter((item): item is PaginationItem => item !== null && item !== undefined && Object.keys(item).length > 0)
    .map(pageItem)}
  </ul>`
    : ''
  return html`<nav class="govuk-pagination${blockLevel ? ' govuk-pagination--block' : ''}${params.classes ? ' ' + params.classes : ''}" aria-label="${params.landmarkLabel || 'Pagination'}"${govukAttributes(params.attributes)}>${previous && previous.href ? arrowLink(previous, 'prev', blockLevel) : ''}${list}${next && next.href ? arrowLink(next, 'next', blockLevel) : ''}
</nav>`
}

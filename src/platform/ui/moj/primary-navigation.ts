import { html, type SafeHtml } from '../html.js'
import { classSuffix, content, isSet, mojAttributes, type MojAttributes } from './common.js'

/** A link in the MOJ primary navigation. */
export interface PrimaryNavigationItem {
  text?: string
  html?: SafeHtml
  href?: string
  active?: boolean
  attributes?: MojAttributes
}

/** Options of the `mojPrimaryNavigation` macro. */
export interface PrimaryNavigationOptions {
  items?: PrimaryNavigationItem[]
  label?: string
  /** Classes for the `<nav>` element. */
  classes?: string
  /** Classes for the outer container. */
  containerClasses?: string
  attributes?: MojAttributes
  /** A search form shown beside the links. */
  searchHtml?: SafeHtml
}

export function mojPrimaryNavigation(params: PrimaryNavigationOptions): SafeHtml {
  const items = (params.items ?? []).map(
    (item) => html`
            <li class="moj-primary-navigation__item">
              <a class="moj-primary-navigation__link" ${item.active ? html`aria-current="page"` : ''} href="${item.href ?? ''}"${mojAttributes(item.attributes)}>${content(item)}</a>
            </li>
          `,
  )
  const search = isSet(params.searchHtml)
    ? html`
    <div class="moj-primary-navigation__search">${params.searchHtml}</div>
  `
    : ''
  return html`<div class="moj-primary-navigation${classSuffix(params.containerClasses)}">

  <div class="moj-primary-navigation__container">

    <div class="moj-primary-navigation__nav">

      <nav class="moj-primary-navigation${classSuffix(params.classes)}"${params.label ? html` aria-label="${params.label}"` : ''}${mojAttributes(params.attributes)}>

        <ul class="moj-primary-navigation__list">${items}</ul>

      </nav>

    </div>${search}</div>

</div>
`
}

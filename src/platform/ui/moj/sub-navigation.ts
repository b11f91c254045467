import { html, type SafeHtml } from '../html.js'
import { classSuffix, content, mojAttributes, type MojAttributes } from './common.js'

/** A link in the MOJ sub navigation. */
export interface SubNavigationItem {
  text?: string
  html?: SafeHtml
  href?: string
  active?: boolean
  classes?: string
  attributes?: MojAttributes
}

/** Options of the `mojSubNavigation` macro. */
export interface SubNavigationOptions {
  items?: SubNavigationItem[]
  /** Defaults to "Secondary navigation region". */
  label?: string
  classes?: string
  attributes?: MojAttributes
}

export function mojSubNavigation(params: SubNavigationOptions): SafeHtml {
  const items = (params.items ?? []).map(
    (item) => html`
      <li class="moj-sub-navigation__item${classSuffix(item.classes)}">
        <a class="moj-sub-navigation__link" ${item.active ? html`aria-current="page"` : ''} href="${item.href ?? ''}"${mojAttributes(item.attributes)}>${content(item)}</a>
      </li>
    `,
  )
  return html`<nav class="moj-sub-navigation${classSuffix(params.classes)}" aria-label="${params.label || 'Secondary navigation region'}"${mojAttributes(params.attributes)}>

  <ul class="moj-sub-navigation__list">${items}</ul>

</nav>
`
}

import { html, type SafeHtml } from '../html.js'
import { classSuffix, content, mojAttributes, type MojAttributes } from './common.js'

/** A link in the MOJ side navigation. */
export interface SideNavigationItem {
  text?: string
  html?: SafeHtml
  href?: string
  active?: boolean
  /** Attributes of the `<li>`. */
  attributes?: MojAttributes
}

/** A titled group of links. */
export interface SideNavigationSection {
  heading: {
    text?: string
    html?: SafeHtml
    /** Defaults to 4. */
    headingLevel?: number
    classes?: string
    attributes?: MojAttributes
  }
  items?: SideNavigationItem[]
}

/** Options of the `mojSideNavigation` macro: either `items` or `sections`. */
export interface SideNavigationOptions {
  items?: SideNavigationItem[]
  sections?: SideNavigationSection[]
  label?: string
  classes?: string
  attributes?: MojAttributes
}

function list(items: SideNavigationItem[] | undefined, pad: string): SafeHtml {
  const rows = (items ?? []).map(
    (item) => html`
${pad}  <li class="moj-side-navigation__item${item.active ? ' moj-side-navigation__item--active' : ''}"${mojAttributes(item.attributes)}>
${pad}    <a href="${item.href ?? ''}"${item.active ? html` aria-current="location"` : ''}>${content(item)}</a>
${pad}  </li>
${pad}`,
  )
  return html`<ul class="moj-side-navigation__list">${rows}</ul>`
}

export function mojSideNavigation(params: SideNavigationOptions): SafeHtml {
  let body: SafeHtml
  if (params.sections) {
    body = html`${params.sections.map((section) => {
      const heading = section.heading ?? {}
      const level = heading.headingLevel === undefined ? 4 : heading.headingLevel
      return html`
      <h${level} class="moj-side-navigation__title${classSuffix(heading.classes)}"${mojAttributes(heading.attributes)}>${content(heading)}</h${level}>
      ${list(section.items, '      ')}
    `
    })}`
  } else {
    body = html`
    ${list(params.items, '    ')}
  `
  }
  return html`<nav class="moj-side-navigation${classSuffix(params.classes)}"${params.label ? html` aria-label="${params.label}"` : ''} ${mojAttributes(params.attributes)}>${body}</nav>
`
}

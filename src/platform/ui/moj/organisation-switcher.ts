import { html, type SafeHtml } from '../html.js'
import { classSuffix, content, mojAttributes, type MojAttributes } from './common.js'

/** Options of the `mojOrganisationSwitcher` macro. */
export interface OrganisationSwitcherOptions {
  /** The current organisation. */
  text?: string
  html?: SafeHtml
  id?: string
  /** Defaults to "Organisation switcher". */
  label?: string
  /** The link to change organisation; its text defaults to "Change organisation". */
  link?: { href?: string; text?: string; id?: string; classes?: string; attributes?: MojAttributes }
  classes?: string
  attributes?: MojAttributes
}

export function mojOrganisationSwitcher(params: OrganisationSwitcherOptions): SafeHtml {
  const link = params.link
  // `| default(...)` without `true`: only undefined takes the default.
  const label = params.label === undefined ? 'Organisation switcher' : params.label
  const linkHtml = link
    ? html`<a${link.id ? html` id="${link.id}"` : ''} href="${link.href ?? ''}" class="moj-organisation-nav__link${classSuffix(link.classes)}"${mojAttributes(link.attributes)}>${link.text === undefined ? 'Change organisation' : link.text}</a>
  `
    : ''
  return html`<div${params.id ? html` id="${params.id}"` : ''} class="moj-organisation-nav${classSuffix(params.classes)}" aria-label="${label}"${mojAttributes(params.attributes)}>
  <div class="moj-organisation-nav__title">${content(params)}</div>

  ${linkHtml}
</div>
`
}

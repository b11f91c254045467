import { html, type SafeHtml } from '../html.js'
import { classSuffix, content, mojAttributes, type MojAttributes } from './common.js'
import { CREST_PATHS, CROWN_PATHS } from './header-artwork.js'

/** The organisation or service name beside the logo: a link when it has an href. */
export interface HeaderLabel {
  text?: string | number
  html?: SafeHtml
  href?: string
}

/** A link in the header's own navigation (account name, sign out). */
export interface HeaderNavigationItem {
  text?: string | number
  html?: SafeHtml
  href?: string
  active?: boolean
  attributes?: MojAttributes
}

/** Options of the `mojHeader` macro (moj/components/header/README.md). */
export interface MojHeaderOptions {
  /** The organisation beside the crest, for example "Ministry of Justice" or "HMPPS". */
  organisationLabel?: HeaderLabel
  /** The service beside the organisation. */
  serviceLabel?: HeaderLabel
  navigation?: { label?: string; items?: HeaderNavigationItem[]; classes?: string; attributes?: MojAttributes }
  /** `crown` draws the crown; anything else the Ministry of Justice crest. */
  logotype?: string
  containerClasses?: string
  classes?: string
  attributes?: MojAttributes
  /**
   * Not a macro option but the template's `assetPath` global, used by the
   * logo's fallback image; like the template, defaults to `/assets` when empty.
   */
  assetPath?: string
}

function label(params: HeaderLabel, modifier: string): SafeHtml {
  // `href | default("/")` is only reached when href is set, so it never applies.
  return params.href
    ? html`<a class="moj-header__link moj-header__link--${modifier}" href="${params.href}">${content(params)}</a>`
    : html`<span class="moj-header__link moj-header__link--${modifier}">${content(params)}</span>`
}

export function mojHeader(params: MojHeaderOptions): SafeHtml {
  const assetPath = params.assetPath || '/assets'
  const logo =
    params.logotype === 'crown'
      ? html`<svg aria-hidden="true" focusable="false" class="moj-header__logotype-crown" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 132 97" height="32" width="36">
          ${CROWN_PATHS}

          <image src="${assetPath}/images/govuk-logotype-crown.png" xlink:href="" class="govuk-header__logotype-crown-fallback-image" width="36" height="32"></image>
        </svg>`
      : html`<svg aria-hidden="true" focusable="false" class="moj-header__logotype-crest" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" height="40" width="40">

          ${CREST_PATHS}

          <image src="${assetPath}/images/moj-logotype-crest-2024.png" xlink:href="" class="moj-header__logotype-crest-fallback-image" width="40" height="40"></image>

        </svg>`
  const navigation = params.navigation
  const navigationHtml = navigation
    ? html`
      <div class="moj-header__content">

        <nav class="moj-header__navigation${classSuffix(navigation.classes)}"${navigation.label ? html` aria-label="${navigation.label}"` : ''}${mojAttributes(navigation.attributes)}>

          <ul class="moj-header__navigation-list">${(navigation.items ?? []).map(
            (item) => html`
              <li class="moj-header__navigation-item">
                <a class="moj-header__navigation-link" href="${item.href ?? ''}"${item.active ? html` aria-current="page"` : ''}${mojAttributes(item.attributes)}>${content(item)}</a>
              </li>
            `,
          )}</ul>

        </nav>

      </div>`
    : ''
  return html`<header class="moj-header${classSuffix(params.classes)}" role="banner"${mojAttributes(params.attributes)}>

  <div class="moj-header__container${classSuffix(params.containerClasses)}">

    <div class="moj-header__logo">${logo}${params.organisationLabel ? html`
        ${label(params.organisationLabel, 'organisation-name')}
      ` : ''}${params.serviceLabel ? html`
        ${label(params.serviceLabel, 'service-name')}
      ` : ''}</div>${navigationHtml}</div>

</header>
`
}

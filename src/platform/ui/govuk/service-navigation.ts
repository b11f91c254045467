import { SafeHtml, html } from '../html.js'
import { govukAttributes, indent, present, withClasses, type Attributes } from './common.js'

/** A navigation item of the service navigation. */
export interface ServiceNavigationItem {
  /** The user is on this page (`aria-current="page"`). Takes precedence over `active`. */
  current?: boolean
  /** The user is within this group of pages (`aria-current="true"`). */
  active?: boolean
  /** Text of the item. Ignored if `html` is given. */
  text?: string
  /** HTML of the item. Takes precedence over `text`. */
  html?: SafeHtml
  /** URL of the item's link. Without it the item renders as text. */
  href?: string
  /** Attributes for the item's link. */
  attributes?: Attributes
}

/** HTML injected at specified points of the service navigation. */
export interface ServiceNavigationSlots {
  /** HTML at the start of the container. */
  start?: SafeHtml
  /** HTML at the end of the container; as an object, `align: 'inline'` puts it on the navigation's line. */
  end?: SafeHtml | { html?: SafeHtml; align?: 'inline' | string }
  /** HTML before the first list item. Requires `navigation`. */
  navigationStart?: SafeHtml
  /** HTML after the last list item. Requires `navigation`. */
  navigationEnd?: SafeHtml
}

/** Options of the `govukServiceNavigation` macro (govuk-frontend service-navigation/macro-options.json). */
export interface ServiceNavigationOptions {
  classes?: string
  attributes?: Attributes
  /** `aria-label` of the container when it is a `<section>`. Defaults to `"Service information"`. */
  ariaLabel?: string
  /** Text of the mobile menu toggle. Defaults to `"Menu"`. */
  menuButtonText?: string
  /** Screen reader label of the mobile menu toggle. Defaults to `menuButtonText`. */
  menuButtonLabel?: string
  /** Screen reader label of the navigation. Defaults to `menuButtonText`. */
  navigationLabel?: string
  /** ID tying the toggle to the menu. Defaults to `"navigation"`. */
  navigationId?: string
  navigationClasses?: string
  /** Collapse the navigation into a menu on mobile. Defaults to true when there is more than one item. */
  collapseNavigationOnMobile?: boolean
  serviceName?: string
  serviceUrl?: string
  /** Falsy entries are skipped, as the macro's `select("truthy")` does. */
  navigation?: readonly (ServiceNavigationItem | null | undefined | false)[]
  slots?: ServiceNavigationSlots
}

function navigationItem(item: ServiceNavigationItem): SafeHtml {
  const isActive = item.active || item.current
  const content = present(item.html) ? item.html : item.text
  const linkInner = isActive ? html`<strong class="govuk-service-navigation__active-fallback">${content}</strong>` : html`${content}`
  const ariaCurrent = isActive ? html` aria-current="${item.current ? 'page' : 'true'}"` : ''
  let inner: SafeHtml | string = ''
  if (item.href) {
    inner = html`
    <a class="govuk-service-navigation__link" href="${item.href}"${ariaCurrent}${govukAttributes(item.attributes)}>
      ${linkInner}
    </a>`
  } else if (present(item.html) || present(item.text)) {
    inner = html`
    <span class="govuk-service-navigation__text"${ariaCurrent}>
      ${linkInner}
    </span>`
  }
  return html`
  <li class="govuk-service-navigation__item${isActive ? ' govuk-service-navigation__item--active' : ''}">${inner}
  </li>`
}

export function govukServiceNavigation(params: ServiceNavigationOptions): SafeHtml {
  const menuButtonText = params.menuButtonText || 'Menu'
  const navigationId = params.navigationId || 'navigation'
  const slots = params.slots ?? {}
  const end = slots.end
  const endSlotHtml = end instanceof SafeHtml ? end : end?.html
  const endSlotInline = !!end && !(end instanceof SafeHtml) && end.align === 'inline'

  const commonAttributes = html`class="${withClasses('govuk-service-navigation', params.classes)}" data-module="govuk-service-navigation"${govukAttributes(params.attributes)}`

  let serviceName: SafeHtml | string = ''
  if (params.serviceName) {
    serviceName = params.serviceUrl
      ? html`
      <span class="govuk-service-navigation__service-name">
        <a href="${params.serviceUrl}" class="govuk-service-navigation__link">
          ${params.serviceName}
        </a>
      </span>`
      : html`
      <span class="govuk-service-navigation__service-name">
        <span class="govuk-service-navigation__text">${params.serviceName}</span>
      </span>`
  }

  const navigationItems = (params.navigation ?? []).filter((item): item is ServiceNavigationItem => !!item)
  const collapse = params.collapseNavigationOnMobile === undefined ? navigationItems.length > 1 : params.collapseNavigationOnMobile
  let navigation: SafeHtml | string = ''
  if (navigationItems.length || present(slots.navigationStart) || present(slots.navigationEnd)) {
    const toggle = collapse
      ? html`
        <button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="${navigationId}"${params.menuButtonLabel && params.menuButtonLabel !== menuButtonText ? html` aria-label="${params.menuButtonLabel}"` : ''} hidden aria-hidden="true">
          ${menuButtonText}
        </button>`
      : ''
    navigation = html`
      <nav aria-label="${params.navigationLabel || menuButtonText}" class="${withClasses('govuk-service-navigation__wrapper', params.navigationClasses)}">${toggle}
        <ul class="govuk-service-navigation__list" id="${navigationId}">${present(slots.navigationStart) ? slots.navigationStart : ''}${navigationItems.map((item) => indent(navigationItem(item), 8))}
${present(slots.navigationEnd) ? slots.navigationEnd : ''}
        </ul>
      </nav>`
  }

  const innerContent = html`<div class="govuk-width-container${endSlotInline ? ' govuk-service-navigation__inlining-container' : ''}">${present(slots.start) ? slots.start : ''}
    <div class="govuk-service-navigation__container">${serviceName}${navigation}
    </div>${present(endSlotHtml) ? endSlotHtml : ''}
  </div>`

  if (params.serviceName || present(slots.start) || present(endSlotHtml)) {
    return html`<section aria-label="${params.ariaLabel === undefined ? 'Service information' : params.ariaLabel}" ${commonAttributes}>
  ${innerContent}
</section>`
  }
  return html`<div ${commonAttributes}>
  ${innerContent}
</div>`
}

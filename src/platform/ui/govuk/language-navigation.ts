import { html, type SafeHtml } from '../html.js'
import { govukAttributes, present, withClasses, type Attributes } from './common.js'

/** A language of the language navigation. */
export interface LanguageNavigationItem {
  /** Name of the language, written in that language. Ignored if `html` is given. */
  text?: string
  /** HTML of the item. Takes precedence over `text`. */
  html?: SafeHtml
  /** Language tag of the item's text (`lang` attribute). */
  lang?: string
  /** Language tag of the linked page (`hreflang`). Defaults to `lang`. */
  hrefLang?: string
  /** Text direction of the item's script: `"ltr"` or `"rtl"`. */
  dir?: 'ltr' | 'rtl' | string
  /** Link to this page in the language. Without it the item is the current language. */
  href?: string
  /** Whether this is the language of the current page. Defaults to true when there is no `href`. */
  current?: boolean
  /** Visually hidden text after the link saying what it does. */
  languageDescriptionText?: string
  classes?: string
  attributes?: Attributes
}

/** Options of the `govukLanguageNavigation` macro (govuk-frontend language-navigation/macro-options.json). */
export interface LanguageNavigationOptions {
  items: readonly LanguageNavigationItem[]
  /** Label of the navigation landmark. Defaults to `"Language"`. */
  ariaLabel?: string
  classes?: string
  attributes?: Attributes
}

function languageItem(item: LanguageNavigationItem): SafeHtml {
  const content = present(item.html) ? item.html : item.text
  const lang = item.lang ? html` lang="${item.lang}"` : ''
  const dir = item.dir ? html` dir="${item.dir}"` : ''
  if (item.current || !item.href) {
    return html`
    <li class="govuk-language-navigation__list-item">
      <span class="${withClasses('govuk-language-navigation__text', item.classes)}" aria-current="true"${lang}${dir}${govukAttributes(item.attributes)}>${content}</span>
    </li>`
  }
  const hreflang = item.hrefLang || item.lang ? html` hreflang="${item.hrefLang ? item.hrefLang : item.lang}"` : ''
  const description = item.languageDescriptionText
    ? html`<span class="govuk-visually-hidden"> ${item.languageDescriptionText}</span>`
    : ''
  return html`
    <li class="govuk-language-navigation__list-item">
      <a class="${withClasses('govuk-language-navigation__link', item.classes)}" href="${item.href}" rel="alternate"${lang}${hreflang}${dir}${govukAttributes(item.attributes)}>${content}${description}
      </a>
    </li>`
}

export function govukLanguageNavigation(params: LanguageNavigationOptions): SafeHtml {
  return html`<nav class="${withClasses('govuk-language-navigation', params.classes)}"${govukAttributes(params.attributes)} aria-label="${params.ariaLabel === undefined ? 'Language' : params.ariaLabel}">
  <ul class="govuk-language-navigation__list">${(params.items ?? []).map(languageItem)}
  </ul>
</nav>`
}

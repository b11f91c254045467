/**
 * The page every public and staff page is built on: the GOV.UK template with
 * our header (GOV.UK header, service navigation with the language switcher),
 * phase banner, footer and scripts. Pages are functions from a view model to
 * HTML; they call `govukPage` with their content.
 */
import { html, type SafeHtml } from '../html.js'
import {
  govukBackLink,
  govukFooter,
  govukHeader,
  govukLanguageNavigation,
  govukPhaseBanner,
  govukServiceNavigation,
  govukSkipLink,
  govukTemplate,
  type ServiceNavigationItem,
} from '../govuk/index.js'
import type { Language } from '../../i18n/index.js'
import { platformText } from '../../i18n/platform.js'

/** What every page needs from the request: set by the platform, not by pages. */
export interface PageContext {
  lang: Language
  nonce: string
  /** Fingerprinted asset prefix, `/assets/<hash>`. */
  assetPath: string
  /** The path and query of this page, for the language switcher. */
  url: string
  /** The service this page belongs to, for the service navigation. */
  service?: { name: string; url: string; navigation?: ServiceNavigationItem[] }
  /** Whether the page is for staff (loads MOJ Frontend styles). */
  staff?: boolean
  /** Where the phase banner's feedback link goes. */
  feedbackUrl?: string
}

export interface PageOptions {
  title: string
  /** True when the page shows validation errors: the title starts "Error: ". */
  hasErrors?: boolean
  content: SafeHtml
  backLink?: { href: string; text?: string }
  beforeContent?: SafeHtml
  /** Extra elements for <head>, such as a `<meta name="robots">`. */
  head?: SafeHtml
  /** `govuk-main-wrapper--l` on start and confirmation pages. */
  mainClasses?: string
  /**
   * Replaces the GOV.UK header (staff pages use MOJ Frontend's); the service
   * navigation and language switcher stay below it. The replacement names
   * the service, so the service navigation does not repeat the name. It is
   * its own banner landmark (MOJ's is `<header role="banner">`), so the
   * wrapper becomes a <div> rather than nest one banner in another.
   */
  header?: SafeHtml
}

/** `/courts?q=x&lang=en` -> `/courts?q=x&lang=cy` */
export function languageUrl(url: string, lang: Language): string {
  const [path, query = ''] = url.split('?', 2) as [string, string?]
  const params = new URLSearchParams(query)
  params.set('lang', lang)
  return `${path}?${params.toString()}`
}

export function govukPage(ctx: PageContext, page: PageOptions): SafeHtml {
  const t = platformText(ctx.lang)
  const serviceName = ctx.service?.name ?? t.platformName
  // A service's start page is titled with the service's name: say it once.
  const named = page.title === serviceName ? page.title : `${page.title} – ${serviceName}`
  const title = `${page.hasErrors ? t.errorPrefix : ''}${named} – GOV.UK`

  const languages = govukLanguageNavigation({
    ariaLabel: t.languageToggle.label,
    items: [
      { text: t.languageToggle.english, lang: 'en', href: languageUrl(ctx.url, 'en'), current: ctx.lang === 'en' },
      { text: t.languageToggle.welsh, lang: 'cy', href: languageUrl(ctx.url, 'cy'), current: ctx.lang === 'cy' },
    ],
  })

  const headerElement = page.header ? 'div' : 'header'
  const header = html`<${headerElement} class="govuk-template__header">
  ${page.header ?? govukHeader({ homepageUrl: 'https://www.gov.uk/' })}
  ${govukServiceNavigation({
    serviceName: page.header ? undefined : serviceName,
    serviceUrl: page.header ? undefined : (ctx.service?.url ?? '/'),
    menuButtonText: t.serviceNavigation,
    navigation: ctx.service?.navigation,
    slots: { end: languages },
  })}
</${headerElement}>`

  const beforeContent = html`${govukPhaseBanner({
    tag: { text: t.phaseBanner.tag },
    html: html`${t.phaseBanner.before}<a class="govuk-link" href="${ctx.feedbackUrl ?? '/contact'}" target="_blank" rel="noopener">${t.phaseBanner.link}</a>${t.phaseBanner.after}`,
  })}${page.backLink ? govukBackLink({ href: page.backLink.href, text: page.backLink.text ?? t.backLink }) : ''}${page.beforeContent}`

  const footer = html`<footer class="govuk-template__footer">
  ${govukFooter({
    meta: {
      visuallyHiddenTitle: t.footer.support,
      items: [
        { href: '/cookies', text: t.footer.cookies },
        { href: '/accessibility', text: t.footer.accessibility },
        { href: '/privacy', text: t.footer.privacy },
        { href: '/contact', text: t.footer.contact },
      ],
    },
    contentLicence: {
      html: html`${t.footer.licenceBefore}<a class="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">${t.footer.licenceLink}</a>${t.footer.licenceAfter}`,
    },
    copyright: { text: t.footer.copyright },
  })}
</footer>`

  const head = html`<link href="${ctx.assetPath}/govuk-frontend.min.css" rel="stylesheet">${ctx.staff ? html`
    <link href="${ctx.assetPath}/moj-frontend.min.css" rel="stylesheet">` : ''}${page.head}`

  return govukTemplate({
    htmlLang: ctx.lang,
    pageTitle: title,
    cspNonce: ctx.nonce,
    assetPath: ctx.assetPath,
    head,
    skipLink: govukSkipLink({ href: '#main-content', text: t.skipLink }),
    header,
    beforeContent,
    mainClasses: page.mainClasses,
    content: page.content,
    footer,
    bodyEnd: html`<script type="module" src="${ctx.assetPath}/application.js"></script>`,
  })
}

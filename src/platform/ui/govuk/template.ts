/**
 * The GOV.UK page shell, equal to govuk-frontend's `govuk/template.njk`.
 *
 * The template's variables are options of the same names. Each of its blocks
 * is an option too: when given, it replaces the block's default content, as a
 * child template's `{% block %}` would (an empty fragment empties the block).
 * Blocks nest as in the template: `header` replaces `headerStart`,
 * `govukHeader`, `govukServiceNavigation` and `headerEnd` together, `main`
 * replaces `content`, and so on.
 */
import { html, type SafeHtml } from '../html.js'
import { govukAttributes, type Attributes } from './common.js'
import { govukFooter } from './footer.js'
import { govukHeader } from './header.js'
import { govukServiceNavigation } from './service-navigation.js'
import { govukSkipLink } from './skip-link.js'

/** Variables of `govuk/template.njk`. */
export interface TemplateVariables {
  /** `lang` of the `<html>` element. Defaults to `en`. */
  htmlLang?: string
  htmlClasses?: string
  /** `lang` of the `<title>` element, if it differs from the page's. */
  pageTitleLang?: string
  /** The `theme-color` meta value. Defaults to `#1d70b8`. */
  themeColor?: string
  /** Path of the static assets, for the default icons. Defaults to `/assets`. */
  assetPath?: string
  /** Absolute URL of the assets, for the default OpenGraph image. */
  assetUrl?: string
  /** Absolute URL of the OpenGraph image. */
  opengraphImageUrl?: string
  bodyClasses?: string
  bodyAttributes?: Attributes
  /** Nonce of the inline script, for a Content Security Policy. */
  cspNonce?: string
  headerClasses?: string
  headerAttributes?: Attributes
  /** Service name for the default service navigation; without it there is none. */
  serviceName?: string
  serviceUrl?: string
  containerClasses?: string
  containerAttributes?: Attributes
  mainClasses?: string
  /** `lang` of the `<main>` element. */
  mainLang?: string
  mainAttributes?: Attributes
  footerClasses?: string
  footerAttributes?: Attributes
}

/** Blocks of `govuk/template.njk`; a given block replaces the default content. */
export interface TemplateBlocks {
  /** The `<title>` text (escaped if a plain string). */
  pageTitle?: string | SafeHtml
  /** Extra content of `<head>`, such as stylesheets. */
  head?: SafeHtml
  /** The favicon and icon links. */
  headIcons?: SafeHtml
  /** Start of `<body>`, after the `js-enabled` script. */
  bodyStart?: SafeHtml
  /** The skip link block, including `skipLink`. */
  govukSkipLink?: SafeHtml
  /** The skip link. */
  skipLink?: SafeHtml
  /** The whole header, including the `<header>` element. */
  header?: SafeHtml
  headerStart?: SafeHtml
  /** The GOV.UK header. Defaults to `govukHeader({})`. */
  govukHeader?: SafeHtml
  /** The service navigation. Defaults to one for `serviceName`, if that is given. */
  govukServiceNavigation?: SafeHtml
  headerEnd?: SafeHtml
  /** The whole width container, including `beforeContent` and `main`. */
  container?: SafeHtml
  /** Start of the width container, including `beforeContent`. */
  containerStart?: SafeHtml
  /** Before `<main>`: back links, breadcrumbs, phase banner. */
  beforeContent?: SafeHtml
  /** The `<main>` element and its content. */
  main?: SafeHtml
  /** The content of `<main>`. */
  content?: SafeHtml
  containerEnd?: SafeHtml
  /** The whole footer, including the `<footer>` element. */
  footer?: SafeHtml
  footerStart?: SafeHtml
  /** The GOV.UK footer. Defaults to `govukFooter({})`. */
  govukFooter?: SafeHtml
  footerEnd?: SafeHtml
  /** End of `<body>`, for scripts. */
  bodyEnd?: SafeHtml
}

export interface TemplateOptions extends TemplateVariables, TemplateBlocks {}

const DEFAULT_TITLE = 'GOV.UK - The best place to find government services and information'
const DEFAULT_SKIP_LINK = govukSkipLink({ href: '#main-content', text: 'Skip to main content' })
const DEFAULT_HEADER = govukHeader({})
const DEFAULT_FOOTER = govukFooter({})

function headIcons(assetPath: string, themeColor: string): SafeHtml {
  return html`
      <link rel="icon" sizes="48x48" href="${assetPath}/images/favicon.ico">
      <link rel="icon" sizes="any" href="${assetPath}/images/favicon.svg" type="image/svg+xml">
      <link rel="mask-icon" href="${assetPath}/images/govuk-icon-mask.svg" color="${themeColor}">
      <link rel="apple-touch-icon" href="${assetPath}/images/govuk-icon-180.png">
      <link rel="manifest" href="${assetPath}/manifest.json">
    `
}

const DEFAULT_HEAD_ICONS = headIcons('/assets', '#1d70b8')

/** `caller() | trim | length > 0`: whether a fragment has anything but whitespace. */
function hasContent(fragment: SafeHtml): boolean {
  return fragment.value.trim().length > 0
}

function headerBlock(params: TemplateOptions): SafeHtml {
  if (params.header !== undefined) return params.header
  const serviceNavigation =
    params.govukServiceNavigation !== undefined
      ? params.govukServiceNavigation
      : params.serviceName
        ? govukServiceNavigation({ serviceName: params.serviceName, serviceUrl: params.serviceUrl })
        : ''
  const inner = html`
        ${params.headerStart}
        ${params.govukHeader !== undefined ? params.govukHeader : DEFAULT_HEADER}
        ${serviceNavigation}
        ${params.headerEnd}
      `
  if (!hasContent(inner)) return inner
  return html`<header class="govuk-template__header${params.headerClasses ? ' ' + params.headerClasses : ''}"${govukAttributes(params.headerAttributes)}>
          ${inner}
        </header>`
}

function containerBlock(params: TemplateOptions): SafeHtml {
  if (params.container !== undefined) return params.container
  const main =
    params.main !== undefined
      ? params.main
      : html`<main class="govuk-main-wrapper${params.mainClasses ? ' ' + params.mainClasses : ''}" id="main-content"${params.mainLang ? html` lang="${params.mainLang}"` : ''}${govukAttributes(params.mainAttributes)}>
          ${params.content}
        </main>`
  return html`<div class="govuk-width-container${params.containerClasses ? ' ' + params.containerClasses : ''}"${govukAttributes(params.containerAttributes)}>
        ${params.containerStart !== undefined ? params.containerStart : params.beforeContent}
        ${main}
        ${params.containerEnd}
      </div>`
}

function footerBlock(params: TemplateOptions): SafeHtml {
  if (params.footer !== undefined) return params.footer
  const inner = html`
        ${params.footerStart}
        ${params.govukFooter !== undefined ? params.govukFooter : DEFAULT_FOOTER}
        ${params.footerEnd}
      `
  if (!hasContent(inner)) return inner
  return html`<footer class="govuk-template__footer${params.footerClasses ? ' ' + params.footerClasses : ''}"${govukAttributes(params.footerAttributes)}>
          ${inner}
        </footer>`
}

/** A whole GOV.UK page: `govuk/template.njk` with the given variables and blocks. */
export function govukTemplate(params: TemplateOptions): SafeHtml {
  const themeColor = params.themeColor || '#1d70b8'
  const assetPath = params.assetPath || '/assets'
  let icons: SafeHtml
  if (params.headIcons !== undefined) icons = params.headIcons
  else if (assetPath === '/assets' && themeColor === '#1d70b8') icons = DEFAULT_HEAD_ICONS
  else icons = headIcons(assetPath, themeColor)
  const ogImage = params.opengraphImageUrl || params.assetUrl ? params.opengraphImageUrl || String(params.assetUrl) + '/images/govuk-opengraph-image.png' : ''
  const skipLink =
    params.govukSkipLink !== undefined ? params.govukSkipLink : params.skipLink !== undefined ? params.skipLink : DEFAULT_SKIP_LINK

  return html`<!DOCTYPE html>
<html lang="${params.htmlLang || 'en'}" class="govuk-template${params.htmlClasses ? ' ' + params.htmlClasses : ''}">
  <head>
    <meta charset="utf-8">
    <title${params.pageTitleLang ? html` lang="${params.pageTitleLang}"` : ''}>${params.pageTitle !== undefined ? params.pageTitle : DEFAULT_TITLE}</title>
    <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
    <meta name="theme-color" content="${themeColor}">

    ${params.head}

    ${icons}${ogImage ? html`
    <meta property="og:image" content="${ogImage}">` : ''}
  </head>
  <body class="govuk-template__body${params.bodyClasses ? ' ' + params.bodyClasses : ''}"${govukAttributes(params.bodyAttributes)}>
    <script${params.cspNonce ? html` nonce="${params.cspNonce}"` : ''}>document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');</script>
    ${params.bodyStart}

    ${skipLink}

    ${headerBlock(params)}

    ${containerBlock(params)}

    ${footerBlock(params)}

    ${params.bodyEnd}
  </body>
</html>`
}

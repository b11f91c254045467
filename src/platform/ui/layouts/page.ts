/**
 * The page every public and staff page is built on: the GOV.UK template with
 * our header (GOV.UK header, service navigation with the language switcher),
 * phase banner, footer and scripts. Pages are functions from a view model to
 * HTML; they call `govukPage` with their content.
 */
import { EncodedHtml, escapeHtml, html, PiecedHtml, SafeHtml, trustedHtml } from '../html.js'
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
import type { Bilingual, Language } from '../../i18n/index.js'
import { platformText } from '../../i18n/platform.js'
import { remember } from '../../remember.js'

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
  // Most pages have no query: the same URL URLSearchParams would build, without building one.
  if (!url.includes('?')) return `${url}?lang=${lang}`
  const [path, query = ''] = url.split('?', 2) as [string, string?]
  const params = new URLSearchParams(query)
  params.set('lang', lang)
  return `${path}?${params.toString()}`
}

/** The per-request values of a page; everything else in the shell is the same for many requests. */
interface ShellValues {
  title: string
  nonce: string
  englishUrl: string
  welshUrl: string
  head: SafeHtml | undefined
  header: SafeHtml | undefined
  beforeContent: SafeHtml
  content: SafeHtml
}

/** The page as the GOV.UK template renders it: the one definition of our page shell. */
function shellHtml(ctx: PageContext, page: PageOptions, v: ShellValues): SafeHtml {
  const t = platformText(ctx.lang)
  const serviceName = ctx.service?.name ?? t.platformName
  const languages = govukLanguageNavigation({
    ariaLabel: t.languageToggle.label,
    items: [
      { text: t.languageToggle.english, lang: 'en', href: v.englishUrl, current: ctx.lang === 'en' },
      { text: t.languageToggle.welsh, lang: 'cy', href: v.welshUrl, current: ctx.lang === 'cy' },
    ],
  })

  const headerElement = page.header ? 'div' : 'header'
  // The phase banner is in the header, where GOV.UK Frontend 6 puts it (the component brings its own width
  // container): before <main>, outside any landmark, axe's `region` rule flags it (alphagov/govuk-frontend#6460).
  const header = html`<${headerElement} class="govuk-template__header">
  ${v.header ?? govukHeader({ homepageUrl: 'https://www.gov.uk/' })}
  ${govukServiceNavigation({
    serviceName: page.header ? undefined : serviceName,
    serviceUrl: page.header ? undefined : (ctx.service?.url ?? '/'),
    menuButtonText: t.serviceNavigation,
    navigation: ctx.service?.navigation,
    slots: { end: languages },
  })}
  ${govukPhaseBanner({
    tag: { text: t.phaseBanner.tag },
    html: html`${t.phaseBanner.before}<a class="govuk-link" href="${ctx.feedbackUrl ?? '/contact'}" target="_blank" rel="noopener">${t.phaseBanner.link}</a>${t.phaseBanner.after}`,
  })}
</${headerElement}>`

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
    <link href="${ctx.assetPath}/moj-frontend.min.css" rel="stylesheet">` : ''}${v.head}`

  return govukTemplate({
    htmlLang: ctx.lang,
    pageTitle: v.title,
    cspNonce: v.nonce,
    assetPath: ctx.assetPath,
    head,
    skipLink: govukSkipLink({ href: '#main-content', text: t.skipLink }),
    header,
    beforeContent: v.beforeContent,
    mainClasses: page.mainClasses,
    content: v.content,
    footer,
    bodyEnd: html`<script type="module" src="${ctx.assetPath}/application.js"></script>`,
  })
}

function shellValues(ctx: PageContext, page: PageOptions): ShellValues {
  const t = platformText(ctx.lang)
  const serviceName = ctx.service?.name ?? t.platformName
  // A service's start page is titled with the service's name: say it once.
  const named = page.title === serviceName ? page.title : `${page.title} – ${serviceName}`
  const backLink = page.backLink ? govukBackLink({ href: page.backLink.href, text: page.backLink.text ?? t.backLink }) : ''
  return {
    title: `${page.hasErrors ? t.errorPrefix : ''}${named} – GOV.UK`,
    nonce: ctx.nonce,
    englishUrl: languageUrl(ctx.url, 'en'),
    welshUrl: languageUrl(ctx.url, 'cy'),
    head: page.head,
    header: page.header,
    beforeContent: html`${backLink}${page.beforeContent}`,
    content: page.content,
  }
}

/**
 * The shell of a page (head, header, footer: most of its bytes) is the same
 * for every page with the same language, service navigation and layout. It is
 * rendered once with a marker in each place that varies, encoded to UTF-8
 * once, and kept. A page then costs only its own content: the shell is
 * neither rendered nor encoded again. Encoding was the largest single cost of
 * a page, because one typographic character (an en dash in the title) makes
 * the whole page a two-byte string.
 */
const HOLES = ['title', 'nonce', 'englishUrl', 'welshUrl', 'head', 'header', 'beforeContent', 'content'] as const
type Hole = (typeof HOLES)[number]
/** Control characters: nothing in our own text, URLs or markup contains them, and escaping leaves them alone. */
const marker = (i: number): string => `\u0002${i}\u0003`
// eslint-disable-next-line no-control-regex -- the markers are control characters on purpose
const MARKER = /\u0002(\d)\u0003/

interface CompiledShell {
  /** Static text between the holes, as text and as UTF-8. */
  parts: string[]
  bytes: Buffer[]
  /** The UTF-8 bytes of all the static text. */
  byteLength: number
  /** Which value fills each hole, in order. */
  holes: Hole[]
}

/**
 * Compiled shells, by what shapes one: the service, asset path, feedback
 * link and main classes, then a number for the language, staff, nonce and
 * header. Nested maps, rather than one key joined from them all: a key
 * joined on every request is a new string for V8 to hash and compare, about
 * 5,000 instructions a page under callgrind, where these strings are the
 * same ones every time and keep their hash. Null where the shell could not
 * be kept and pages are rendered the plain way.
 */
type Shells = Map<string | number, Shells | CompiledShell | null>
const shells: Shells = new Map()
let shellCount = 0
const MAX_SHELLS = 500

function within(map: Shells, key: string): Shells {
  let next = map.get(key) as Shells | undefined
  if (next === undefined) map.set(key, (next = new Map()))
  return next
}

/** A service's header in each language, made once: the shell is kept per service object, so a service passes the same one every time. */
export function serviceHeaders(name: Bilingual, url: string): Record<Language, NonNullable<PageContext['service']>> {
  return { en: { name: name.en, url }, cy: { name: name.cy, url } }
}

/** A service's part of the shell key, by service object: a service that keeps its object (courtsContext) pays for the JSON once. */
const serviceKeys = new WeakMap<NonNullable<PageContext['service']>, string>()

function serviceKey(service: NonNullable<PageContext['service']>): string {
  let key = serviceKeys.get(service)
  if (key === undefined) serviceKeys.set(service, (key = `${service.name}\u0000${service.url}\u0000${service.navigation ? JSON.stringify(service.navigation) : ''}`))
  return key
}

function keptShell(ctx: PageContext, page: PageOptions): CompiledShell | null {
  const byShape = within(within(within(within(shells, ctx.service ? serviceKey(ctx.service) : ''), ctx.assetPath), ctx.feedbackUrl ?? ''), page.mainClasses ?? '')
  // An empty nonce leaves the attribute out altogether, so only whether there is one matters.
  const flags = (ctx.lang === 'cy' ? 8 : 0) | (ctx.staff ? 4 : 0) | (ctx.nonce ? 2 : 0) | (page.header ? 1 : 0)
  let shell = byShape.get(flags) as CompiledShell | null | undefined
  if (shell === undefined) {
    if (shellCount >= MAX_SHELLS) {
      shells.clear()
      shellCount = 0
      return keptShell(ctx, page)
    }
    shell = compileShell(ctx, page) ?? null
    byShape.set(flags, shell)
    shellCount++
  }
  return shell
}

function compileShell(ctx: PageContext, page: PageOptions): CompiledShell | undefined {
  const markers = (hole: Hole) => marker(HOLES.indexOf(hole))
  const rendered = shellHtml(ctx, page, {
    title: markers('title'),
    // Without a nonce the template leaves the attribute out, so there is nothing to fill.
    nonce: ctx.nonce ? markers('nonce') : '',
    englishUrl: markers('englishUrl'),
    welshUrl: markers('welshUrl'),
    head: trustedHtml(markers('head')),
    header: page.header ? trustedHtml(markers('header')) : undefined,
    beforeContent: trustedHtml(markers('beforeContent')),
    content: trustedHtml(markers('content')),
  }).value
  const pieces = rendered.split(MARKER)
  const parts: string[] = []
  const holes: Hole[] = []
  pieces.forEach((piece, i) => (i % 2 === 0 ? parts.push(piece) : holes.push(HOLES[Number(piece)] as Hole)))
  // Each hole once, and no stray marker character left in the static text (a
  // service name or navigation label containing one): otherwise the page is
  // rendered the plain way, never wrongly.
  const required = ctx.nonce ? REQUIRED_HOLES : REQUIRED_HOLES.filter((hole) => hole !== 'nonce')
  const once = new Set(holes).size === holes.length && required.every((hole) => holes.includes(hole))
  if (!once || parts.some((part) => part.includes('\u0002'))) return undefined
  const bytes = parts.map((part) => Buffer.from(part, 'utf8'))
  return { parts, bytes, byteLength: bytes.reduce((n, b) => n + b.length, 0), holes }
}

const REQUIRED_HOLES: readonly Hole[] = ['title', 'nonce', 'head', 'beforeContent', 'content']

/**
 * A rendered page: the kept shell and this request's values. `value` gives
 * the whole page as text; `pageBytes` (platform/http) writes it as UTF-8
 * straight from the shell's bytes.
 */
export class PageHtml extends SafeHtml {
  readonly shell: CompiledShell
  /** The text of each hole, escaped as the shell would have escaped it; content may come already encoded, whole or in part. */
  readonly fills: ShellFill[]
  constructor(shell: CompiledShell, fills: ShellFill[]) {
    // Joining makes a rope of references, not a copy: the text is only flattened if something reads it.
    let text = ''
    for (let i = 0; i < shell.parts.length; i++) {
      const fill = fills[i] ?? ''
      text += (shell.parts[i] as string) + (typeof fill === 'string' ? fill : fill.value)
    }
    super(text)
    this.shell = shell
    this.fills = fills
  }
}

/** A hole's fill: text, or content encoded whole (EncodedHtml) or in part (PiecedHtml). */
export type ShellFill = string | EncodedHtml | PiecedHtml

function fill(values: ShellValues, hole: Hole): ShellFill {
  switch (hole) {
    case 'title':
    case 'nonce':
    case 'englishUrl':
    case 'welshUrl':
      return escapeHtml(values[hole])
    case 'head':
    case 'header':
    case 'beforeContent':
      return values[hole]?.value ?? ''
    case 'content':
      return values.content instanceof EncodedHtml || values.content instanceof PiecedHtml ? values.content : values.content.value
  }
}

export function govukPage(ctx: PageContext, page: PageOptions): SafeHtml {
  const shell = keptShell(ctx, page)
  if (!shell) return govukPageUncached(ctx, page)
  if (page.content instanceof EncodedHtml && ctx.nonce) return new KeptPageHtml(keptPage(shell, ctx, page), [escapeHtml(ctx.nonce)])
  const values = shellValues(ctx, page)
  return new PageHtml(
    shell,
    shell.holes.map((hole) => fill(values, hole)),
  )
}

/**
 * A page kept as bytes, with holes for what differs from one request to the
 * next: the nonce on every kept page, and a journey page's CSRF token and
 * seconds left. `texts` are the same pieces as text, for `value`.
 */
export interface HoledPage {
  bytes: Buffer[]
  texts: string[]
  /** Which value fills each hole, by its index in KeptPageHtml's values: one fewer than `bytes`. */
  holes: number[]
  byteLength: number
}

function holed(bytes: Buffer[], texts: string[], holes: number[]): HoledPage {
  return { bytes, texts, holes, byteLength: bytes.reduce((n, b) => n + b.length, 0) }
}

const utf8 = (texts: string[]): Buffer[] => texts.map((text) => Buffer.from(text, 'utf8'))

/** The marker for value `i` of a page rendered to be kept with holes (`holedPage`); at most ten values. */
export const holeMarker = (i: number): string => marker(i)

/**
 * A page rendered once with `holeMarker(i)` wherever value `i` (of `count`)
 * goes, kept as bytes between them. Undefined when the page's own text holds
 * a marker character or a marker beyond `count`, so that it cannot be kept;
 * the caller still checks the kept page against the page rendered in full,
 * as a marker in a visitor's own text would look like ours.
 */
export function holedPage(page: SafeHtml, count: number): HoledPage | undefined {
  const pieces = page.value.split(MARKER)
  const texts: string[] = []
  const holes: number[] = []
  pieces.forEach((piece, i) => (i % 2 === 0 ? texts.push(piece) : holes.push(Number(piece))))
  if (texts.some((text) => text.includes('\u0002')) || holes.some((hole) => hole >= count)) return undefined
  return holed(utf8(texts), texts, holes)
}

/**
 * Kept pages' bytes, by page options, shell and URL: at most 200, the oldest
 * going first. The URL is the request's, so anyone can ask for a kept page at
 * new URLs (`?x=1`, `?x=2`), and each would keep the page's bytes again; so
 * there is one bound for all of them, not one per page.
 */
const keptPages = new Map<string, HoledPage>()
const MAX_KEPT_PAGES = 200
const ids = new WeakMap<object, number>()
let lastId = 0
/** A number for an object, for keys of things kept by object. */
const idOf = (kept: object): number => {
  let id = ids.get(kept)
  if (id === undefined) ids.set(kept, (id = ++lastId))
  return id
}

/** A kept page (encodedPage) at one URL: the nonce is its one hole. */
function keptPage(shell: CompiledShell, ctx: PageContext, page: PageOptions): HoledPage {
  return remember(keptPages, `${idOf(page)} ${idOf(shell)} ${ctx.url}`, MAX_KEPT_PAGES, () => {
    const values = shellValues(ctx, page)
    const holes: number[] = []
    const pieces = (): string[] => {
      const texts: string[] = []
      holes.length = 0
      let text = ''
      for (let i = 0; i < shell.parts.length; i++) {
        text += shell.parts[i] as string
        const hole = shell.holes[i]
        if (hole === undefined) continue
        if (hole === 'nonce') {
          texts.push(text)
          holes.push(0)
          text = ''
        } else {
          const value = fill(values, hole)
          text += typeof value === 'string' ? value : value.value
        }
      }
      texts.push(text)
      return texts
    }
    // Encoding flattens the text it is given into one copy; the text kept for `value` is made
    // again, so that it stays a few references to the shell's and the content's own text.
    return holed(utf8(pieces()), pieces(), holes)
  })
}

/** A kept page with this request's values in its holes: `pageBytes` copies its pieces and writes the values between them. */
export class KeptPageHtml extends SafeHtml {
  constructor(
    readonly kept: HoledPage,
    /** Escaped, as the page would have had them. */
    readonly values: readonly string[],
  ) {
    let text = kept.texts[0] as string
    for (let i = 0; i < kept.holes.length; i++) text += (values[kept.holes[i] as number] as string) + (kept.texts[i + 1] as string)
    super(text)
  }
}

/**
 * Page options whose content is the same for many requests (a foundation page
 * in a language, a court's page for one build of the index), with the content
 * encoded once: a page built from them is sent by copying bytes. The caller
 * keeps them, and drops them when what they show changes. Each URL's whole
 * page is kept too (keptPage, at most 200 across all of them), so use this
 * only for options that are kept.
 */
export function encodedPage(options: PageOptions): PageOptions {
  return { ...options, content: new EncodedHtml(options.content) }
}

/** The same page rendered the plain way, without the kept shell: what `govukPage` must equal. */
export function govukPageUncached(ctx: PageContext, page: PageOptions): SafeHtml {
  return shellHtml(ctx, page, shellValues(ctx, page))
}

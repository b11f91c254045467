/**
 * The view models for the conventional server: what an Express route would
 * pass to `res.render` for each page. The text comes from the platform's own
 * catalogues, so column c renders the same words as the real app.
 *
 * To give a new page in bench/pages.ts a column c, add a .njk file in views/
 * and an entry here, and name it in the page's `conventional`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Language } from '../../src/platform/i18n/index.js'
import { platformText } from '../../src/platform/i18n/platform.js'
import { services } from '../../src/services/index.js'
import { courtText } from '../../src/services/courts/locales/index.js'
import { checkNameQuery, searchByName, type CourtIndex } from '../../src/services/courts/search.js'
import { courtView, nameMatchItems } from '../../src/services/courts/views.js'
import { courtsContext } from '../../src/services/courts/pages/layout.js'
import type { PageContext } from '../../src/platform/ui/layouts/page.js'
import { journeyText } from '../../src/platform/journeys/text.js'
import { visitText } from '../../src/services/prison-visits/locales/index.js'
import type { Prison } from '../../src/services/prison-visits/repository.js'

type Service = NonNullable<PageContext['service']>

export interface ViewRequest {
  lang: Language
  production: boolean
  /** The path, without the query. */
  path: string
  query: Record<string, unknown>
  /** The request's Cookie header. */
  cookie: string
  /** What the pages need from the bench's database, read once at start. */
  data?: { courts: CourtIndex; prisons: readonly Prison[]; sessionSecret: string }
}

export interface ConventionalView {
  template: string
  /** The page title, before " – service name – GOV.UK". */
  title(request: ViewRequest): string
  context?(request: ViewRequest): Record<string, unknown>
  /** True for pages built from the app's database (DATABASE_URL). */
  needsDatabase?: boolean
  /** The service the page belongs to, when it is not the platform's own. */
  service?(request: ViewRequest): Service
}

/**
 * The court finder's pages use the service's own search and view functions,
 * as a conventional app would call its own code; only the rendering differs.
 * Unlike (a), which keeps a search's page and a court's page once rendered,
 * (c) renders them on every request, as the usual app does.
 */
const courtsService = (lang: Language): Service => {
  // The court finder's own header for its search section: the same name and navigation as (a)'s.
  const { service } = courtsContext({ lang, nonce: '', assetPath: '', url: '' }, 'search')
  if (!service) throw new Error('The court finder has no service header')
  return service
}

function needData(request: ViewRequest): NonNullable<ViewRequest['data']> {
  if (!request.data) throw new Error('This page needs the app\'s database: start the conventional server with DATABASE_URL')
  return request.data
}
const needCourts = (request: ViewRequest): CourtIndex => needData(request).courts

/**
 * The CSRF token for the visitor's session, as a conventional app works it
 * out on each request: check the session cookie's signature, then sign the
 * session id (the same tokens as (a) gives, so the pages can be compared).
 */
function csrfToken(request: ViewRequest): string {
  const { sessionSecret } = needData(request)
  const sign = (value: string) => createHmac('sha256', sessionSecret).update(value).digest('base64url')
  const cookie = /(?:^|;\s*)(?:__Host-)?jd_session=([^;]+)/.exec(request.cookie)?.[1] ?? ''
  const dot = cookie.lastIndexOf('.')
  const id = cookie.slice(0, dot)
  const given = Buffer.from(cookie.slice(dot + 1))
  const expected = Buffer.from(sign(id))
  if (dot <= 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('The booking step needs a signed session cookie')
  return sign('csrf:' + id)
}

function searchQuery(request: ViewRequest): string {
  const answer = checkNameQuery(typeof request.query.q === 'string' ? request.query.q : '')
  if (answer.kind === 'error') throw new Error('The bench searches for a name that needs no error message')
  return answer.query
}

function courtFor(request: ViewRequest) {
  const slug = request.path.split('/').pop() ?? ''
  const court = needCourts(request).bySlug.get(slug)
  if (!court) throw new Error(`No court ${slug}`)
  return courtView(court, request.lang, needCourts(request))
}

export const views: Record<string, ConventionalView> = {
  home: {
    template: 'home.njk',
    title: ({ lang }) => platformText(lang).home.title,
    context: ({ lang }) => ({
      services: services
        .filter((s) => s.listed !== false)
        .map((s) => ({ name: s.name[lang], description: s.description[lang], url: s.path })),
    }),
  },
  cookies: {
    template: 'cookies.njk',
    title: ({ lang }) => platformText(lang).cookies.title,
    context: ({ lang, production }) => {
      const t = platformText(lang).cookies
      return {
        cookies: [
          { name: production ? '__Host-jd_session' : 'jd_session', purpose: t.sessionPurpose, expires: t.sessionExpires },
          { name: 'jd_draft', purpose: t.draftPurpose, expires: t.sessionExpires },
          { name: 'jd_lang', purpose: t.langPurpose, expires: t.langExpires },
        ],
      }
    },
  },
  courtSearch: {
    template: 'court-search.njk',
    needsDatabase: true,
    title: (request) => courtText(request.lang).search.resultsFor(searchQuery(request)),
    service: ({ lang }) => courtsService(lang),
    context: (request) => {
      const t = courtText(request.lang)
      const results = nameMatchItems(searchByName(needCourts(request), searchQuery(request), 50), request.lang, needCourts(request))
      return {
        ct: t,
        value: request.query.q,
        heading: t.search.resultsFor(searchQuery(request)),
        count: t.search.count(results.length),
        results,
      }
    },
  },
  court: {
    template: 'court.njk',
    needsDatabase: true,
    title: (request) => courtFor(request).name,
    service: ({ lang }) => courtsService(lang),
    context: (request) => {
      const court = courtFor(request)
      return {
        ct: courtText(request.lang).court,
        court,
        phones: court.phones.filter((p) => !p.fax),
        faxes: court.phones.filter((p) => p.fax),
        telHref: (number: string) => `tel:${number.replace(/[^0-9+]/g, '')}`,
      }
    },
  },
  bookingStep: {
    template: 'booking-step.njk',
    needsDatabase: true,
    title: ({ lang }) => visitText(lang).prison.label,
    service: ({ lang }) => {
      const visits = services.find((s) => s.id === 'prison-visits')
      if (!visits) throw new Error('No prison visits service')
      return { name: visits.name[lang], url: visits.path }
    },
    context: (request) => {
      const { lang } = request
      const t = visitText(lang).prison
      return {
        backLink: '/prison-visits',
        noStore: true,
        vt: t,
        jt: journeyText(lang),
        csrf: csrfToken(request),
        prisons: [{ value: '', text: t.choose }, ...needData(request).prisons.map((p) => ({ value: p.code, text: lang === 'cy' && p.nameCy ? p.nameCy : p.name }))],
      }
    },
  },
}

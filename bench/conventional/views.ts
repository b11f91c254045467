/**
 * The view models for the conventional server: what an Express route would
 * pass to `res.render` for each page. The text comes from the platform's own
 * catalogues, so column c renders the same words as the real app.
 *
 * To give a new page in bench/pages.ts a column c, add a .njk file in views/
 * and an entry here, and name it in the page's `conventional`.
 */
import type { Language } from '../../src/platform/i18n/index.js'
import { platformText } from '../../src/platform/i18n/platform.js'
import { services } from '../../src/services/index.js'
import { courtText } from '../../src/services/courts/locales/index.js'
import { checkNameQuery, searchByName, type CourtIndex } from '../../src/services/courts/search.js'
import { courtView, nameMatchItems } from '../../src/services/courts/views.js'

export interface ViewRequest {
  lang: Language
  production: boolean
  /** The path, without the query. */
  path: string
  query: Record<string, unknown>
  /** The court index, built from the bench's database at start (the court pages need it). */
  courts?: CourtIndex
}

export interface ConventionalView {
  template: string
  /** The page title, before " – service name – GOV.UK". */
  title(request: ViewRequest): string
  context?(request: ViewRequest): Record<string, unknown>
  /** True for pages built from the court index (DATABASE_URL). */
  needsCourts?: boolean
  /** The service the page belongs to, when it is not the platform's own. */
  service?(request: ViewRequest): { name: string; url: string; navigation?: { text: string; href: string; active: boolean }[] }
}

/**
 * The court finder's pages use the service's own search and view functions,
 * as a conventional app would call its own code; only the rendering differs.
 * Unlike (a), which keeps a search's page and a court's page once rendered,
 * (c) renders them on every request, as the usual app does.
 */
const courtsService = (lang: Language) => {
  const t = courtText(lang)
  return {
    name: t.serviceName,
    url: '/courts',
    navigation: [
      { text: t.nav.search, href: '/courts', active: true },
      { text: t.nav.aToZ, href: '/courts/a-z', active: false },
      { text: t.nav.services, href: '/courts/services', active: false },
    ],
  }
}

function needCourts(request: ViewRequest): CourtIndex {
  if (!request.courts) throw new Error('The court pages need the court index: start the conventional server with DATABASE_URL')
  return request.courts
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
    needsCourts: true,
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
    needsCourts: true,
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
}

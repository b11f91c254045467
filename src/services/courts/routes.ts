/** The public pages of the court finder. Routes build view models from the index; pages render them. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { PlatformTables } from '../../platform/db/index.js'
import { notFound } from '../../platform/http/errors.js'
import { pageContext } from '../../platform/http/pages.js'
import { courtText } from './locales/index.js'
import { aToZPage } from './pages/a-z.js'
import { encodedPage, type PageOptions } from '../../platform/ui/layouts/page.js'
import type { Language } from '../../platform/i18n/index.js'
import { closedCourtPage, courtPageOptions } from './pages/court.js'
import { searchSectionPage } from './pages/layout.js'
import { searchPageOptions, type SearchView } from './pages/search.js'
import { choicePage, serviceAreaPage, type ServiceAreaView } from './pages/services.js'
import { startPage } from './pages/start.js'
import { parsePostcode, type ParsedPostcode } from './postcode.js'
import { type Court, type CourtIndex, checkNameQuery, courtsAtoZ, findAreaOfLaw, MAX_QUERY_LENGTH, nearestCourts, resolvePostcode, searchByName, searchServiceArea } from './search.js'
import { courtIndex, currentCourtIndex } from './store.js'
import { remember } from '../../platform/remember.js'
import { andThen, handled } from '../../platform/maybe-async.js'
import { areaOfLawName, courtName, courtView, listItems, nameMatchItems } from './views.js'

/** A query parameter as one string: repeated or missing parameters do not break a page. */
export function queryParam(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name]
  if (typeof value === 'string') return value
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0]
  return undefined
}

/** `LS13` back to `LS1 3` when it was the sector that matched: people read postcodes with the space. */
function prefixDisplay(prefix: string, postcode: ParsedPostcode): string {
  if (prefix === postcode.compact) return postcode.display
  if (postcode.sector && prefix === postcode.sector.replace(' ', '')) return postcode.sector
  return prefix
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,150}$/

export function registerCourtPages(app: FastifyInstance, db: Kysely<PlatformTables>): void {
  app.get('/courts', async (request, reply) => {
    const index = await courtIndex(db)
    return reply.page(startPage(pageContext(request), { areasOfLaw: index.areasOfLaw.map((a) => ({ value: a.name, text: areaOfLawName(index, a.name, request.lang) })) }))
  })

  // The pages people land on most answer without waiting a turn once the index is built (withIndex).
  app.get('/courts/search', withIndex(db, (request, reply, index) => {
    const asked: SearchQuery = { q: queryParam(request, 'q'), postcode: queryParam(request, 'postcode'), areaOfLaw: queryParam(request, 'area_of_law') }
    if (asked.q === undefined && asked.postcode === undefined) {
      reply.redirect('/courts')
      return
    }
    reply.page(searchSectionPage(pageContext(request), keptSearchPage(index, request.lang, asked)))
  }))

  app.get('/courts/a-z', async (request, reply) => {
    const index = await courtIndex(db)
    const groups = courtsAtoZ(index).map((g) => ({ letter: g.letter, courts: g.courts.map((c) => ({ slug: c.slug, name: courtName(c, request.lang) })) }))
    return reply.page(aToZPage(pageContext(request), { total: index.open.length, groups }))
  })

  app.get('/courts/services', async (request, reply) => {
    const index = await courtIndex(db)
    const t = courtText(request.lang).services
    const names = courtText(request.lang).names
    return reply.page(
      choicePage(pageContext(request), {
        title: t.title,
        backLink: '/courts',
        choices: index.services.map((s) => ({ href: `/courts/services/${s.slug}`, name: names.services[s.slug] ?? s.name, description: s.description })),
      }),
    )
  })

  app.get('/courts/services/:service', async (request, reply) => {
    const index = await courtIndex(db)
    const { service: serviceSlug } = request.params as { service: string }
    const service = index.services.find((s) => s.slug === serviceSlug)
    if (!service) throw notFound()
    const t = courtText(request.lang).services
    const names = courtText(request.lang).names
    return reply.page(
      choicePage(pageContext(request), {
        title: t.areaTitle(names.services[service.slug] ?? service.name),
        backLink: '/courts/services',
        choices: index.serviceAreas
          .filter((a) => a.services.includes(service.slug))
          .map((a) => ({ href: `/courts/services/${service.slug}/${a.slug}`, name: names.serviceAreas[a.slug] ?? a.name, description: a.description })),
      }),
    )
  })

  app.get('/courts/services/:service/:area', async (request, reply) => {
    const index = await courtIndex(db)
    const { service: serviceSlug, area: areaSlug } = request.params as { service: string; area: string }
    const service = index.services.find((s) => s.slug === serviceSlug)
    const area = index.serviceAreas.find((a) => a.slug === areaSlug && a.services.includes(serviceSlug))
    if (!service || !area) throw notFound()
    const lang = request.lang
    const t = courtText(lang)
    const action = `/courts/services/${service.slug}/${area.slug}`
    const postcodeInput = queryParam(request, 'postcode')
    const view: ServiceAreaView = {
      // The data's descriptions are English only, so a Welsh page falls back to them, as it does for court data.
      serviceArea: { ...area, name: t.names.serviceAreas[area.slug] ?? area.name },
      backLink: `/courts/services/${service.slug}`,
      action,
      postcode: (postcodeInput ?? '').slice(0, 100),
    }
    if (postcodeInput !== undefined) {
      const answer = resolvePostcode(index, postcodeInput.slice(0, 100), parsePostcode)
      if (answer.kind === 'error') view.error = { field: 'postcode', text: t.search.errors[answer.error] }
      else if (answer.kind === 'elsewhere') {
        const other = t.search.otherJurisdiction[answer.jurisdiction]
        view.error = { field: 'postcode', text: `${other.title}. ${other.text}` }
      } else {
        const result = searchServiceArea(index, area, answer.location)
        const s = t.services
        const groups =
          result.councils && result.councils.length > 1
            ? result.councils.map((c) => ({ heading: s.localCourtsForCouncil(c.council), courts: listItems(c.courts, lang) }))
            : [{ heading: '', courts: listItems(result.courts, lang) }]
        view.result = {
          postcode: answer.location.postcode.display,
          serviceCentres: result.serviceCentres.map((c) => ({ slug: c.slug, name: courtName(c, lang), intro: c.service_centre_intro })),
          dependsOnAddress: result.dependsOnAddress === true,
          explanation: result.fellBackToProximity || result.method === 'proximity'
            ? s.nearest
            : result.matchedPrefix
              ? s.byPostcode(prefixDisplay(result.matchedPrefix, answer.location.postcode))
              : result.councils?.length === 1
                ? s.byCouncil(result.councils[0]?.council ?? '')
                : '',
          groups,
        }
      }
    }
    return reply.page(serviceAreaPage(pageContext(request), view))
  })

  app.get('/courts/:slug', withIndex(db, (request, reply, index) => {
    const { slug } = request.params as { slug: string }
    if (!SLUG.test(slug)) throw notFound()
    const court = index.bySlug.get(slug)
    if (!court) throw notFound()
    if (!court.displayed) reply.page(closedCourtPage(pageContext(request), { name: courtName(court, request.lang) }))
    else reply.page(searchSectionPage(pageContext(request), keptCourtPage(index, court, request.lang)))
  }))
}

/**
 * A route handler given the court index: at once when it is built, as a
 * plain function (Fastify then spends no promise on the page), or after the
 * index has loaded, for the first requests after start.
 */
function withIndex(db: Kysely<PlatformTables>, page: (request: FastifyRequest, reply: FastifyReply, index: CourtIndex) => void) {
  return (request: FastifyRequest, reply: FastifyReply): Promise<void> | undefined =>
    handled(andThen(currentCourtIndex(db), (index) => page(request, reply, index)))
}

/** What a search asked for: the query parameters as given. */
interface SearchQuery {
  q: string | undefined
  postcode: string | undefined
  areaOfLaw: string | undefined
}

function searchView(index: CourtIndex, lang: Language, asked: SearchQuery): SearchView {
  const t = courtText(lang).search
  const { q, postcode: postcodeInput } = asked
  if (postcodeInput !== undefined && (q === undefined || q.trim() === '')) {
    const answer = resolvePostcode(index, postcodeInput.slice(0, 100), parsePostcode)
    const value = postcodeInput.slice(0, 100)
    const areaInput = (asked.areaOfLaw ?? '').slice(0, 100)
    const area = areaInput ? findAreaOfLaw(index, areaInput) : undefined
    const areaOfLaw = {
      value: area?.name ?? areaInput,
      options: index.areasOfLaw.map((a) => ({ value: a.name, text: areaOfLawName(index, a.name, lang) })),
    }
    if (answer.kind === 'error') return { mode: 'postcode', value, areaOfLaw, error: { field: 'postcode', text: t.errors[answer.error] } }
    if (areaInput && !area) return { mode: 'postcode', value, areaOfLaw, error: { field: 'area_of_law', text: t.errors.unknownAreaOfLaw } }
    if (answer.kind === 'elsewhere') return { mode: 'postcode', value, postcode: answer.postcode.display, elsewhere: answer.jurisdiction }
    // With a type of case, any court dealing with it counts; without, only those people can visit.
    const found = nearestCourts(index, answer.location, area ? { areaOfLaw: area.name, limit: 10 } : { inPersonOnly: true, limit: 10 })
    return { mode: 'postcode', value, areaOfLaw, postcode: answer.location.postcode.display, results: listItems(found, lang, index) }
  }
  const raw = q ?? ''
  const answer = checkNameQuery(raw)
  // A long query is shown back cut short: the page must not grow with the query.
  const value = raw.slice(0, MAX_QUERY_LENGTH + 50)
  if (answer.kind === 'error') {
    return { mode: 'q', value, error: { field: 'q', text: answer.error === 'tooLong' ? t.errors.tooLong(MAX_QUERY_LENGTH) : t.errors.emptyQuery } }
  }
  return { mode: 'q', value, results: nameMatchItems(searchByName(index, answer.query, 50), lang, index) }
}

/**
 * A search's page is a function of the index, the language and what was
 * asked, so, like a court's page, it is rendered and encoded once and kept
 * with the index: people search for the same few places. Only the last 200
 * searches are kept, and a search longer than any real one is never kept, so
 * made-up queries cannot fill memory.
 */
const keptSearchPages = new WeakMap<CourtIndex, Map<string, PageOptions>>()
const KEPT_SEARCH_LENGTH = 300

function keptSearchPage(index: CourtIndex, lang: Language, asked: SearchQuery): PageOptions {
  const options = () => searchPageOptions(lang, searchView(index, lang, asked))
  const { q = '', postcode = '', areaOfLaw = '' } = asked
  // Not kept, so not encoded: encoding pays only for a page sent many times.
  if (q.length + postcode.length + areaOfLaw.length > KEPT_SEARCH_LENGTH) return options()
  // `undefined` and '' differ (a missing q is a postcode search): the key says which were given.
  const key = `${lang}\u0000${asked.q === undefined ? '-' : '+'}${q}\u0000${asked.postcode === undefined ? '-' : '+'}${postcode}\u0000${areaOfLaw}`
  return remember(keptFor(keptSearchPages, index), key, 200, () => encodedPage(options()))
}

function keptFor(kept: WeakMap<CourtIndex, Map<string, PageOptions>>, index: CourtIndex): Map<string, PageOptions> {
  let pages = kept.get(index)
  if (!pages) kept.set(index, (pages = new Map()))
  return pages
}

/**
 * A court's page is the same for everyone until the court data changes, and a
 * change builds a new index. So its content is rendered and encoded once per
 * court and language for each index, and kept with it; popular courts are
 * then sent by copying bytes. At most 200 are kept at once, each its content
 * as text and as bytes (tens of KB); the whole pages' bytes are kept apart,
 * at most 200 URLs' worth across every kept page (layouts/page.ts).
 */
const keptCourtPages = new WeakMap<CourtIndex, Map<string, PageOptions>>()

function keptCourtPage(index: CourtIndex, court: Court, lang: Language): PageOptions {
  return remember(keptFor(keptCourtPages, index), `${lang}:${court.slug}`, 200, () => encodedPage(courtPageOptions(lang, courtView(court, lang, index))))
}

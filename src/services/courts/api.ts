/**
 * The court finder's JSON API, version 1: read-only, rate-limited, open to
 * other origins (CORS) since it only reads public data. Errors are RFC 9457
 * problem details (the platform's sendError under /api/).
 */
import type { FastifyInstance } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import type { Kysely } from 'kysely'
import type { PlatformTables } from '../../platform/db/index.js'
import { sendError } from '../../platform/http/errors.js'
import type { OpenApiSection } from '../../platform/http/openapi.js'
import { parsePostcode } from './postcode.js'
import { queryParam } from './routes.js'
import {
  checkNameQuery,
  findAreaOfLaw,
  findServiceArea,
  MAX_QUERY_LENGTH,
  nearestCourts,
  resolvePostcode,
  searchByName,
  searchServiceArea,
  type Court,
  type CourtIndex,
} from './search.js'
import { courtIndex } from './store.js'

export interface ApiOptions {
  db: Kysely<PlatformTables>
  /** Requests per minute per client address. */
  rateLimitPerMinute: number
}

function summary(court: Court) {
  const visit = court.addresses.find((a) => /visit/i.test(a.type)) ?? court.addresses[0]
  return {
    slug: court.slug,
    name: court.name,
    name_cy: court.name_cy || null,
    open: court.displayed,
    in_person: court.in_person,
    town: visit?.town ?? null,
    postcode: visit?.postcode ?? null,
    lat: court.lat,
    lon: court.lon,
    areas_of_law: court.areas_of_law,
    url: `/courts/${court.slug}`,
  }
}

function fullCourt(court: Court) {
  return {
    ...summary(court),
    region: court.region || null,
    country: court.country || null,
    service_centre: court.service_centre,
    service_centre_intro: court.service_centre_intro || null,
    court_types: court.court_types,
    codes: court.codes,
    areas_of_law_single_point_of_entry: court.areas_of_law_spoe,
    addresses: court.addresses.map((a) => ({
      type: a.type,
      address_lines: a.lines,
      town: a.town,
      county: a.county || null,
      postcode: a.postcode,
      address_lines_cy: a.linesCy,
      town_cy: a.townCy || null,
    })),
    opening_times: court.opening_times.map((o) => ({ type: o.type, hours: o.hours })),
    contacts: court.contacts,
    emails: court.emails,
    dx_codes: court.dx_codes,
    facilities: court.facilities,
    parking: court.parking ? { onsite: court.parking.onsite || null, offsite: court.parking.offsite || null, blue_badge: court.parking.blueBadge || null } : null,
    additional_links: court.additional_links,
    alert: court.alert || null,
    info: court.info || null,
    directions: court.directions || null,
    access_scheme: court.access_scheme,
    welsh_enabled: court.welsh_enabled,
  }
}

function postcodeSearch(index: CourtIndex, postcodeInput: string, areaOfLaw: string | undefined, serviceAreaSlug: string | undefined) {
  const answer = resolvePostcode(index, postcodeInput.slice(0, 100), parsePostcode)
  if (answer.kind === 'error') {
    const detail = {
      emptyPostcode: 'postcode is empty',
      invalidPostcode: 'postcode is not a valid UK postcode, sector or district',
      unknownPostcode: 'postcode is not known',
    }[answer.error]
    return { error: detail }
  }
  if (answer.kind === 'elsewhere') return { error: `postcode ${answer.postcode.display} is outside England and Wales (${answer.jurisdiction}), whose courts this service does not cover` }
  if (serviceAreaSlug !== undefined) {
    const area = findServiceArea(index, serviceAreaSlug)
    if (!area) return { error: `service_area "${serviceAreaSlug.slice(0, 100)}" is not known; see /api/v1/service-areas` }
    const result = searchServiceArea(index, area, answer.location)
    return {
      body: [
        ...result.serviceCentres.map((c) => ({ ...summary(c), distance_miles: null, catchment: 'national' })),
        ...result.courts.map((c) => ({
          ...summary(c.court),
          distance_miles: c.distanceMiles,
          catchment: result.fellBackToProximity || result.method === 'proximity' ? 'proximity' : result.method,
        })),
      ],
    }
  }
  let area: string | undefined
  if (areaOfLaw !== undefined) {
    const found = findAreaOfLaw(index, areaOfLaw)
    if (!found) return { error: `area_of_law "${areaOfLaw.slice(0, 100)}" is not known; see /api/v1/areas-of-law` }
    area = found.name
  }
  const found = nearestCourts(index, answer.location, { areaOfLaw: area, inPersonOnly: area === undefined, limit: 10 })
  return { body: found.map((c) => ({ ...summary(c.court), distance_miles: c.distanceMiles, catchment: 'proximity' })) }
}

export async function courtApi(app: FastifyInstance, options: ApiOptions): Promise<void> {
  const { db } = options
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Too many requests: at most ${context.max} a minute. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
    }),
  })
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('access-control-allow-origin', '*')
    reply.header('access-control-expose-headers', 'x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, retry-after')
    reply.header('cache-control', reply.statusCode === 200 ? 'public, max-age=300' : 'no-store')
    return payload
  })

  app.get('/api/v1/courts', async (request, reply) => {
    const index = await courtIndex(db)
    const q = queryParam(request, 'q')
    const postcode = queryParam(request, 'postcode')
    if (postcode !== undefined) {
      const result = postcodeSearch(index, postcode, queryParam(request, 'area_of_law'), queryParam(request, 'service_area'))
      if (result.error !== undefined) return sendError(request, reply, 400, 'badRequest', result.error)
      return reply.send(result.body)
    }
    if (q === undefined) return sendError(request, reply, 400, 'badRequest', 'give q (a name, town or postcode) or postcode')
    const answer = checkNameQuery(q)
    if (answer.kind === 'error') {
      return sendError(request, reply, 400, 'badRequest', answer.error === 'tooLong' ? `q must be ${MAX_QUERY_LENGTH} characters or fewer` : 'q is empty')
    }
    return reply.send(searchByName(index, answer.query, 50).map((m) => summary(m.court)))
  })

  app.get('/api/v1/courts/:slug', async (request, reply) => {
    const index = await courtIndex(db)
    const court = index.bySlug.get((request.params as { slug: string }).slug)
    if (!court) return sendError(request, reply, 404, 'notFound', 'no court or tribunal has that slug')
    return reply.send(fullCourt(court))
  })

  app.get('/api/v1/areas-of-law', async (_request, reply) => {
    const index = await courtIndex(db)
    return reply.send(
      index.areasOfLaw.map((a) => ({
        name: a.name,
        display_name: a.displayName,
        external_link: a.externalLink || null,
        external_link_description: a.externalLinkDescription || null,
      })),
    )
  })

  app.get('/api/v1/service-areas', async (_request, reply) => {
    const index = await courtIndex(db)
    return reply.send(
      index.serviceAreas.map((s) => ({
        slug: s.slug,
        name: s.name,
        description: s.description,
        area_of_law: s.areaOfLaw,
        catchment_method: s.catchmentMethod,
        services: s.services,
        online_url: s.onlineUrl || null,
        service_centres: s.courts.filter((c) => c.catchmentType === 'national').map((c) => c.slug),
      })),
    )
  })
}

const problem = { description: 'Bad request', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }
const json = (ref: string, array = true) => ({
  description: 'OK',
  content: { 'application/json': { schema: array ? { type: 'array', items: { $ref: `#/components/schemas/${ref}` } } : { $ref: `#/components/schemas/${ref}` } } },
})
const tags = ['Courts']

export const courtOpenApi: OpenApiSection = {
  tags: [{ name: 'Courts', description: 'Find a court or tribunal in England and Wales' }],
  paths: {
    '/api/v1/courts': {
      get: {
        tags,
        summary: 'Search courts by name, or find them by postcode',
        description:
          'With q: open courts matching a name, town, address, postcode or court code, best first (typos tolerated). With postcode: the 10 nearest open courts, with distances in miles from the postcode sector (or district) centroid; area_of_law limits them to one area of law; service_area applies that service area\'s catchment (postcode, local-authority or proximity) and lists national service centres first.',
        parameters: [
          { name: 'q', in: 'query', schema: { type: 'string', maxLength: MAX_QUERY_LENGTH } },
          { name: 'postcode', in: 'query', schema: { type: 'string' }, description: 'A full postcode, sector or district' },
          { name: 'area_of_law', in: 'query', schema: { type: 'string' }, description: 'A name from /api/v1/areas-of-law' },
          { name: 'service_area', in: 'query', schema: { type: 'string' }, description: 'A slug from /api/v1/service-areas' },
        ],
        responses: { '200': json('CourtSummary'), '400': problem, '429': { ...problem, description: 'Too many requests' } },
      },
    },
    '/api/v1/courts/{slug}': {
      get: {
        tags,
        summary: 'Everything public about one court or tribunal',
        parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': json('Court', false), '404': { ...problem, description: 'No such court' } },
      },
    },
    '/api/v1/areas-of-law': { get: { tags, summary: 'Areas of law', responses: { '200': json('AreaOfLaw') } } },
    '/api/v1/service-areas': { get: { tags, summary: 'Service areas and their catchment methods', responses: { '200': json('ServiceArea') } } },
  },
  schemas: {
    CourtSummary: {
      type: 'object',
      required: ['slug', 'name', 'open', 'in_person', 'areas_of_law', 'url'],
      properties: {
        slug: { type: 'string' },
        name: { type: 'string' },
        name_cy: { type: ['string', 'null'] },
        open: { type: 'boolean' },
        in_person: { type: 'boolean' },
        town: { type: ['string', 'null'] },
        postcode: { type: ['string', 'null'] },
        lat: { type: ['number', 'null'] },
        lon: { type: ['number', 'null'] },
        areas_of_law: { type: 'array', items: { type: 'string' } },
        url: { type: 'string' },
        distance_miles: { type: ['number', 'null'], description: 'Only in postcode searches: great-circle miles, one decimal place' },
        catchment: { type: 'string', enum: ['national', 'postcode', 'local-authority', 'proximity'], description: 'Only in postcode searches' },
      },
    },
    Court: {
      allOf: [
        { $ref: '#/components/schemas/CourtSummary' },
        {
          type: 'object',
          properties: {
            region: { type: ['string', 'null'] },
            court_types: { type: 'array', items: { type: 'string' } },
            codes: { type: 'object' },
            addresses: { type: 'array', items: { type: 'object' } },
            opening_times: { type: 'array', items: { type: 'object' } },
            contacts: { type: 'array', items: { type: 'object' } },
            emails: { type: 'array', items: { type: 'object' } },
            dx_codes: { type: 'array', items: { type: 'object' } },
            facilities: { type: 'array', items: { type: 'object' }, description: 'description is sanitised HTML' },
            parking: { type: ['object', 'null'] },
            additional_links: { type: 'array', items: { type: 'object' } },
            alert: { type: ['string', 'null'] },
            info: { type: ['string', 'null'], description: 'Sanitised HTML' },
          },
        },
      ],
    },
    AreaOfLaw: {
      type: 'object',
      properties: { name: { type: 'string' }, display_name: { type: 'string' }, external_link: { type: ['string', 'null'] }, external_link_description: { type: ['string', 'null'] } },
    },
    ServiceArea: {
      type: 'object',
      properties: {
        slug: { type: 'string' },
        name: { type: 'string' },
        description: { type: 'string' },
        area_of_law: { type: 'string' },
        catchment_method: { type: 'string', enum: ['postcode', 'local-authority', 'proximity'] },
        services: { type: 'array', items: { type: 'string' } },
        online_url: { type: ['string', 'null'] },
        service_centres: { type: 'array', items: { type: 'string' } },
      },
    },
  },
}

/**
 * Public JSON: the prisons that take online bookings, and their visit
 * sessions with whether each can be booked. No personal data: counts of
 * places are not given either, only whether a session is bookable.
 */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { OpenApiSection } from '../../platform/http/openapi.js'
import { sendError } from '../../platform/http/errors.js'
import { addDays, isIsoDate, todayInLondon } from './rules/dates.js'
import { bookableRange } from './rules/working-days.js'
import { listPrisons, findPrison, sessionAvailability, workingCalendar, type Db, type Prison } from './repository.js'

const MAX_RANGE_DAYS = 92

function prisonJson(p: Prison) {
  return {
    code: p.code,
    name: p.name,
    name_cy: p.nameCy,
    address: p.address ? p.address.split('\n') : [],
    postcode: p.postcode,
    email: p.email,
    phone: p.phone,
    lead_days: p.leadDays,
    booking_window_days: p.bookingWindowDays,
    adult_age: p.limits.adultAge,
    max_visitors: p.limits.maxVisitors,
    max_adults: p.limits.maxAdults,
  }
}

const sessionsQuery = z.object({
  from: z.string().refine(isIsoDate, 'must be a date as YYYY-MM-DD').optional(),
  to: z.string().refine(isIsoDate, 'must be a date as YYYY-MM-DD').optional(),
})

export function registerApi(app: FastifyInstance, db: Db): void {
  app.get('/api/v1/prisons', async (_request, reply) => {
    const prisons = await listPrisons(db, { bookableOnly: true })
    return reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=300').send({ prisons: prisons.map(prisonJson) })
  })

  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>('/api/v1/prisons/:code/visit-sessions', async (request, reply) => {
    const prison = await findPrison(db, request.params.code.toUpperCase())
    if (!prison || !prison.enabled) return sendError(request, reply, 404, 'notFound', 'There is no prison taking online bookings with that code.')
    const parsed = sessionsQuery.safeParse(request.query)
    if (!parsed.success) return sendError(request, reply, 400, 'badRequest', parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '))
    const now = new Date()
    const today = todayInLondon(now)
    const from = parsed.data.from ?? today
    const to = parsed.data.to ?? addDays(from, prison.bookingWindowDays)
    if (to < from) return sendError(request, reply, 400, 'badRequest', 'to must not be before from')
    if (addDays(from, MAX_RANGE_DAYS) < to) return sendError(request, reply, 400, 'badRequest', `ask for at most ${MAX_RANGE_DAYS} days at a time`)
    const calendar = await workingCalendar(db, prison)
    const range = bookableRange(today, { leadDays: prison.leadDays, bookingWindowDays: prison.bookingWindowDays }, calendar)
    const sessions = await sessionAvailability(db, prison.code, from, to, now)
    return reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=60').send({
      prison: prison.code,
      from,
      to,
      bookable_from: range.from,
      bookable_to: range.to,
      sessions: sessions.map((s) => ({
        date: s.date,
        start: s.startTime,
        end: s.endTime,
        bookable: s.date >= range.from && s.date <= range.to && s.openTaken < s.openCapacity,
      })),
    })
  })
}

const prisonSchema = {
  type: 'object',
  required: ['code', 'name', 'address'],
  properties: {
    code: { type: 'string', description: 'Three-letter prison code (NOMIS id)', example: 'BCI' },
    name: { type: 'string', example: 'Buckley Hall' },
    name_cy: { type: ['string', 'null'], description: 'Welsh name, where the prison has one' },
    address: { type: 'array', items: { type: 'string' } },
    postcode: { type: ['string', 'null'] },
    email: { type: ['string', 'null'] },
    phone: { type: ['string', 'null'] },
    lead_days: { type: 'integer', description: 'Working days of notice the prison needs' },
    booking_window_days: { type: 'integer', description: 'How many days ahead visits can be booked' },
    adult_age: { type: 'integer', description: 'Age from which a visitor counts as an adult' },
    max_visitors: { type: 'integer' },
    max_adults: { type: 'integer' },
  },
}

export const openApi: OpenApiSection = {
  tags: [{ name: 'Prison visits', description: 'Prisons that take online visit bookings, and their visiting sessions' }],
  schemas: {
    Prison: prisonSchema,
    VisitSession: {
      type: 'object',
      required: ['date', 'start', 'end', 'bookable'],
      properties: {
        date: { type: 'string', format: 'date' },
        start: { type: 'string', example: '14:00' },
        end: { type: 'string', example: '16:00' },
        bookable: { type: 'boolean', description: 'Within the booking window and with an open place left' },
      },
    },
  },
  paths: {
    '/api/v1/prisons': {
      get: {
        tags: ['Prison visits'],
        summary: 'Prisons that take online visit bookings',
        responses: {
          200: {
            description: 'The prisons, by name',
            content: { 'application/json': { schema: { type: 'object', properties: { prisons: { type: 'array', items: { $ref: '#/components/schemas/Prison' } } } } } },
          },
        },
      },
    },
    '/api/v1/prisons/{code}/visit-sessions': {
      get: {
        tags: ['Prison visits'],
        summary: 'A prison’s visiting sessions between two dates',
        parameters: [
          { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'from', in: 'query', schema: { type: 'string', format: 'date' }, description: 'Default today' },
          { name: 'to', in: 'query', schema: { type: 'string', format: 'date' }, description: `Default the end of the booking window; at most ${MAX_RANGE_DAYS} days after from` },
        ],
        responses: {
          200: {
            description: 'Sessions in date and time order',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    prison: { type: 'string' },
                    from: { type: 'string', format: 'date' },
                    to: { type: 'string', format: 'date' },
                    bookable_from: { type: 'string', format: 'date' },
                    bookable_to: { type: 'string', format: 'date' },
                    sessions: { type: 'array', items: { $ref: '#/components/schemas/VisitSession' } },
                  },
                },
              },
            },
          },
          400: { description: 'Dates not valid', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
          404: { description: 'No such prison taking online bookings', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
    },
  },
}

/** The audit viewer at /staff/audit, for platform admins, and its CSV export. */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { PlatformTables } from '../db/schema.js'
import { pageContext } from '../http/pages.js'
import { requireRole } from '../staff/access.js'
import { identityOf } from '../staff/describe.js'
import { staffText } from '../staff/locales/index.js'
import type { FieldError } from '../staff/pages/layout.js'
import { csvLine } from './csv.js'
import { audit } from './index.js'
import { auditPage } from './pages/viewer.js'
import { findEvents, type AuditFilters } from './repository.js'

const text = z.string().trim().max(200).catch('')
const query = z.object({ person: text, recordType: text, recordId: text, action: text, from: text, to: text })
type Query = z.infer<typeof query>

const PAGE_LIMIT = 200
const CSV_LIMIT = 100_000

/** Midnight in London at the start of a YYYY-MM-DD date; undefined if it is not a real date. */
export function ukMidnight(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])]
  const utc = Date.UTC(y, mo, d)
  const check = new Date(utc)
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo || check.getUTCDate() !== d) return undefined
  // London is UTC or UTC+1: find which by formatting the UTC midnight there.
  const londonHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(check))
  return new Date(utc - londonHour * 60 * 60 * 1000)
}

function parse(request: FastifyRequest): { q: Query; filters: AuditFilters; errors: FieldError[] } {
  const q = query.parse(request.query ?? {})
  const t = staffText(request.lang).audit
  const errors: FieldError[] = []
  const from = q.from ? ukMidnight(q.from) : undefined
  if (q.from && !from) errors.push({ field: 'from', text: t.invalidDate })
  const to = q.to ? ukMidnight(q.to) : undefined
  if (q.to && !to) errors.push({ field: 'to', text: t.invalidDate })
  const filters: AuditFilters = {
    person: q.person || undefined,
    recordType: q.recordType || undefined,
    recordId: q.recordId || undefined,
    action: q.action || undefined,
    from,
    // The start of the day after "to": 36 hours on from its midnight is always within the next day, whatever the clocks did.
    before: to && ukMidnight(new Date(to.getTime() + 36 * 60 * 60 * 1000).toISOString().slice(0, 10)),
  }
  return { q, filters, errors }
}

export function registerAuditViewer(app: FastifyInstance, db: Kysely<PlatformTables>): void {
  const admin = { config: { staff: requireRole('platform-admin') } }

  app.get('/staff/audit', admin, async (request, reply) => {
    const { q, filters, errors } = parse(request)
    const events = errors.length > 0 ? [] : await findEvents(db, filters, PAGE_LIMIT)
    // The trail holds personal data (names, emails, addresses), so reading it is itself recorded.
    await audit(db, request, { action: 'audit.view', after: q })
    const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v))
    return reply.page(auditPage(pageContext(request), { identity: identityOf(request.staff!, request.lang), filters: q, events, errors, csvUrl: `/staff/audit/events.csv${params.size ? `?${params}` : ''}` }))
  })

  app.get('/staff/audit/events.csv', admin, async (request, reply) => {
    const { q, filters, errors } = parse(request)
    const events = errors.length > 0 ? [] : await findEvents(db, filters, CSV_LIMIT)
    await audit(db, request, { action: 'audit.export', after: { ...q, rows: events.length } })
    let body = csvLine(['id', 'at', 'actor_email', 'action', 'record_type', 'record_id', 'before', 'after', 'ip', 'user_agent', 'request_id'])
    for (const e of events) body += csvLine([e.id, e.at, e.actorEmail, e.action, e.recordType, e.recordId, e.before, e.after, e.ip, e.userAgent, e.requestId])
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-events.csv"`)
      .send(body)
  })
}

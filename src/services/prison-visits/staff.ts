/**
 * The prison's side, /staff/prison-visits: role "visits-staff", scoped to
 * prisons (another prison's data is a 404, from the platform's guard and,
 * for records fetched by reference, from the query). Every action and every
 * view of personal data writes an audit event.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.js'
import { randomUUID } from 'node:crypto'
import { audit } from '../../platform/audit/index.js'
import { recordJourneyEvents } from '../../platform/kpi/index.js'
import { isLanguage } from '../../platform/i18n/index.js'
import { errorHref, fieldErrors } from '../../platform/journeys/index.js'
import { notFound } from '../../platform/http/errors.js'
import { pageContext } from '../../platform/http/pages.js'
import { csrfToken } from '../../platform/http/session.js'
import { identityOf, requireRole } from '../../platform/staff/index.js'
import { bookOnBehalfPage, dayPage, blockedDatesPage, templatesPage, prisonerPage, prisonsPage, requestsPage, searchPage, visitPage, type FieldError } from './pages/staff.js'
import { book, findPrison, findVisit, prisonSessions, sessionAvailability, changeVisitState, workingCalendar, type Db, type VisitRecord } from './repository.js'
import { adjustAllowance, affectedVisits, blockDate, blockedDates, prisonsInScope, removeTemplate, requestQueue, saveTemplate, searchVisits, slotsWithVisitsFrom, templatesOf, visitAt, visitsInSlots, visitsOn, type TemplateChange } from './staff-repository.js'
import { prettyDate, reasonText, visitorDateOfBirth } from './booking-journey.js'
import { notifyChange } from './routes.js'
import { addDays, isIsoDate, normaliseTime, todayInLondon } from './rules/dates.js'
import { CANCELLATION_REASON_TEXT, CANCELLATION_REASONS, isCancellationReason, isRejectionReason, REJECTION_REASON_TEXT, REJECTION_REASONS } from './rules/reasons.js'
import { normaliseReference } from './rules/reference.js'
import { visitsWithoutSession } from './rules/sessions.js'
import { stateOn } from './rules/states.js'
import { normalisePrisonerNumber, visitorProblems } from './rules/visitors.js'
import { isRequestOverdue } from './rules/working-days.js'
import { toPrisoner } from './prisoner-register.js'
import type { PrisonVisitsSettings } from './settings.js'
import { visitStaffText, visitText } from './locales/index.js'

type Params = { prison: string }
const scoped = requireRole('visits-staff', { prison: (r) => r.params.prison })
const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)])

export function registerStaffRoutes(app: FastifyInstance, deps: { config: Config; db: Db; settings: PrisonVisitsSettings }): void {
  const { config, db, settings } = deps
  const identity = (request: FastifyRequest) => identityOf(request.staff!, request.lang)
  const ctx = (request: FastifyRequest) => pageContext(request)
  /** The page's text: staff see the prison side in the language they chose. */
  const text = (request: FastifyRequest) => visitStaffText(request.lang)
  async function prisonOf(request: FastifyRequest<{ Params: Params }>) {
    const prison = await findPrison(db, request.params.prison)
    if (!prison) throw notFound()
    return prison
  }
  /** A prison as a page names it: its Welsh name on a Welsh page, where it has one. */
  const shown = (request: FastifyRequest, prison: { code: string; name: string; nameCy?: string | null }) => ({ code: prison.code, name: (request.lang === 'cy' && prison.nameCy) || prison.name })

  app.get('/staff/prison-visits', { config: { staff: requireRole('visits-staff') } }, async (request, reply) => {
    const prisons = await prisonsInScope(db, request.staff!.scope('visits-staff', { kind: 'prison', code: 'code' }))
    if (prisons.length === 1) return reply.redirect(`/staff/prison-visits/${prisons[0]!.code}`, 303)
    const named = prisons.map((p) => shown(request, p))
    // In alphabetical order of the names the page shows.
    if (request.lang === 'cy') named.sort((a, b) => a.name.localeCompare(b.name, 'cy'))
    return reply.page(prisonsPage(ctx(request), identity(request), named))
  })

  app.get<{ Params: Params; Querystring: { date?: string } }>('/staff/prison-visits/:prison', { config: { staff: scoped } }, async (request, reply) => {
    const prison = await prisonOf(request)
    const date = request.query.date && isIsoDate(request.query.date) ? request.query.date : todayInLondon()
    const sessions = await sessionAvailability(db, prison.code, date, date, new Date())
    const visits = await visitsOn(db, prison.code, date)
    await audit(db as never, request, { action: 'prison-visits.day.view', recordType: 'prison', recordId: prison.code, after: { date, visits: visits.length } })
    const known = new Set(sessions.map((s) => s.startTime))
    const extra = [...new Set(visits.filter((v) => !known.has(v.startTime)).map((v) => v.startTime))]
    return reply.page(
      dayPage(ctx(request), identity(request), {
        prison: shown(request, prison),
        date,
        previous: addDays(date, -1),
        next: addDays(date, 1),
        sessions: [
          ...sessions.map((s) => ({ ...s, visits: visits.filter((v) => v.startTime === s.startTime) })),
          // Visits in a session since blocked or removed still show, so staff can deal with them.
          ...extra.map((start) => {
            const vs = visits.filter((v) => v.startTime === start)
            return { startTime: start, endTime: vs[0]!.endTime, openCapacity: 0, closedCapacity: 0, openTaken: vs.filter((v) => v.place === 'open').length, closedTaken: vs.filter((v) => v.place === 'closed').length, visits: vs }
          }),
        ],
      }),
    )
  })

  app.get<{ Params: Params; Querystring: { date?: string } }>('/staff/prison-visits/:prison/visits.csv', { config: { staff: scoped } }, async (request, reply) => {
    const prison = await prisonOf(request)
    const date = request.query.date && isIsoDate(request.query.date) ? request.query.date : todayInLondon()
    const visits = await visitsOn(db, prison.code, date)
    await audit(db as never, request, { action: 'prison-visits.day.export', recordType: 'prison', recordId: prison.code, after: { date, visits: visits.length } })
    const cell = (s: string) => (/[",\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : s)
    const lines = [
      'reference,date,start,end,status,place,prisoner_number,lead_visitor,visitors',
      ...visits.map((v) => [v.reference, v.date, v.startTime, v.endTime, v.state, v.place, v.prisonerNumber, v.leadVisitor, String(v.visitorCount)].map(cell).join(',')),
    ]
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="visits-${prison.code}-${date}.csv"`)
      .send(lines.join('\n') + '\n')
  })

  app.get<{ Params: Params }>('/staff/prison-visits/:prison/requests', { config: { staff: scoped } }, async (request, reply) => {
    const prison = await prisonOf(request)
    const rows = await requestQueue(db, prison.code)
    const calendar = await workingCalendar(db, prison)
    const today = todayInLondon()
    const overdue = new Set(rows.filter((r) => isRequestOverdue(todayInLondon(r.createdAt), today, calendar)).map((r) => r.id))
    await audit(db as never, request, { action: 'prison-visits.requests.view', recordType: 'prison', recordId: prison.code })
    return reply.page(requestsPage(ctx(request), identity(request), shown(request, prison), rows, overdue))
  })

  async function renderVisit(request: FastifyRequest<{ Params: Params & { reference: string } }>, reply: FastifyReply, visit: VisitRecord, extra: { errors?: FieldError[]; posted?: { reasons?: string[]; message?: string; notAllowed?: string[] } } = {}) {
    const prison = await prisonOf(request)
    const prisonerRow = await db.selectFrom('prison_visits_prisoners').selectAll().where('number', '=', visit.prisonerNumber).executeTakeFirst()
    const today = todayInLondon()
    const lang = request.lang
    return reply.page(
      visitPage(ctx(request), identity(request), {
        prison: shown(request, prison),
        reference: visit.reference,
        state: stateOn(visit.state, visit.date, today),
        date: visit.date,
        time: `${visit.startTime}–${visit.endTime}`,
        place: visit.place,
        prisoner: prisonerRow ? { number: prisonerRow.number, name: `${prisonerRow.first_name} ${prisonerRow.last_name}` } : undefined,
        visitors: visit.visitors.map((v, i) => ({ id: v.id, name: `${v.firstName} ${v.lastName}`, dateOfBirth: v.dateOfBirth ?? '', notAllowed: v.notAllowed, lead: i === 0 })),
        contact: [visit.contactEmail, visit.contactPhone].filter(Boolean).join(', '),
        support: visit.additionalSupport ?? '',
        requestReasons: visit.requestReasons.map((r) => reasonText(r, lang)),
        prisonReasons: [
          ...visit.rejectionReasons.filter(isRejectionReason).map((r) => REJECTION_REASON_TEXT[r][lang]),
          ...visit.cancellationReasons.filter(isCancellationReason).map((r) => CANCELLATION_REASON_TEXT[r][lang]),
        ],
        staffMessage: visit.staffMessage,
        csrf: csrfToken(request, reply),
        canDecide: visit.state === 'requested',
        canCancel: visit.state === 'booked' && visit.date >= today,
        rejectionReasons: REJECTION_REASONS.map((r) => ({ value: r, text: REJECTION_REASON_TEXT[r][lang] })),
        cancellationReasons: CANCELLATION_REASONS.map((r) => ({ value: r, text: CANCELLATION_REASON_TEXT[r][lang] })),
        ...extra,
      }),
    )
  }

  app.get<{ Params: Params & { reference: string } }>('/staff/prison-visits/:prison/visits/:reference', { config: { staff: scoped } }, async (request, reply) => {
    const visit = await visitAt(db, request.params.prison, request.params.reference)
    if (!visit) throw notFound()
    await audit(db as never, request, { action: 'prison-visits.visit.view', recordType: 'visit', recordId: visit.id })
    return renderVisit(request, reply, visit)
  })

  app.post<{ Params: Params & { reference: string }; Body: Record<string, unknown> }>('/staff/prison-visits/:prison/visits/:reference/decision', { config: { staff: scoped } }, async (request, reply) => {
    const visit = await visitAt(db, request.params.prison, request.params.reference)
    if (!visit) throw notFound()
    const body = request.body ?? {}
    const decision = String(body.decision ?? '')
    const reasons = list(body.reasons).filter(isRejectionReason)
    const message = String(body.message ?? '').trim().slice(0, 1000)
    const notAllowed = list(body.notAllowed).map(Number).filter((id) => visit.visitors.some((v) => v.id === id))
    const leadNotAllowed = notAllowed.includes(visit.visitors[0]?.id ?? -1)
    const rejecting = decision === 'reject' || leadNotAllowed
    const posted = { reasons, message, notAllowed: notAllowed.map(String) }
    const e = text(request).errors
    // Nothing is approved by default: the decision must be chosen, and reasons only go with a rejection.
    if (decision !== 'approve' && decision !== 'reject' && !leadNotAllowed) {
      return renderVisit(request, reply, visit, { errors: [{ field: 'decision', text: e.decision }], posted })
    }
    if (decision === 'approve' && !leadNotAllowed && reasons.length > 0) {
      return renderVisit(request, reply, visit, { errors: [{ field: 'reasons', text: e.reasonsWithApproval }], posted })
    }
    if (rejecting) {
      const errors: FieldError[] = []
      if (reasons.length === 0 && !leadNotAllowed) errors.push({ field: 'reasons', text: e.rejectReason })
      if (reasons.includes('other') && !message) errors.push({ field: 'message', text: e.otherMessage })
      if (errors.length) return renderVisit(request, reply, visit, { errors, posted })
    }
    const to = rejecting ? 'rejected' : 'booked'
    const finalReasons = rejecting && reasons.length === 0 ? ['visitor_other_reason'] : reasons
    await changeVisitState(
      db,
      visit.id,
      to,
      { by: 'staff', staffId: request.staff!.user.id, now: new Date(), rejectionReasons: rejecting ? finalReasons : [], staffMessage: message || null, notAllowedVisitorIds: notAllowed },
      async (trx, changed) => {
        const t = visitText(changed.lang)
        const why = rejecting ? finalReasons.filter(isRejectionReason).map((r) => REJECTION_REASON_TEXT[r][changed.lang]).join(' ') : ''
        await notifyChange(trx as never, config, settings, changed, [rejecting ? t.messages.rejected : t.messages.approved, why, message].filter(Boolean).join(' '))
        await audit(trx as never, request, { action: `prison-visits.visit.${rejecting ? 'reject' : 'approve'}`, recordType: 'visit', recordId: visit.id, before: { state: visit.state }, after: { state: to, reasons: finalReasons, notAllowed } })
      },
    )
    // Already decided (a second click, or a colleague got there first): show the visit as it now stands.
    return reply.redirect(`/staff/prison-visits/${visit.prisonCode}/visits/${visit.reference}`, 303)
  })

  app.post<{ Params: Params & { reference: string }; Body: Record<string, unknown> }>('/staff/prison-visits/:prison/visits/:reference/cancel', { config: { staff: scoped } }, async (request, reply) => {
    const visit = await visitAt(db, request.params.prison, request.params.reference)
    if (!visit) throw notFound()
    const reasons = list(request.body?.reasons).filter(isCancellationReason)
    const message = String(request.body?.message ?? '').trim().slice(0, 1000)
    if (reasons.length === 0) return renderVisit(request, reply, visit, { errors: [{ field: 'cancelReasons', text: text(request).errors.cancelReason }] })
    const result = await changeVisitState(db, visit.id, 'cancelled', { by: 'staff', staffId: request.staff!.user.id, now: new Date(), cancellationReasons: reasons, staffMessage: message || null }, async (trx, changed) => {
      const t = visitText(changed.lang)
      await notifyChange(trx as never, config, settings, changed, [t.messages.cancelled, reasons.map((r) => CANCELLATION_REASON_TEXT[r][changed.lang]).join(' '), message].filter(Boolean).join(' '))
      await audit(trx as never, request, { action: 'prison-visits.visit.cancel', recordType: 'visit', recordId: visit.id, before: { state: visit.state }, after: { state: 'cancelled', reasons } })
    })
    if (!result.changed) return renderVisit(request, reply, visit, { errors: [{ field: 'cancelReasons', text: text(request).errors.cannotCancel }] })
    return reply.redirect(`/staff/prison-visits/${visit.prisonCode}/visits/${visit.reference}`, 303)
  })

  app.get<{ Params: Params; Querystring: { q?: string } }>('/staff/prison-visits/:prison/search', { config: { staff: scoped } }, async (request, reply) => {
    const prison = await prisonOf(request)
    const q = String(request.query.q ?? '').trim().slice(0, 100)
    let rows
    if (q) {
      const number = normalisePrisonerNumber(q)
      const reference = number ? undefined : normaliseReference(q)
      rows = await searchVisits(db, prison.code, number ? { prisonerNumber: number } : reference ? { reference } : { name: q })
      if (rows.length === 0 && reference) rows = await searchVisits(db, prison.code, { name: q })
      await audit(db as never, request, { action: 'prison-visits.search', recordType: 'prison', recordId: prison.code, after: { query: q, results: rows.length } })
    }
    const prisoner = q ? await db.selectFrom('prison_visits_prisoners').select(['number', 'first_name', 'last_name']).where('prison_code', '=', prison.code).where((eb) => eb.or([eb('number', '=', normalisePrisonerNumber(q) ?? ''), eb(eb.fn('lower', ['last_name']), '=', q.toLowerCase())])).limit(20).execute() : []
    return reply.page(searchPage(ctx(request), identity(request), shown(request, prison), q, rows, prisoner.map((p) => ({ number: p.number, name: `${p.first_name} ${p.last_name}` }))))
  })

  app.get<{ Params: Params }>('/staff/prison-visits/:prison/blocked-dates', { config: { staff: scoped } }, async (request, reply) => {
    const prison = await prisonOf(request)
    const blocked = await blockedDates(db, prison.code, todayInLondon())
    return reply.page(blockedDatesPage(ctx(request), identity(request), { prison: shown(request, prison), csrf: csrfToken(request, reply), blocked: blocked.map((b) => ({ date: b.date, startTime: b.start_time, reason: b.reason })) }))
  })

  app.post<{ Params: Params; Body: Record<string, unknown> }>('/staff/prison-visits/:prison/blocked-dates', { config: { staff: scoped } }, async (request, reply) => {
    const prison = await prisonOf(request)
    const b = request.body ?? {}
    const posted = { day: String(b.day ?? '').trim(), month: String(b.month ?? '').trim(), year: String(b.year ?? '').trim(), startTime: String(b.startTime ?? '').trim(), reason: String(b.reason ?? '').trim().slice(0, 200) }
    const date = `${posted.year.padStart(4, '0')}-${posted.month.padStart(2, '0')}-${posted.day.padStart(2, '0')}`
    const startTime = posted.startTime ? normaliseTime(posted.startTime) : null
    const errors: FieldError[] = []
    const e = text(request).errors
    if (!isIsoDate(date)) errors.push({ field: 'date', text: e.realDate })
    else if (date < todayInLondon()) errors.push({ field: 'date', text: e.pastDate })
    if (posted.startTime && !startTime) errors.push({ field: 'startTime', text: e.time })
    if (!posted.reason) errors.push({ field: 'reason', text: e.reason })
    const blocked = async () => (await blockedDates(db, prison.code, todayInLondon())).map((x) => ({ date: x.date, startTime: x.start_time, reason: x.reason }))
    if (errors.length) return reply.page(blockedDatesPage(ctx(request), identity(request), { prison: shown(request, prison), csrf: csrfToken(request, reply), blocked: await blocked(), errors, posted }))
    const affected = await affectedVisits(db, prison.code, date, startTime ?? null)
    if (affected.length > 0 && b.confirm !== 'yes') {
      return reply.page(blockedDatesPage(ctx(request), identity(request), { prison: shown(request, prison), csrf: csrfToken(request, reply), blocked: await blocked(), posted, affected: { date, startTime: startTime ?? null, visits: affected } }))
    }
    const cancelAffected = list(b.cancelAffected).includes('yes')
    await db.transaction().execute(async (trx) => {
      // Lock the visits first, in id order, and only then write audit events
      // (which take the audit chain's lock): a decision on one of these visits
      // takes its visit lock before the chain's, so the same order here means
      // the two can never deadlock.
      if (cancelAffected && affected.length > 0) {
        await (trx as Db).selectFrom('prison_visits_visits').select('id').where('id', 'in', affected.map((v) => v.id)).orderBy('id').forUpdate().execute()
      }
      await blockDate(trx as Db, prison.code, date, startTime ?? null, posted.reason)
      if (!cancelAffected) {
        await audit(trx as never, request, { action: 'prison-visits.blocked-date.add', recordType: 'prison', recordId: prison.code, after: { date, startTime, reason: posted.reason, cancelAffected } })
        return
      }
      for (const v of affected) {
        const to = v.state === 'requested' ? 'rejected' : 'cancelled'
        await changeVisitState(
          trx as Db,
          v.id,
          to,
          { by: 'staff', staffId: request.staff!.user.id, now: new Date(), ...(to === 'rejected' ? { rejectionReasons: ['slot_unavailable'] } : { cancellationReasons: ['slot_unavailable'] }), staffMessage: posted.reason },
          async (t2, changed) => {
            await notifyChange(t2 as never, config, settings, changed, `${visitText(changed.lang).messages.cancelled} ${CANCELLATION_REASON_TEXT.slot_unavailable[changed.lang]}`)
            await audit(t2 as never, request, { action: `prison-visits.visit.${to === 'rejected' ? 'reject' : 'cancel'}`, recordType: 'visit', recordId: v.id, after: { state: to, reasons: ['slot_unavailable'] } })
          },
        )
      }
      await audit(trx as never, request, { action: 'prison-visits.blocked-date.add', recordType: 'prison', recordId: prison.code, after: { date, startTime, reason: posted.reason, cancelAffected } })
    })
    return reply.redirect(`/staff/prison-visits/${prison.code}/blocked-dates`, 303)
  })

  async function renderPrisoner(request: FastifyRequest<{ Params: Params & { number: string } }>, reply: FastifyReply, extra: { errors?: FieldError[]; notice?: string; posted?: Record<string, string> } = {}) {
    const prison = await prisonOf(request)
    const row = await db.selectFrom('prison_visits_prisoners').selectAll().where('number', '=', request.params.number).where('prison_code', '=', prison.code).executeTakeFirst()
    if (!row) throw notFound()
    const p = toPrisoner(row)
    const approved = await db.selectFrom('prison_visits_approved_visitors').selectAll().where('prisoner_number', '=', p.number).orderBy('id').execute()
    const visits = await searchVisits(db, prison.code, { prisonerNumber: p.number })
    return reply.page(
      prisonerPage(ctx(request), identity(request), {
        prison: shown(request, prison),
        csrf: csrfToken(request, reply),
        prisoner: { number: p.number, name: `${p.firstName} ${p.lastName}`, dateOfBirth: p.dateOfBirth, category: p.category, balance: row.allowance_balance, closedOnly: p.closedVisitsOnly, visitsBanned: p.visitsBanned },
        approved: approved.map((a) => ({ id: a.id, name: `${a.first_name} ${a.last_name}`, dateOfBirth: a.date_of_birth, bannedUntil: a.banned_until, closedOnly: a.closed_visits_only })),
        visits,
        ...extra,
      }),
    )
  }

  app.get<{ Params: Params & { number: string } }>('/staff/prison-visits/:prison/prisoners/:number', { config: { staff: scoped } }, async (request, reply) => {
    await audit(db as never, request, { action: 'prison-visits.prisoner.view', recordType: 'prisoner', recordId: request.params.number })
    return renderPrisoner(request, reply)
  })

  app.post<{ Params: Params & { number: string }; Body: Record<string, unknown> }>('/staff/prison-visits/:prison/prisoners/:number/allowance', { config: { staff: scoped } }, async (request, reply) => {
    const prison = await prisonOf(request)
    const change = String(request.body?.change ?? '').trim()
    const reason = String(request.body?.reason ?? '').trim().slice(0, 200)
    const errors: FieldError[] = []
    const e = text(request).errors
    if (!/^[+-]?\d{1,2}$/.test(change) || Number(change) === 0) errors.push({ field: 'change', text: e.allowanceChange })
    if (!reason) errors.push({ field: 'reason', text: e.allowanceReason })
    if (errors.length) return renderPrisoner(request, reply, { errors })
    const row = await db.selectFrom('prison_visits_prisoners').select(['number', 'allowance_balance']).where('number', '=', request.params.number).where('prison_code', '=', prison.code).executeTakeFirst()
    if (!row) throw notFound()
    await db.transaction().execute(async (trx) => {
      await adjustAllowance(trx as Db, row.number, Number(change), reason, request.staff!.user.id, new Date())
      await audit(trx as never, request, { action: 'prison-visits.allowance.adjust', recordType: 'prisoner', recordId: row.number, before: { balance: row.allowance_balance }, after: { balance: row.allowance_balance + Number(change), reason } })
    })
    return renderPrisoner(request, reply, { notice: text(request).notices.allowanceChanged(Number(change)) })
  })

  async function prisonerAt(request: FastifyRequest<{ Params: Params & { number: string } }>) {
    const prison = await prisonOf(request)
    const row = await db.selectFrom('prison_visits_prisoners').selectAll().where('number', '=', request.params.number).where('prison_code', '=', prison.code).executeTakeFirst()
    if (!row) throw notFound()
    return row
  }

  app.post<{ Params: Params & { number: string }; Body: Record<string, unknown> }>('/staff/prison-visits/:prison/prisoners/:number/restrictions', { config: { staff: scoped } }, async (request, reply) => {
    const row = await prisonerAt(request)
    const chosen = list(request.body?.restrictions)
    const after = { closed_visits_only: chosen.includes('closed'), visits_banned: chosen.includes('banned') }
    await db.transaction().execute(async (trx) => {
      await (trx as Db).updateTable('prison_visits_prisoners').set(after).where('number', '=', row.number).execute()
      await audit(trx as never, request, { action: 'prison-visits.prisoner.restrictions', recordType: 'prisoner', recordId: row.number, before: { closed_visits_only: row.closed_visits_only, visits_banned: row.visits_banned }, after })
    })
    return renderPrisoner(request, reply, { notice: text(request).notices.restrictionsSaved })
  })

  app.post<{ Params: Params & { number: string }; Body: Record<string, unknown> }>('/staff/prison-visits/:prison/prisoners/:number/approved-visitors', { config: { staff: scoped } }, async (request, reply) => {
    const row = await prisonerAt(request)
    const b = request.body ?? {}
    const posted = { first: String(b.first ?? '').trim().slice(0, 50), last: String(b.last ?? '').trim().slice(0, 50), dob: String(b.dob ?? '').trim(), bannedUntil: String(b.bannedUntil ?? '').trim(), closed: list(b.closed).includes('yes') ? 'yes' : '' }
    const errors: FieldError[] = []
    const e = text(request).errors
    if (!posted.first) errors.push({ field: 'avFirst', text: e.visitorFirst })
    if (!posted.last) errors.push({ field: 'avLast', text: e.visitorLast })
    if (posted.dob && !isIsoDate(posted.dob)) errors.push({ field: 'avDob', text: e.optionalDate('1985-03-27') })
    if (posted.bannedUntil && !isIsoDate(posted.bannedUntil)) errors.push({ field: 'avBanned', text: e.optionalDate('2027-01-31') })
    if (errors.length) return renderPrisoner(request, reply, { errors, posted })
    await db.transaction().execute(async (trx) => {
      const added = await (trx as Db)
        .insertInto('prison_visits_approved_visitors')
        .values({ prisoner_number: row.number, first_name: posted.first, last_name: posted.last, date_of_birth: posted.dob || null, banned_until: posted.bannedUntil || null, closed_visits_only: posted.closed === 'yes' })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(trx as never, request, { action: 'prison-visits.approved-visitor.add', recordType: 'prisoner', recordId: row.number, after: { id: added.id, bannedUntil: posted.bannedUntil || null, closed: posted.closed === 'yes' } })
    })
    return renderPrisoner(request, reply, { notice: text(request).notices.visitorAdded })
  })

  app.post<{ Params: Params & { number: string; id: string } }>('/staff/prison-visits/:prison/prisoners/:number/approved-visitors/:id/remove', { config: { staff: scoped } }, async (request, reply) => {
    const row = await prisonerAt(request)
    if (!/^\d{1,9}$/.test(request.params.id)) throw notFound()
    await db.transaction().execute(async (trx) => {
      const removed = await (trx as Db).deleteFrom('prison_visits_approved_visitors').where('id', '=', Number(request.params.id)).where('prisoner_number', '=', row.number).executeTakeFirst()
      if (Number(removed.numDeletedRows) === 0) throw notFound()
      await audit(trx as never, request, { action: 'prison-visits.approved-visitor.remove', recordType: 'prisoner', recordId: row.number, after: { id: Number(request.params.id) } })
    })
    return renderPrisoner(request, reply, { notice: text(request).notices.visitorRemoved })
  })

  // Session templates: staff edits make a template theirs, so a re-import leaves it alone.
  const templateView = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, extra: { errors?: FieldError[]; posted?: Record<string, string>; editing?: number | null } = {}) => {
    const prison = await prisonOf(request)
    const rows = await templatesOf(db, prison.code)
    // After a change, the visits it left without a session, for staff to move or cancel.
    const today = todayInLondon()
    // Only the sessions with visits are read first, so a page view does not load every visit to come.
    const slots = await slotsWithVisitsFrom(db, prison.code, today)
    const last = slots.at(-1)?.date
    const sessions = last ? await prisonSessions(db, prison.code, today, last) : []
    // The slots that no longer fit, then the visits in them that do not: in a slot that lost its closed places, its open visits still fit.
    const withoutSession = last ? visitsWithoutSession(await visitsInSlots(db, prison.code, visitsWithoutSession(slots, sessions)), sessions) : []
    const editing = extra.editing ?? null
    const current = editing === null ? undefined : rows.find((r) => r.id === editing)
    const posted =
      extra.posted ??
      (current
        ? { dayOfWeek: String(current.day_of_week), startTime: current.start_time, endTime: current.end_time, openCapacity: String(current.open_capacity), closedCapacity: String(current.closed_capacity), validFrom: current.valid_from ?? '', validTo: current.valid_to ?? '', fortnightly: current.frequency_weeks === 2 ? 'yes' : '' }
        : undefined)
    return reply.page(
      templatesPage(ctx(request), identity(request), {
        prison: shown(request, prison),
        csrf: csrfToken(request, reply),
        templates: rows.map((r) => ({ id: r.id, dayOfWeek: r.day_of_week, startTime: r.start_time, endTime: r.end_time, openCapacity: r.open_capacity, closedCapacity: r.closed_capacity, validFrom: r.valid_from, validTo: r.valid_to, frequencyWeeks: r.frequency_weeks, imported: r.source_key !== null })),
        errors: extra.errors,
        posted,
        editing: current ? current.id : null,
        withoutSession,
      }),
    )
  }

  function parseTemplate(request: FastifyRequest, body: Record<string, unknown>): { value?: TemplateChange; errors: FieldError[]; posted: Record<string, string> } {
    const e = text(request).errors
    const posted = Object.fromEntries(['dayOfWeek', 'startTime', 'endTime', 'openCapacity', 'closedCapacity', 'validFrom', 'validTo'].map((k) => [k, String(body[k] ?? '').trim()]))
    posted.fortnightly = list(body.fortnightly).includes('yes') ? 'yes' : ''
    const errors: FieldError[] = []
    const day = Number(posted.dayOfWeek)
    const start = normaliseTime(posted.startTime ?? '')
    const end = normaliseTime(posted.endTime ?? '')
    if (!start) errors.push({ field: 'startTime', text: e.startTime })
    if (!end) errors.push({ field: 'endTime', text: e.endTime })
    else if (start && end <= start) errors.push({ field: 'endTime', text: e.endBeforeStart })
    for (const k of ['openCapacity', 'closedCapacity'] as const) if (!/^\d{1,3}$/.test(posted[k] ?? '')) errors.push({ field: k, text: e.capacity })
    for (const k of ['validFrom', 'validTo'] as const) if (posted[k] && !isIsoDate(posted[k]!)) errors.push({ field: k, text: e.optionalDate('2026-12-31') })
    if (posted.fortnightly === 'yes' && !posted.validFrom) errors.push({ field: 'validFrom', text: e.fortnightlyFrom })
    if (!(day >= 1 && day <= 7) || errors.length) return { errors: day >= 1 && day <= 7 ? errors : [...errors, { field: 'dayOfWeek', text: e.day }], posted }
    return {
      errors,
      posted,
      value: { dayOfWeek: day, startTime: start!, endTime: end!, openCapacity: Number(posted.openCapacity), closedCapacity: Number(posted.closedCapacity), validFrom: posted.validFrom || null, validTo: posted.validTo || null, frequencyWeeks: posted.fortnightly === 'yes' ? 2 : 1 },
    }
  }

  app.get<{ Params: Params; Querystring: { edit?: string } }>('/staff/prison-visits/:prison/sessions', { config: { staff: scoped } }, async (request, reply) =>
    templateView(request, reply, { editing: request.query.edit ? Number(request.query.edit) : null }),
  )

  app.post<{ Params: Params & { id?: string }; Body: Record<string, unknown> }>('/staff/prison-visits/:prison/sessions/:id?', { config: { staff: scoped } }, async (request, reply) => {
    const prison = await prisonOf(request)
    const id = request.params.id ? Number(request.params.id) : null
    if (id !== null && !(await templatesOf(db, prison.code)).some((t) => t.id === id)) throw notFound()
    const parsed = parseTemplate(request, request.body ?? {})
    if (!parsed.value) return templateView(request, reply, { errors: parsed.errors, posted: parsed.posted, editing: id })
    await db.transaction().execute(async (trx) => {
      const saved = await saveTemplate(trx as Db, prison.code, id, parsed.value!)
      await audit(trx as never, request, { action: `prison-visits.session-template.${id === null ? 'add' : 'change'}`, recordType: 'session-template', recordId: saved, after: parsed.value })
    })
    return reply.redirect(`/staff/prison-visits/${prison.code}/sessions`, 303)
  })

  app.post<{ Params: Params & { id: string } }>('/staff/prison-visits/:prison/sessions/:id/remove', { config: { staff: scoped } }, async (request, reply) => {
    const prison = await prisonOf(request)
    const id = Number(request.params.id)
    if (!(await templatesOf(db, prison.code)).some((t) => t.id === id)) throw notFound()
    await db.transaction().execute(async (trx) => {
      await removeTemplate(trx as Db, prison.code, id)
      await audit(trx as never, request, { action: 'prison-visits.session-template.remove', recordType: 'session-template', recordId: id })
    })
    return reply.redirect(`/staff/prison-visits/${prison.code}/sessions`, 303)
  })

  // Booking for someone who phones or calls in: the assisted channel.
  const bookView = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, extra: { errors?: FieldError[]; posted?: Record<string, string>; needsOverbookConfirmation?: boolean } = {}) => {
    const prison = await prisonOf(request)
    const today = todayInLondon()
    const sessions = await sessionAvailability(db, prison.code, addDays(today, 1), addDays(today, prison.bookingWindowDays), new Date())
    return reply.page(
      bookOnBehalfPage(ctx(request), identity(request), {
        prison: shown(request, prison),
        csrf: csrfToken(request, reply),
        sessions: sessions.map((s) => ({ value: `${s.date} ${s.startTime}`, text: `${prettyDate(s.date, request.lang)}, ${text(request).day.session(s.startTime, s.endTime)}`, full: s.openTaken >= s.openCapacity })),
        ...extra,
      }),
    )
  }

  app.get<{ Params: Params }>('/staff/prison-visits/:prison/book', { config: { staff: scoped } }, async (request, reply) => bookView(request, reply))

  app.post<{ Params: Params; Body: Record<string, unknown> }>('/staff/prison-visits/:prison/book', { config: { staff: scoped } }, async (request, reply) => {
    const prison = await prisonOf(request)
    const body = request.body ?? {}
    const visitorFields = (i: number) => [`v${i}first`, `v${i}last`, `v${i}dob-day`, `v${i}dob-month`, `v${i}dob-year`]
    const posted = Object.fromEntries(['prisonerNumber', 'session', 'email', 'phone', 'support', 'visitorLang', ...[1, 2, 3].flatMap(visitorFields)].map((k) => [k, String(body[k] ?? '').trim()]))
    const visitorGiven = (i: number) => visitorFields(i).some((k) => posted[k])
    const errors: FieldError[] = []
    const e = text(request).errors
    const number = normalisePrisonerNumber(posted.prisonerNumber ?? '')
    const prisoner = number ? await db.selectFrom('prison_visits_prisoners').select('number').where('number', '=', number).where('prison_code', '=', prison.code).executeTakeFirst() : undefined
    if (!prisoner) errors.push({ field: 'prisonerNumber', text: e.prisonerNumber })
    const [date, start] = (posted.session ?? '').split(' ') as [string, string | undefined]
    if (!isIsoDate(date ?? '') || !start) errors.push({ field: 'session', text: e.visitTime })
    const visitors: { firstName: string; lastName: string; dateOfBirth: string }[] = []
    for (const i of [1, 2, 3]) {
      const first = posted[`v${i}first`] ?? ''
      const last = posted[`v${i}last`] ?? ''
      if (i > 1 && !visitorGiven(i)) continue
      if (!first) errors.push({ field: `v${i}first`, text: e.visitorNFirst(i) })
      if (!last) errors.push({ field: `v${i}last`, text: e.visitorNLast(i) })
      // The public journey's rules and messages ("… must include a month", "… must be in the past").
      const dob = visitorDateOfBirth(request.lang, i, { leadIsYou: false }).safeParse({ day: posted[`v${i}dob-day`], month: posted[`v${i}dob-month`], year: posted[`v${i}dob-year`] })
      if (!dob.success) {
        const [problem] = fieldErrors(dob.error)
        const wrong = { field: `v${i}dob`, message: problem?.message ?? '', parts: problem?.parts }
        errors.push({ field: wrong.field, text: wrong.message, parts: wrong.parts, href: errorHref(wrong) })
      } else if (first && last) visitors.push({ firstName: first, lastName: last, dateOfBirth: dob.data })
    }
    if (visitors.length && visitors.length === [1, 2, 3].filter(visitorGiven).length) {
      // Adults are counted on the visit's day: a visitor may turn adult before it.
      for (const problem of visitorProblems(visitors.map((v) => v.dateOfBirth), prison.limits, isIsoDate(date ?? '') ? date! : todayInLondon())) {
        errors.push({ field: 'v1dob', href: '#v1dob-day', text: problem === 'lead-visitor-under-18' ? visitText(request.lang).visitors.leadUnder18 : problem === 'too-many-adults' ? e.tooManyAdults(prison.limits.maxAdults) : e.tooManyVisitors(prison.limits.maxVisitors) })
      }
    }
    if (posted.email && !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(posted.email)) errors.push({ field: 'email', text: e.email })
    if (posted.phone && !/^07\d{9}$/.test(posted.phone.replace(/[\s()-]/g, '').replace(/^\+44/, '0'))) errors.push({ field: 'phone', text: visitText(request.lang).contact.mobile })
    if ((posted.support ?? '').length > 200) errors.push({ field: 'support', text: e.supportTooLong })
    if (errors.length) return bookView(request, reply, { errors, posted })
    const now = new Date()
    const session = (await sessionAvailability(db, prison.code, date, date, now)).find((s) => s.startTime === start)
    if (!session) return bookView(request, reply, { errors: [{ field: 'session', text: e.visitTime }], posted })
    const full = session.openTaken >= session.openCapacity
    const overbook = list(body.overbook).includes('yes')
    if (full && !overbook) {
      return bookView(request, reply, { posted, needsOverbookConfirmation: true, errors: body.overbookAsked === 'yes' ? [{ field: 'overbook', text: e.confirmOverbook }] : undefined })
    }
    // Messages go in the language chosen for the visitor; the form always sends one.
    const visitorLang = isLanguage(posted.visitorLang) ? posted.visitorLang : request.lang
    const phone = posted.phone ? posted.phone.replace(/[\s()-]/g, '').replace(/^\+44/, '0') : null
    const result = await book(
      db,
      prison,
      { prisonCode: prison.code, date, startTime: start!, owner: `staff:${request.staff!.user.id}:${now.getTime()}`, prisonerNumber: number!, visitors, contactEmail: posted.email || null, contactPhone: phone, lang: visitorLang, additionalSupport: posted.support || null, channel: 'assisted', overbook: full && overbook, now, today: todayInLondon(now) },
      async (trx, visit) => {
        await audit(trx as never, request, { action: 'prison-visits.visit.book-on-behalf', recordType: 'visit', recordId: visit.id, after: { state: visit.state, overbooked: full && overbook } })
        // Counted beside online bookings, so digital take-up shows the share booked without staff.
        await recordJourneyEvents(trx as never, [{ service: 'prison-visits', journey: 'book-a-visit', runId: randomUUID(), event: 'completed', channel: 'assisted' }])
        const record = await findVisit(trx as Db, { id: visit.id })
        if (record) await notifyChange(trx as never, config, settings, record, visit.state === 'booked' ? visitText(record.lang).messages.approved : visit.reasons.map((r) => reasonText(r, record.lang)).join(' '))
      },
    )
    if (result.kind !== 'done') return bookView(request, reply, { errors: [{ field: 'session', text: visitText(request.lang).visitTime.gone }], posted })
    return reply.redirect(`/staff/prison-visits/${prison.code}/visits/${result.visit.reference}`, 303)
  })
}

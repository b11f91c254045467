/**
 * SQL for prison visits. Places are counted under a row lock on the session's
 * slot row (SELECT ... FOR UPDATE), in the same transaction that takes the
 * place, so that no interleaving of bookers can take more places than the
 * session has: the lock makes count-then-insert atomic per session.
 */
import { randomUUID } from 'node:crypto'
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely'
import { accrue, checkConvicted, checkRemand, type AllowanceCheck, type AllowanceRules } from './rules/allowance.js'
import { hasPlace, placeNeeded, type PlaceKind } from './rules/capacity.js'
import { addDays, startOfWeek, type IsoDate } from './rules/dates.js'
import { decideOutcome, type Outcome, type RequestReason } from './rules/outcome.js'
import { newReference } from './rules/reference.js'
import { sessionsBetween, type VisitSession } from './rules/sessions.js'
import { canTransition, PLACE_TAKING_STATES, type VisitState } from './rules/states.js'
import type { VisitorLimits } from './rules/visitors.js'
import type { WorkingCalendar } from './rules/working-days.js'
import { andThen, eventual, type Eventual, type MaybeAsync } from '../../platform/maybe-async.js'
import { findOnList, toPrisoner, type Prisoner } from './prisoner-register.js'
import type { PrisonsTable, PrisonVisitsTables, VisitsTable } from './schema.js'

export type Db = Kysely<PrisonVisitsTables>
type Trx = Transaction<PrisonVisitsTables>

/** Runs in the caller's transaction when given one (a journey's submit), else in a new one. */
function inTransaction<T>(db: Db, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Trx) : db.transaction().execute(fn)
}

export interface Prison {
  code: string
  name: string
  nameCy: string | null
  enabled: boolean
  address: string | null
  addressCy: string | null
  postcode: string | null
  email: string | null
  phone: string | null
  leadDays: number
  bookingWindowDays: number
  worksWeekends: boolean
  limits: VisitorLimits
  allowance: AllowanceRules
  keepsVisitorList: boolean
}

function toPrison(r: Selectable<PrisonsTable>): Prison {
  return {
    code: r.code,
    name: r.name,
    nameCy: r.name_cy,
    enabled: r.enabled,
    address: r.address,
    addressCy: r.address_cy,
    postcode: r.postcode,
    email: r.email,
    phone: r.phone,
    leadDays: r.lead_days,
    bookingWindowDays: r.booking_window_days,
    worksWeekends: r.works_weekends,
    limits: { maxVisitors: r.max_visitors, maxAdults: r.max_adults, adultAge: r.adult_age },
    allowance: { ordersPer28Days: r.orders_per_28_days, carryOverCap: r.carry_over_cap, remandWeeklyLimit: r.remand_weekly_limit },
    keepsVisitorList: r.keeps_visitor_list,
  }
}

function selectPrisons(db: Db) {
  return db.selectFrom('prison_visits_prisons').selectAll().orderBy('name').execute()
}

/**
 * The prison list is reference data: only an import changes it. Reading all of
 * it (every column of every prison) on each page that offers the list cost
 * more than the rest of the page, so each process keeps it for a minute, and
 * an import in this process drops it at once. An import run elsewhere shows
 * within the minute; a booking checks the chosen prison in the database anyway.
 */
const PRISON_LIST_MS = 60_000
interface PrisonLists {
  all: Prison[]
  bookable: Prison[]
}
interface KeptPrisonLists {
  until: number
  lists: Eventual<PrisonLists>
}
const keptPrisonLists = new WeakMap<object, KeptPrisonLists>()

export function forgetPrisonList(db: Db): void {
  keptPrisonLists.delete(db)
}

/**
 * Every prison, or those taking bookings, by name. The same array until the list is read again, so callers may keep what they make from it.
 * Given at once, rather than as a promise, while the kept list is fresh: the booking journey's first page then needs no turn of the microtask queue.
 */
export function listPrisons(db: Db, options: { bookableOnly: boolean }): MaybeAsync<readonly Prison[]> {
  let kept = keptPrisonLists.get(db)
  if (!kept || kept.until <= Date.now()) {
    const entry: KeptPrisonLists = {
      until: Date.now() + PRISON_LIST_MS,
      lists: eventual(
        selectPrisons(db).then((rows) => {
          const all = rows.map(toPrison)
          return { all, bookable: all.filter((p) => p.enabled) }
        }),
      ),
    }
    kept = entry
    keptPrisonLists.set(db, entry)
    // A failed read (database down) is not kept, nor is an empty list (read before the first
    // import, perhaps while another process runs it): the next request reads again.
    const forget = () => keptPrisonLists.get(db) === entry && keptPrisonLists.delete(db)
    entry.lists.promise.then((lists) => lists.all.length === 0 && forget(), forget)
  }
  return andThen(kept.lists.now(), (lists) => (options.bookableOnly ? lists.bookable : lists.all))
}

export async function findPrison(db: Db, code: string): Promise<Prison | undefined> {
  const r = await db.selectFrom('prison_visits_prisons').selectAll().where('code', '=', code).executeTakeFirst()
  return r && toPrison(r)
}

export async function workingCalendar(db: Db, prison: Pick<Prison, 'worksWeekends'>): Promise<WorkingCalendar> {
  const rows = await db.selectFrom('prison_visits_bank_holidays').select('date').execute()
  return { bankHolidays: new Set(rows.map((r) => r.date)), worksWeekends: prison.worksWeekends }
}

/** The sessions a prison runs between two dates, from its templates, one-offs and blocked dates. */
export async function prisonSessions(db: Db, prisonCode: string, from: IsoDate, to: IsoDate): Promise<VisitSession[]> {
  const [templates, oneOffs, blocked] = await Promise.all([
    db.selectFrom('prison_visits_session_templates').selectAll().where('prison_code', '=', prisonCode).where('removed', '=', false).execute(),
    db.selectFrom('prison_visits_one_off_sessions').selectAll().where('prison_code', '=', prisonCode).where('removed', '=', false).where('date', '>=', from).where('date', '<=', to).execute(),
    db.selectFrom('prison_visits_blocked_dates').selectAll().where('prison_code', '=', prisonCode).where('removed', '=', false).where('date', '>=', from).where('date', '<=', to).execute(),
  ])
  return sessionsBetween(
    from,
    to,
    templates.map((t) => ({
      id: t.id,
      dayOfWeek: t.day_of_week,
      startTime: t.start_time,
      endTime: t.end_time,
      openCapacity: t.open_capacity,
      closedCapacity: t.closed_capacity,
      validFrom: t.valid_from,
      validTo: t.valid_to,
      frequencyWeeks: t.frequency_weeks,
    })),
    oneOffs.map((o) => ({ date: o.date, startTime: o.start_time, endTime: o.end_time, openCapacity: o.open_capacity, closedCapacity: o.closed_capacity })),
    blocked.map((b) => ({ date: b.date, startTime: b.start_time || null })),
  )
}

export interface SessionAvailability extends VisitSession {
  openTaken: number
  closedTaken: number
}

/** Places taken in each session: visits requested or booked, and holds not yet expired. */
export async function sessionAvailability(db: Db, prisonCode: string, from: IsoDate, to: IsoDate, now: Date): Promise<SessionAvailability[]> {
  const sessions = await prisonSessions(db, prisonCode, from, to)
  const visits = await db
    .selectFrom('prison_visits_visits')
    .select(['date', 'start_time', 'place', (eb) => eb.fn.countAll<number>().as('n')])
    .where('prison_code', '=', prisonCode)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('state', 'in', PLACE_TAKING_STATES as VisitState[])
    .groupBy(['date', 'start_time', 'place'])
    .execute()
  const holds = await db
    .selectFrom('prison_visits_holds as h')
    .innerJoin('prison_visits_session_slots as s', 's.id', 'h.slot_id')
    .select(['s.date', 's.start_time', 'h.place', (eb) => eb.fn.countAll<number>().as('n')])
    .where('s.prison_code', '=', prisonCode)
    .where('s.date', '>=', from)
    .where('s.date', '<=', to)
    .where('h.expires_at', '>', now)
    .groupBy(['s.date', 's.start_time', 'h.place'])
    .execute()
  const taken = new Map<string, number>()
  for (const r of [...visits, ...holds]) {
    const key = `${r.date} ${r.start_time} ${r.place}`
    taken.set(key, (taken.get(key) ?? 0) + Number(r.n))
  }
  return sessions.map((s) => ({
    ...s,
    openTaken: taken.get(`${s.date} ${s.startTime} open`) ?? 0,
    closedTaken: taken.get(`${s.date} ${s.startTime} closed`) ?? 0,
  }))
}

/** Creates the session's slot row if need be, and locks it for the rest of the transaction. */
async function lockSlot(trx: Trx, prisonCode: string, session: VisitSession): Promise<number> {
  await trx
    .insertInto('prison_visits_session_slots')
    .values({ prison_code: prisonCode, date: session.date, start_time: session.startTime, end_time: session.endTime })
    .onConflict((oc) => oc.columns(['prison_code', 'date', 'start_time']).doNothing())
    .execute()
  const slot = await trx
    .selectFrom('prison_visits_session_slots')
    .select('id')
    .where('prison_code', '=', prisonCode)
    .where('date', '=', session.date)
    .where('start_time', '=', session.startTime)
    .forUpdate()
    .executeTakeFirstOrThrow()
  return slot.id
}

async function placesTaken(trx: Trx, slotId: number, place: PlaceKind, now: Date, exceptOwner?: string): Promise<number> {
  const visits = await trx
    .selectFrom('prison_visits_visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('slot_id', '=', slotId)
    .where('place', '=', place)
    .where('state', 'in', PLACE_TAKING_STATES as VisitState[])
    .executeTakeFirstOrThrow()
  let holds = trx
    .selectFrom('prison_visits_holds')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('slot_id', '=', slotId)
    .where('place', '=', place)
    .where('expires_at', '>', now)
  if (exceptOwner) holds = holds.where('owner', '!=', exceptOwner)
  const h = await holds.executeTakeFirstOrThrow()
  return Number(visits.n) + Number(h.n)
}

async function findSession(db: Db, prisonCode: string, date: IsoDate, startTime: string): Promise<VisitSession | undefined> {
  return (await prisonSessions(db, prisonCode, date, date)).find((s) => s.startTime === startTime)
}

function capacityOf(session: VisitSession, place: PlaceKind): number {
  return place === 'open' ? session.openCapacity : session.closedCapacity
}

export type HoldResult = { held: true; expiresAt: Date } | { held: false; reason: 'no-session' | 'full' }

/**
 * Holds one place for `owner` (a journey), releasing any place it held
 * before. The hold counts against capacity until it expires.
 */
export async function holdPlace(
  db: Db,
  h: { prisonCode: string; date: IsoDate; startTime: string; place: PlaceKind; owner: string; now: Date; holdMinutes: number },
): Promise<HoldResult> {
  const session = await findSession(db, h.prisonCode, h.date, h.startTime)
  if (!session) return { held: false, reason: 'no-session' }
  return inTransaction(db, async (trx) => {
    await trx.deleteFrom('prison_visits_holds').where('owner', '=', h.owner).execute()
    const slotId = await lockSlot(trx, h.prisonCode, session)
    const taken = await placesTaken(trx, slotId, h.place, h.now)
    if (!hasPlace({ openCapacity: session.openCapacity, closedCapacity: session.closedCapacity, openTaken: h.place === 'open' ? taken : 0, closedTaken: h.place === 'closed' ? taken : 0 }, h.place)) {
      return { held: false, reason: 'full' } as const
    }
    const expiresAt = new Date(h.now.getTime() + h.holdMinutes * 60_000)
    await trx.insertInto('prison_visits_holds').values({ id: randomUUID(), slot_id: slotId, place: h.place, owner: h.owner, expires_at: expiresAt }).execute()
    return { held: true, expiresAt } as const
  })
}

/** The session an unexpired hold is for, if the owner still has one. */
export async function currentHold(db: Db, owner: string, now: Date): Promise<{ date: IsoDate; startTime: string; place: PlaceKind } | undefined> {
  return db
    .selectFrom('prison_visits_holds as h')
    .innerJoin('prison_visits_session_slots as s', 's.id', 'h.slot_id')
    .select(['s.date', 's.start_time as startTime', 'h.place'])
    .where('h.owner', '=', owner)
    .where('h.expires_at', '>', now)
    .executeTakeFirst()
}

export async function releaseHold(db: Db, owner: string): Promise<void> {
  await db.deleteFrom('prison_visits_holds').where('owner', '=', owner).execute()
}

export async function deleteExpiredHolds(db: Db, now: Date): Promise<number> {
  const r = await db.deleteFrom('prison_visits_holds').where('expires_at', '<=', now).executeTakeFirst()
  return Number(r.numDeletedRows)
}

export interface VisitorDetails {
  firstName: string
  lastName: string
  dateOfBirth: IsoDate
}

export interface BookingRequest {
  prisonCode: string
  date: IsoDate
  startTime: string
  owner: string
  prisonerNumber: string
  visitors: readonly VisitorDetails[]
  contactEmail: string | null
  contactPhone: string | null
  lang: 'en' | 'cy'
  additionalSupport: string | null
  channel: 'digital' | 'assisted'
  /** Staff only, after an explicit confirmation: take a place even when the session is full. */
  overbook?: boolean
  now: Date
  today: IsoDate
}

export interface BookedVisit {
  id: string
  reference: string
  state: 'booked' | 'requested'
  place: PlaceKind
  session: VisitSession
  reasons: RequestReason[]
}

export type BookingResult = { kind: 'done'; visit: BookedVisit } | { kind: 'unavailable' } | { kind: 'no-prisoner' }

/** Called inside the booking transaction, so the message is committed with the visit or not at all. */
export type BookingNotifier = (trx: Trx, visit: BookedVisit) => Promise<void>

export async function allowanceFor(trx: Db, prisoner: Prisoner, prison: Prison, visitDate: IsoDate, today: IsoDate, forUpdate: boolean): Promise<{ check: AllowanceCheck; balance: number; accruedOn: IsoDate }> {
  let q = trx.selectFrom('prison_visits_prisoners').select(['allowance_balance', 'allowance_accrued_on']).where('number', '=', prisoner.number)
  if (forUpdate) q = q.forUpdate()
  const row = await q.executeTakeFirstOrThrow()
  const now = accrue({ balance: row.allowance_balance, accruedOn: row.allowance_accrued_on }, today, prison.allowance)
  if (prisoner.category === 'remand') {
    const week = startOfWeek(visitDate)
    const r = await trx
      .selectFrom('prison_visits_visits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('prisoner_number', '=', prisoner.number)
      .where('date', '>=', week)
      .where('date', '<=', addDays(week, 6))
      .where('state', 'in', PLACE_TAKING_STATES as VisitState[])
      .executeTakeFirstOrThrow()
    return { check: checkRemand(Number(r.n), visitDate, prison.allowance), balance: now.balance, accruedOn: now.accruedOn }
  }
  return { check: checkConvicted(now, today, prison.allowance), balance: now.balance, accruedOn: now.accruedOn }
}

export async function book(db: Db, prison: Prison, request: BookingRequest, notify?: BookingNotifier): Promise<BookingResult> {
  const session = await findSession(db, prison.code, request.date, request.startTime)
  if (!session) return { kind: 'unavailable' }
  return inTransaction(db, async (trx): Promise<BookingResult> => {
    const prisonerRow = await trx.selectFrom('prison_visits_prisoners').selectAll().where('number', '=', request.prisonerNumber).forUpdate().executeTakeFirst()
    if (!prisonerRow || prisonerRow.prison_code !== prison.code) return { kind: 'no-prisoner' }
    const prisoner = toPrisoner(prisonerRow)
    const list = await trx.selectFrom('prison_visits_approved_visitors').selectAll().where('prisoner_number', '=', prisoner.number).execute()
    const approved = list.map((a) => ({ id: a.id, firstName: a.first_name, lastName: a.last_name, dateOfBirth: a.date_of_birth, bannedUntil: a.banned_until, closedVisitsOnly: a.closed_visits_only }))
    const visitorFacts = request.visitors.map((v) => {
      const entry = findOnList(approved, v)
      return { name: `${v.firstName} ${v.lastName}`, onList: entry !== undefined, bannedUntil: entry?.bannedUntil ?? null, closedOnly: entry?.closedVisitsOnly ?? false }
    })
    const place = placeNeeded(prisoner.closedVisitsOnly, visitorFacts.map((v) => v.closedOnly))

    const slotId = await lockSlot(trx, prison.code, session)
    const hold = await trx
      .selectFrom('prison_visits_holds')
      .select(['id', 'place'])
      .where('owner', '=', request.owner)
      .where('slot_id', '=', slotId)
      .where('place', '=', place)
      .where('expires_at', '>', request.now)
      .executeTakeFirst()
    // An expired or missing hold is no loss while a place is still free.
    const placeHeld = hold !== undefined || request.overbook === true || (await placesTaken(trx, slotId, place, request.now, request.owner)) < capacityOf(session, place)

    const allowance = await allowanceFor(trx, prisoner, prison, request.date, request.today, false)
    const outcome: Outcome = decideOutcome({
      placeHeld,
      allowance: allowance.check,
      visitors: visitorFacts,
      prisonKeepsList: prison.keepsVisitorList,
      prisonerClosedOnly: prisoner.closedVisitsOnly,
      prisonerVisitsBanned: prisoner.visitsBanned,
      visitDate: request.date,
    })
    await trx.deleteFrom('prison_visits_holds').where('owner', '=', request.owner).execute()
    if (outcome.kind === 'unavailable') return { kind: 'unavailable' }

    const useAllowance = allowance.check.available && prisoner.category === 'convicted'
    if (useAllowance || allowance.accruedOn !== prisonerRow.allowance_accrued_on) {
      await trx
        .updateTable('prison_visits_prisoners')
        .set({ allowance_balance: allowance.balance - (useAllowance ? 1 : 0), allowance_accrued_on: allowance.accruedOn })
        .where('number', '=', prisoner.number)
        .execute()
    }
    const id = randomUUID()
    const state = outcome.kind === 'booked' ? 'booked' : 'requested'
    const reasons = outcome.kind === 'requested' ? outcome.reasons : []
    const overbooked = request.overbook === true && (await placesTaken(trx, slotId, place, request.now, request.owner)) >= capacityOf(session, place)
    const reference = await insertVisit(trx, {
      id,
      prison_code: prison.code,
      slot_id: slotId,
      date: session.date,
      start_time: session.startTime,
      end_time: session.endTime,
      place,
      prisoner_number: prisoner.number,
      state,
      channel: request.channel,
      contact_email: request.contactEmail,
      contact_phone: request.contactPhone,
      lang: request.lang,
      additional_support: request.additionalSupport,
      request_reasons: JSON.stringify(reasons),
      allowance_used: useAllowance,
      overbooked,
      created_at: request.now,
      updated_at: request.now,
    })
    if (useAllowance) {
      await trx.insertInto('prison_visits_allowance_changes').values({ prisoner_number: prisoner.number, change: -1, reason: 'visit booked', visit_id: id, staff_id: null, at: request.now }).execute()
    }
    await trx
      .insertInto('prison_visits_visitors')
      .values(request.visitors.map((v, position) => ({ visit_id: id, position, first_name: v.firstName, last_name: v.lastName, date_of_birth: v.dateOfBirth })))
      .execute()
    const visit: BookedVisit = { id, reference, state, place, session, reasons }
    if (notify) await notify(trx, visit)
    return { kind: 'done', visit }
  })
}

/** Inserts the visit under a fresh reference, trying again in the unlikely event of a clash. */
async function insertVisit(trx: Trx, row: Omit<Insertable<VisitsTable>, 'reference'>): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const reference = newReference()
    const clash = await trx.selectFrom('prison_visits_visits').select('id').where('reference', '=', reference).executeTakeFirst()
    if (clash && attempt < 5) continue
    await trx.insertInto('prison_visits_visits').values({ ...row, reference }).execute()
    return reference
  }
}

export interface VisitRecord {
  id: string
  reference: string
  prisonCode: string
  date: IsoDate
  startTime: string
  endTime: string
  place: PlaceKind
  prisonerNumber: string
  state: VisitState
  channel: 'digital' | 'assisted'
  contactEmail: string | null
  contactPhone: string | null
  lang: 'en' | 'cy'
  additionalSupport: string | null
  requestReasons: RequestReason[]
  rejectionReasons: string[]
  cancellationReasons: string[]
  staffMessage: string | null
  overbooked: boolean
  createdAt: Date
  visitors: { id: number; firstName: string; lastName: string; dateOfBirth: IsoDate | null; notAllowed: boolean }[]
}

export async function findVisit(db: Db, where: { id: string } | { reference: string }): Promise<VisitRecord | undefined> {
  let q = db.selectFrom('prison_visits_visits').selectAll()
  q = 'id' in where ? q.where('id', '=', where.id) : q.where('reference', '=', where.reference)
  const v = await q.executeTakeFirst()
  if (!v) return undefined
  const visitors = await db.selectFrom('prison_visits_visitors').selectAll().where('visit_id', '=', v.id).orderBy('position').execute()
  return toVisitRecord(v, visitors)
}

function toVisitRecord(
  v: Selectable<VisitsTable>,
  visitors: { id: number; first_name: string; last_name: string; date_of_birth: string | null; not_allowed: boolean }[],
): VisitRecord {
  return {
    id: v.id,
    reference: v.reference,
    prisonCode: v.prison_code,
    date: v.date,
    startTime: v.start_time,
    endTime: v.end_time,
    place: v.place,
    prisonerNumber: v.prisoner_number,
    state: v.state,
    channel: v.channel,
    contactEmail: v.contact_email,
    contactPhone: v.contact_phone,
    lang: v.lang,
    additionalSupport: v.additional_support,
    requestReasons: v.request_reasons as RequestReason[],
    rejectionReasons: v.rejection_reasons,
    cancellationReasons: v.cancellation_reasons,
    staffMessage: v.staff_message,
    overbooked: v.overbooked,
    createdAt: v.created_at,
    visitors: visitors.map((x) => ({ id: x.id, firstName: x.first_name, lastName: x.last_name, dateOfBirth: x.date_of_birth, notAllowed: x.not_allowed })),
  }
}

export type ChangeResult = { changed: true; visit: VisitRecord } | { changed: false; reason: 'not-found' | 'not-allowed' }

/** Called inside the change's transaction, so the message is committed with it. */
export type ChangeNotifier = (trx: Trx, visit: VisitRecord, to: VisitState) => Promise<void>

/**
 * Moves a visit to a new state, if the state machine allows it: giving the
 * allowance back when a booking or request ends without a visit.
 */
export async function changeVisitState(
  db: Db,
  visitId: string,
  to: VisitState,
  details: { rejectionReasons?: string[]; cancellationReasons?: string[]; staffMessage?: string | null; by: 'visitor' | 'staff'; staffId?: string | null; now: Date; notAllowedVisitorIds?: number[] },
  notify?: ChangeNotifier,
): Promise<ChangeResult> {
  return inTransaction(db, async (trx): Promise<ChangeResult> => {
    const v = await trx.selectFrom('prison_visits_visits').selectAll().where('id', '=', visitId).forUpdate().executeTakeFirst()
    if (!v) return { changed: false, reason: 'not-found' }
    if (!canTransition(v.state, to)) return { changed: false, reason: 'not-allowed' }
    const givesBack = v.allowance_used && (to === 'rejected' || to === 'withdrawn' || to === 'cancelled')
    await trx
      .updateTable('prison_visits_visits')
      .set({
        state: to,
        updated_at: details.now,
        decided_at: v.state === 'requested' && details.by === 'staff' ? details.now : v.decided_at,
        rejection_reasons: details.rejectionReasons ?? v.rejection_reasons,
        cancellation_reasons: details.cancellationReasons ?? v.cancellation_reasons,
        staff_message: details.staffMessage ?? v.staff_message,
        cancelled_by: to === 'cancelled' || to === 'withdrawn' ? details.by : v.cancelled_by,
        allowance_used: givesBack ? false : v.allowance_used,
      })
      .where('id', '=', visitId)
      .execute()
    if (details.notAllowedVisitorIds?.length) {
      await trx.updateTable('prison_visits_visitors').set({ not_allowed: true }).where('visit_id', '=', visitId).where('id', 'in', details.notAllowedVisitorIds).execute()
    }
    if (givesBack) {
      await trx.updateTable('prison_visits_prisoners').set((eb) => ({ allowance_balance: eb('allowance_balance', '+', 1) })).where('number', '=', v.prisoner_number).execute()
      await trx
        .insertInto('prison_visits_allowance_changes')
        .values({ prisoner_number: v.prisoner_number, change: 1, reason: `visit ${to}`, visit_id: visitId, staff_id: details.staffId ?? null, at: details.now })
        .execute()
    }
    const after = await trx.selectFrom('prison_visits_visits').selectAll().where('id', '=', visitId).executeTakeFirstOrThrow()
    const visitors = await trx.selectFrom('prison_visits_visitors').selectAll().where('visit_id', '=', visitId).orderBy('position').execute()
    const record = toVisitRecord(after, visitors)
    if (notify) await notify(trx, record, to)
    return { changed: true, visit: record }
  })
}

/** Approving a request uses an order if none was used when it was made (the prison has agreed to the visit). */
export async function approveRequest(db: Db, visitId: string, by: { staffId: string; now: Date }, notify?: ChangeNotifier): Promise<ChangeResult> {
  return changeVisitState(db, visitId, 'booked', { by: 'staff', staffId: by.staffId, now: by.now }, notify)
}


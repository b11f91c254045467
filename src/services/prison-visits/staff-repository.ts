/** SQL for the staff side: the day's visits, the requests queue, search, blocked dates, allowance adjustments. */
import type { RawBuilder } from 'kysely'
import type { Db, VisitRecord } from './repository.js'
import { findVisit } from './repository.js'
import type { IsoDate } from './rules/dates.js'

export interface VisitRow {
  id: string
  reference: string
  date: IsoDate
  startTime: string
  endTime: string
  state: string
  place: string
  prisonerNumber: string
  leadVisitor: string
  visitorCount: number
  createdAt: Date
  channel: string
}

function visitRows(db: Db) {
  return db
    .selectFrom('prison_visits_visits as v')
    .leftJoin('prison_visits_visitors as lead', (j) => j.onRef('lead.visit_id', '=', 'v.id').on('lead.position', '=', 0))
    .select((eb) => [
      'v.id',
      'v.reference',
      'v.date',
      'v.start_time as startTime',
      'v.end_time as endTime',
      'v.state',
      'v.place',
      'v.prisoner_number as prisonerNumber',
      'v.created_at as createdAt',
      'v.channel',
      eb.fn.coalesce(eb.fn<string>('concat_ws', [eb.val(' '), 'lead.first_name', 'lead.last_name']), eb.val('')).as('leadVisitor'),
      eb.selectFrom('prison_visits_visitors as x').select((e2) => e2.fn.countAll<number>().as('n')).whereRef('x.visit_id', '=', 'v.id').as('visitorCount'),
    ])
}

function toRow(r: Record<string, unknown>): VisitRow {
  return { ...(r as unknown as VisitRow), visitorCount: Number(r.visitorCount ?? 0), leadVisitor: String(r.leadVisitor ?? '') }
}

export async function visitsOn(db: Db, prisonCode: string, date: IsoDate): Promise<VisitRow[]> {
  const rows = await visitRows(db).where('v.prison_code', '=', prisonCode).where('v.date', '=', date).where('v.state', 'in', ['booked', 'requested', 'completed']).orderBy('v.start_time').orderBy('v.created_at').execute()
  return rows.map(toRow)
}

/** The sessions (date and start time) that visits still to come, booked or requested, are in, with each visit's end time and place as booked. */
export async function slotsWithVisitsFrom(db: Db, prisonCode: string, from: IsoDate): Promise<{ date: IsoDate; startTime: string; endTime: string; place: string }[]> {
  return db
    .selectFrom('prison_visits_visits')
    .select(['date', 'start_time as startTime', 'end_time as endTime', 'place'])
    .distinct()
    .where('prison_code', '=', prisonCode)
    .where('date', '>=', from)
    .where('state', 'in', ['booked', 'requested'])
    .orderBy('date')
    .orderBy('start_time')
    .execute()
}

/** The booked or requested visits in these sessions, in date and time order. */
export async function visitsInSlots(db: Db, prisonCode: string, slots: readonly { date: IsoDate; startTime: string }[]): Promise<VisitRow[]> {
  if (slots.length === 0) return []
  const rows = await visitRows(db)
    .where('v.prison_code', '=', prisonCode)
    .where('v.state', 'in', ['booked', 'requested'])
    .where((eb) => eb.or(slots.map((s) => eb.and([eb('v.date', '=', s.date), eb('v.start_time', '=', s.startTime)]))))
    .orderBy('v.date')
    .orderBy('v.start_time')
    .execute()
  return rows.map(toRow)
}

export async function requestQueue(db: Db, prisonCode: string): Promise<VisitRow[]> {
  const rows = await visitRows(db).where('v.prison_code', '=', prisonCode).where('v.state', '=', 'requested').orderBy('v.created_at').execute()
  return rows.map(toRow)
}

export async function searchVisits(db: Db, prisonCode: string, query: { reference?: string; prisonerNumber?: string; name?: string }): Promise<VisitRow[]> {
  let q = visitRows(db).where('v.prison_code', '=', prisonCode)
  if (query.reference) q = q.where('v.reference', '=', query.reference)
  else if (query.prisonerNumber) q = q.where('v.prisoner_number', '=', query.prisonerNumber)
  else if (query.name) {
    const like = `%${query.name.toLowerCase().replace(/[%_\\]/g, '')}%`
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('prison_visits_visitors as s')
          .select('s.id')
          .whereRef('s.visit_id', '=', 'v.id')
          .where((e2) => e2.or([e2(e2.fn('lower', ['s.last_name']), 'like', like), e2(e2.fn('lower', [e2.fn<string>('concat_ws', [e2.val(' '), 's.first_name', 's.last_name'])]), 'like', like)])),
      ),
    )
  } else return []
  return (await q.orderBy('v.date', 'desc').limit(100).execute()).map(toRow)
}

/** A visit at this prison only: another prison's visit is not found. */
export async function visitAt(db: Db, prisonCode: string, reference: string): Promise<VisitRecord | undefined> {
  const v = await findVisit(db, { reference })
  return v && v.prisonCode === prisonCode ? v : undefined
}

export async function prisonsInScope(db: Db, scope: RawBuilder<boolean>): Promise<{ code: string; name: string; nameCy: string | null }[]> {
  return db.selectFrom('prison_visits_prisons').select(['code', 'name', 'name_cy as nameCy']).where(scope).orderBy('name').execute()
}

export async function affectedVisits(db: Db, prisonCode: string, date: IsoDate, startTime: string | null): Promise<VisitRow[]> {
  let q = visitRows(db).where('v.prison_code', '=', prisonCode).where('v.date', '=', date).where('v.state', 'in', ['booked', 'requested'])
  if (startTime) q = q.where('v.start_time', '=', startTime)
  return (await q.orderBy('v.start_time').execute()).map(toRow)
}

export async function blockDate(db: Db, prisonCode: string, date: IsoDate, startTime: string | null, reason: string): Promise<void> {
  await db
    .insertInto('prison_visits_blocked_dates')
    .values({ prison_code: prisonCode, date, start_time: startTime ?? '', reason, source: 'staff' })
    .onConflict((oc) => oc.columns(['prison_code', 'date', 'start_time']).doUpdateSet({ removed: false, reason, source: 'staff' }))
    .execute()
}

export async function blockedDates(db: Db, prisonCode: string, from: IsoDate) {
  return db.selectFrom('prison_visits_blocked_dates').selectAll().where('prison_code', '=', prisonCode).where('removed', '=', false).where('date', '>=', from).orderBy('date').execute()
}

export async function adjustAllowance(db: Db, prisonerNumber: string, change: number, reason: string, staffId: string, now: Date): Promise<void> {
  await db.updateTable('prison_visits_prisoners').set((eb) => ({ allowance_balance: eb('allowance_balance', '+', change) })).where('number', '=', prisonerNumber).execute()
  await db.insertInto('prison_visits_allowance_changes').values({ prisoner_number: prisonerNumber, change, reason, visit_id: null, staff_id: staffId, at: now }).execute()
}

export async function templatesOf(db: Db, prisonCode: string) {
  return db.selectFrom('prison_visits_session_templates').selectAll().where('prison_code', '=', prisonCode).where('removed', '=', false).orderBy('day_of_week').orderBy('start_time').execute()
}

export interface TemplateChange {
  dayOfWeek: number
  startTime: string
  endTime: string
  openCapacity: number
  closedCapacity: number
  validFrom: string | null
  validTo: string | null
  frequencyWeeks: number
}

/** A staff edit marks the template as theirs, so a re-import leaves it alone. */
export async function saveTemplate(db: Db, prisonCode: string, id: number | null, t: TemplateChange): Promise<number> {
  const values = {
    day_of_week: t.dayOfWeek, start_time: t.startTime, end_time: t.endTime, open_capacity: t.openCapacity, closed_capacity: t.closedCapacity,
    valid_from: t.validFrom, valid_to: t.validTo, frequency_weeks: t.frequencyWeeks, staff_edited: true,
  }
  if (id === null) {
    const r = await db.insertInto('prison_visits_session_templates').values({ ...values, prison_code: prisonCode, source_key: null, room: null }).returning('id').executeTakeFirstOrThrow()
    return r.id
  }
  await db.updateTable('prison_visits_session_templates').set(values).where('id', '=', id).where('prison_code', '=', prisonCode).execute()
  return id
}

export async function removeTemplate(db: Db, prisonCode: string, id: number): Promise<void> {
  await db.updateTable('prison_visits_session_templates').set({ removed: true, staff_edited: true }).where('id', '=', id).where('prison_code', '=', prisonCode).execute()
}

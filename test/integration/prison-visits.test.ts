/**
 * Prison visits on a real database: the import from the real PVB2 data, the
 * public JSON, booking with holds, allowance and state changes, and capacity
 * under concurrency (on the PostgreSQL server when TEST_DATABASE_URL is set).
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { withTables } from '../../src/platform/db/index.js'
import { runImport } from '../../src/platform/reference-data/index.js'
import { prisonVisits } from '../../src/services/prison-visits/index.js'
import { prisonsImporter } from '../../src/services/prison-visits/import.js'
import { deleteVisitorPersonalData, runRetention } from '../../src/services/prison-visits/retention.js'
import {
  book,
  changeVisitState,
  findPrison,
  findVisit,
  holdPlace,
  sessionAvailability,
  type BookingRequest,
  type Db,
  type Prison,
} from '../../src/services/prison-visits/repository.js'
import { addDays, dayOfWeek, todayInLondon } from '../../src/services/prison-visits/rules/dates.js'
import type { PrisonVisitsTables } from '../../src/services/prison-visits/schema.js'
import { databaseKinds } from '../support/databases.js'
import { REFERENCE_DATA_DIR, startTestApp, type TestApp } from '../support/app.js'

const quiet = { info: () => {}, warn: () => {} }
const today = todayInLondon()

/** The next date on or after `from` that falls on an ISO weekday. */
function next(weekday: number, from = addDays(today, 7)): string {
  let d = from
  while (dayOfWeek(d) !== weekday) d = addDays(d, 1)
  return d
}

async function addPrisoner(db: Db, number: string, overrides: Partial<PrisonVisitsTables['prison_visits_prisoners']> = {}) {
  await db
    .insertInto('prison_visits_prisoners')
    .values({
      number, first_name: 'Test', last_name: 'Prisoner', date_of_birth: '1980-01-15', prison_code: 'BCI', category: 'convicted',
      allowance_balance: 2, allowance_accrued_on: today, closed_visits_only: false, visits_banned: false, synthetic: true, ...overrides,
    } as never)
    .execute()
}

function request(prison: Prison, over: Partial<BookingRequest>): BookingRequest {
  return {
    prisonCode: prison.code, date: next(1), startTime: '14:00', owner: 'owner', prisonerNumber: 'A0001AA',
    visitors: [{ firstName: 'Ann', lastName: 'Visitor', dateOfBirth: '1985-05-05' }],
    contactEmail: 'ann@example.com', contactPhone: null, lang: 'en', additionalSupport: null, channel: 'digital', now: new Date(), today, ...over,
  }
}

for (const kind of databaseKinds()) {
  describe(`prison visits on ${kind}`, () => {
    let t: TestApp
    let db: Db
    before(async () => {
      t = await startTestApp(kind, { services: [prisonVisits] })
      db = withTables<PrisonVisitsTables>(t.database.db)
      await runImport(t.database.db, prisonsImporter, join(REFERENCE_DATA_DIR, 'prisons'), quiet)
    })
    after(() => t.close())

    test('the import builds prisons, templates, blocked dates, one-offs and bank holidays from the real data', async () => {
      const bci = await findPrison(db, 'BCI')
      assert.equal(bci?.name, 'Buckley Hall')
      assert.equal(bci?.enabled, true)
      const templates = await db.selectFrom('prison_visits_session_templates').selectAll().where('prison_code', '=', 'BCI').execute()
      assert.equal(templates.length, 7)
      assert.ok(templates.every((x) => x.open_capacity === 20 && x.closed_capacity === 2), 'default capacity where visit-scheduler has none')
      const blocked = await db.selectFrom('prison_visits_blocked_dates').select('date').where('prison_code', '=', 'BCI').execute()
      assert.ok(blocked.some((b) => b.date === '2025-12-25'))
      const oneOffs = await db.selectFrom('prison_visits_one_off_sessions').selectAll().where('prison_code', '=', 'BCI').where('date', '=', '2025-02-09').execute()
      assert.deepEqual(oneOffs.map((o) => `${o.start_time}-${o.end_time}`), ['09:30-11:30'])
      assert.equal((await findPrison(db, 'CFI'))?.nameCy, 'Caerdydd')
      // Askham Grange's PVB2 address is one line; the prison register's is whole.
      assert.match((await findPrison(db, 'AGI'))?.address ?? '', /York/)
      // Visit-scheduler knows Hewell's real capacities.
      const hei = await db.selectFrom('prison_visits_session_templates').select(['open_capacity', 'closed_capacity']).where('prison_code', '=', 'HEI').execute()
      assert.ok(hei.length > 0 && hei.some((h) => h.open_capacity !== 20), 'HEI has visit-scheduler capacities')
      const holidays = await db.selectFrom('prison_visits_bank_holidays').select('date').execute()
      assert.ok(holidays.some((h) => h.date === '2026-12-25'))
    })

    test('outside production, start-up creates clearly synthetic prisoners at each bookable prison; production never does', async () => {
      const count = async () => Number((await db.selectFrom('prison_visits_prisoners').select((eb) => eb.fn.countAll().as('n')).where('synthetic', '=', true).executeTakeFirstOrThrow()).n)
      const before = await count()
      await prisonVisits.onStart!({ config: { ...t.config, production: true }, database: t.database })
      assert.equal(await count(), before)
      const write = process.stdout.write
      let printed = ''
      process.stdout.write = ((chunk: string) => ((printed += chunk), true)) as typeof process.stdout.write
      try {
        await prisonVisits.onStart!({ config: t.config, database: t.database })
      } finally {
        process.stdout.write = write
      }
      const bookable = (await db.selectFrom('prison_visits_prisons').select('code').where('enabled', '=', true).execute()).length
      assert.equal(await count(), before + bookable * 3)
      assert.match(printed, /Test Prisoner, born 1980-01-15, Z\d{4}[A-Z]{2}/)
      const synthetic = await db.selectFrom('prison_visits_prisoners').select(['number', 'first_name']).where('synthetic', '=', true).execute()
      assert.ok(synthetic.every((p) => p.number.startsWith('Z') && ['Test', 'Sample', 'Example'].includes(p.first_name)))
      await db.deleteFrom('prison_visits_prisoners').where('synthetic', '=', true).where('number', 'like', 'Z%').execute()
    })

    test('a re-import duplicates nothing and keeps what staff changed', async () => {
      const count = async () => Number((await db.selectFrom('prison_visits_session_templates').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
      const before = await count()
      await db.updateTable('prison_visits_prisons').set({ phone: '0000 000 0000', staff_edited: ['phone'] }).where('code', '=', 'BCI').execute()
      await db.updateTable('prison_visits_session_templates').set({ open_capacity: 7, staff_edited: true }).where('prison_code', '=', 'BCI').where('day_of_week', '=', 1).execute()
      await db.updateTable('prison_visits_blocked_dates').set({ removed: true }).where('prison_code', '=', 'BCI').where('date', '=', '2025-12-25').execute()
      await runImport(t.database.db, prisonsImporter, join(REFERENCE_DATA_DIR, 'prisons'), quiet)
      assert.equal(await count(), before)
      assert.equal((await findPrison(db, 'BCI'))?.phone, '0000 000 0000')
      const monday = await db.selectFrom('prison_visits_session_templates').select('open_capacity').where('prison_code', '=', 'BCI').where('day_of_week', '=', 1).executeTakeFirstOrThrow()
      assert.equal(monday.open_capacity, 7)
      const christmas = await db.selectFrom('prison_visits_blocked_dates').select('removed').where('prison_code', '=', 'BCI').where('date', '=', '2025-12-25').executeTakeFirstOrThrow()
      assert.equal(christmas.removed, true)
      await db.updateTable('prison_visits_session_templates').set({ open_capacity: 20 }).where('prison_code', '=', 'BCI').where('day_of_week', '=', 1).execute()
    })

    test('the public JSON lists bookable prisons and their sessions, without personal data', async () => {
      const prisons = await t.app.inject('/api/v1/prisons')
      assert.equal(prisons.statusCode, 200)
      const body = prisons.json() as { prisons: { code: string }[] }
      assert.ok(body.prisons.some((p) => p.code === 'BCI'))
      assert.ok(!body.prisons.some((p) => p.code === 'ACI'), 'Altcourse does not take online bookings')
      const from = next(1)
      const sessions = await t.app.inject(`/api/v1/prisons/bci/visit-sessions?from=${from}&to=${addDays(from, 6)}`)
      assert.equal(sessions.statusCode, 200)
      const s = sessions.json() as { sessions: { date: string; start: string; end: string; bookable: boolean }[] }
      assert.deepEqual(s.sessions[0], { date: from, start: '14:00', end: '16:00', bookable: s.sessions[0]!.bookable })
      assert.equal(s.sessions.length, 7)
      assert.equal((await t.app.inject('/api/v1/prisons/BCI/visit-sessions?from=2026-02-30')).statusCode, 400)
      assert.equal((await t.app.inject('/api/v1/prisons/ZZZ/visit-sessions')).statusCode, 404)
      const openapi = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, unknown> }
      assert.ok(openapi.paths['/api/v1/prisons/{code}/visit-sessions'])
    })

    test('a hold takes a place, changing choice releases it, and a booking uses the allowance', async () => {
      const prison = (await findPrison(db, 'BCI'))!
      await addPrisoner(db, 'A0001AA')
      const date = next(2)
      await db.updateTable('prison_visits_session_templates').set({ open_capacity: 1 }).where('prison_code', '=', 'BCI').where('day_of_week', '=', 2).execute()
      const hold = (owner: string, d = date) => holdPlace(db, { prisonCode: 'BCI', date: d, startTime: '14:00', place: 'open', owner, now: new Date(), holdMinutes: 10 })
      assert.equal((await hold('first')).held, true)
      assert.deepEqual(await hold('second'), { held: false, reason: 'full' })
      assert.equal((await hold('first', next(3))).held, true, 'first changes to Wednesday')
      assert.equal((await hold('second')).held, true, 'Tuesday is free again')
      const result = await book(db, prison, request(prison, { date, owner: 'second' }))
      assert.equal(result.kind, 'done')
      if (result.kind !== 'done') return
      assert.equal(result.visit.state, 'booked')
      assert.match(result.visit.reference, /^[0-9A-HJKMNP-TV-Z]{8}$/)
      const prisoner = await db.selectFrom('prison_visits_prisoners').select('allowance_balance').where('number', '=', 'A0001AA').executeTakeFirstOrThrow()
      assert.equal(prisoner.allowance_balance, 1)
      const [tuesday] = await sessionAvailability(db, 'BCI', date, date, new Date())
      assert.equal(tuesday?.openTaken, 1)
      // The visitor cancels: the allowance comes back; a cancelled visit cannot be booked again.
      const cancelled = await changeVisitState(db, result.visit.id, 'cancelled', { by: 'visitor', now: new Date() })
      assert.equal(cancelled.changed, true)
      assert.equal((await db.selectFrom('prison_visits_prisoners').select('allowance_balance').where('number', '=', 'A0001AA').executeTakeFirstOrThrow()).allowance_balance, 2)
      assert.deepEqual(await changeVisitState(db, result.visit.id, 'booked', { by: 'staff', now: new Date() }), { changed: false, reason: 'not-allowed' })
      await db.updateTable('prison_visits_session_templates').set({ open_capacity: 20 }).where('prison_code', '=', 'BCI').where('day_of_week', '=', 2).execute()
    })

    test('without allowance, or with a visitor not on the list, the visit is a request saying why', async () => {
      const prison = (await findPrison(db, 'BCI'))!
      await addPrisoner(db, 'A0002AA', { allowance_balance: 0 })
      const result = await book(db, prison, request(prison, { prisonerNumber: 'A0002AA', owner: 'r1' }))
      assert.equal(result.kind, 'done')
      if (result.kind !== 'done') return
      assert.equal(result.visit.state, 'requested')
      assert.equal(result.visit.reasons[0]?.kind, 'no-allowance')
      await addPrisoner(db, 'A0003AA')
      await db.insertInto('prison_visits_approved_visitors').values({ prisoner_number: 'A0003AA', first_name: 'Bea', last_name: 'Friend', date_of_birth: null, banned_until: null, closed_visits_only: false }).execute()
      await db.updateTable('prison_visits_prisons').set({ keeps_visitor_list: true }).where('code', '=', 'BCI').execute()
      const listed = await book(db, (await findPrison(db, 'BCI'))!, request(prison, { prisonerNumber: 'A0003AA', owner: 'r2', visitors: [{ firstName: 'bea', lastName: 'FRIEND', dateOfBirth: '1990-01-01' }] }))
      assert.equal(listed.kind === 'done' && listed.visit.state, 'booked')
      const unlisted = await book(db, (await findPrison(db, 'BCI'))!, request(prison, { prisonerNumber: 'A0003AA', owner: 'r3' }))
      assert.deepEqual(unlisted.kind === 'done' && unlisted.visit.reasons, [{ kind: 'visitor-not-on-list', visitor: 'Ann Visitor' }])
      await db.updateTable('prison_visits_prisons').set({ keeps_visitor_list: false }).where('code', '=', 'BCI').execute()
      // Staff reject the request: its state and reasons are kept; no allowance was used so none comes back.
      const rejected = await changeVisitState(db, result.visit.id, 'rejected', { by: 'staff', rejectionReasons: ['no_allowance'], now: new Date() })
      assert.equal(rejected.changed && rejected.visit.state, 'rejected')
      assert.deepEqual((await findVisit(db, { reference: result.visit.reference }))?.rejectionReasons, ['no_allowance'])
    })

    test('retention deletes visitors’ personal data after the visit and keeps the counts', async () => {
      const before = await db.selectFrom('prison_visits_visits').select(['id', 'date']).where('anonymised_at', 'is', null).orderBy('date').executeTakeFirstOrThrow()
      const n = await deleteVisitorPersonalData(db, before.date)
      assert.ok(n >= 1)
      const visit = await findVisit(db, { id: before.id })
      assert.equal(visit?.contactEmail, null)
      assert.ok(visit!.visitors.length >= 1 && visit!.visitors.every((v) => v.firstName === '' && v.dateOfBirth === null), 'visitors counted, not named')
      assert.equal(await deleteVisitorPersonalData(db, before.date), 0, 'idempotent')
    })

    test('the hourly job marks booked visits in the past as completed', async () => {
      const booked = await db.selectFrom('prison_visits_visits').select('id').where('state', '=', 'booked').executeTakeFirstOrThrow()
      await db.updateTable('prison_visits_visits').set({ date: '2020-01-06' }).where('id', '=', booked.id).execute()
      await runRetention(db, 12)
      assert.equal((await findVisit(db, { id: booked.id }))?.state, 'completed')
    })

    test('capacity is never exceeded: 50 bookers race for 5 places', async () => {
      const prison = (await findPrison(db, 'BCI'))!
      await db.updateTable('prison_visits_session_templates').set({ open_capacity: 5 }).where('prison_code', '=', 'BCI').where('day_of_week', '=', 4).execute()
      const date = next(4)
      const bookers = Array.from({ length: 50 }, (_, i) => `R${String(i).padStart(4, '0')}AA`)
      for (const n of bookers) await addPrisoner(db, n)
      // Holds first: exactly five journeys get one.
      const holds = await Promise.all(bookers.map((n) => holdPlace(db, { prisonCode: 'BCI', date, startTime: '14:00', place: 'open', owner: `hold-${n}`, now: new Date(), holdMinutes: 10 })))
      assert.equal(holds.filter((h) => h.held).length, 5)
      await db.deleteFrom('prison_visits_holds').execute()
      // Then straight bookings with no hold: exactly five visits; the rest are told the time has gone.
      const results = await Promise.all(bookers.map((n) => book(db, prison, request(prison, { date, owner: `book-${n}`, prisonerNumber: n }))))
      assert.equal(results.filter((r) => r.kind === 'done').length, 5)
      assert.equal(results.filter((r) => r.kind === 'unavailable').length, 45)
      const visits = await db.selectFrom('prison_visits_visits').select((eb) => eb.fn.countAll().as('n')).where('prison_code', '=', 'BCI').where('date', '=', date).where('start_time', '=', '14:00').executeTakeFirstOrThrow()
      assert.equal(Number(visits.n), 5)
      // Other times are offered: the full session shows as full, the others keep their places.
      const week = await sessionAvailability(db, 'BCI', date, addDays(date, 6), new Date())
      assert.equal(week.find((s) => s.date === date)?.openTaken, 5)
      assert.ok(week.filter((s) => s.date !== date).every((s) => s.openTaken < s.openCapacity))
    })
  })
}

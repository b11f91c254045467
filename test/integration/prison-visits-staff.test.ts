/**
 * The prison's side: visits staff scoped to one prison work the requests
 * queue, and the visitor sees the outcome through their link; another
 * prison's data is not found; actions are audited.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { formatDate } from '../../src/platform/i18n/index.js'
import { withTables } from '../../src/platform/db/index.js'
import { runImport } from '../../src/platform/reference-data/index.js'
import { prisonVisits } from '../../src/services/prison-visits/index.js'
import { prisonsImporter } from '../../src/services/prison-visits/import.js'
import { book, findPrison, type Db } from '../../src/services/prison-visits/repository.js'
import { addDays, dayOfWeek, todayInLondon } from '../../src/services/prison-visits/rules/dates.js'
import { signManageToken } from '../../src/services/prison-visits/rules/manage-token.js'
import type { PrisonVisitsTables } from '../../src/services/prison-visits/schema.js'
import { visitStaffText } from '../../src/services/prison-visits/locales/index.js'
import { databaseKinds } from '../support/databases.js'
import { Client, csrfFrom, REFERENCE_DATA_DIR, startTestApp, type TestApp } from '../support/app.js'
import { makeStaff, signIn } from '../support/staff.js'

const today = todayInLondon()
function next(weekday: number): string {
  let d = addDays(today, 7)
  while (dayOfWeek(d) !== weekday) d = addDays(d, 1)
  return d
}

for (const kind of databaseKinds()) {
  describe(`prison visits staff on ${kind}`, () => {
    let t: TestApp
    let db: Db
    let client: Client
    let reference = ''
    let visitId = ''
    before(async () => {
      t = await startTestApp(kind, { services: [prisonVisits] })
      db = withTables<PrisonVisitsTables>(t.database.db)
      await runImport(t.database.db, prisonsImporter, join(REFERENCE_DATA_DIR, 'prisons'), { info: () => {}, warn: () => {} })
      await db
        .insertInto('prison_visits_prisoners')
        .values({ number: 'A1111AA', first_name: 'Test', last_name: 'Prisoner', date_of_birth: '1980-01-15', prison_code: 'BCI', category: 'convicted', allowance_balance: 0, allowance_accrued_on: today, closed_visits_only: false, visits_banned: false, synthetic: true })
        .execute()
      const prison = (await findPrison(db, 'BCI'))!
      const result = await book(db, prison, {
        prisonCode: 'BCI', date: next(1), startTime: '14:00', owner: 'o', prisonerNumber: 'A1111AA', visitors: [{ firstName: 'Ann', lastName: 'Visitor', dateOfBirth: '1985-05-05' }],
        contactEmail: 'ann@example.com', contactPhone: null, lang: 'en', additionalSupport: null, channel: 'digital', now: new Date(), today,
      })
      assert.equal(result.kind === 'done' && result.visit.state, 'requested')
      if (result.kind === 'done') ({ reference, id: visitId } = { reference: result.visit.reference, id: result.visit.id })
      const staff = await makeStaff(t.database.db, [{ role: 'visits-staff', scope: { kind: 'prisons', values: ['BCI'] } }])
      client = new Client(t.app)
      await signIn(client, staff)
    })
    after(() => t.close())

    test('the requests queue, oldest first, and another prison is not found', async () => {
      const queue = await client.get('/staff/prison-visits/BCI/requests')
      assert.equal(queue.statusCode, 200)
      assert.ok(queue.body.includes(reference))
      assert.equal((await client.get('/staff/prison-visits/BAI/requests')).statusCode, 404)
      assert.equal((await client.get(`/staff/prison-visits/BAI/visits/${reference}`)).statusCode, 404)
      const day = await client.get(`/staff/prison-visits/BCI?date=${next(1)}`)
      assert.match(day.body, /Open: 1 of 20 booked/)
      const csv = await client.get(`/staff/prison-visits/BCI/visits.csv?date=${next(1)}`)
      assert.match(String(csv.headers['content-type']), /text\/csv/)
      assert.ok(csv.body.includes(`${reference},${next(1)},14:00`))
      const search = await client.get('/staff/prison-visits/BCI/search?q=visitor')
      assert.ok(search.body.includes(reference))
    })

    test('the staff pages are in Welsh with ?lang=cy: headings, tables, reasons, errors and the prison’s Welsh name', async () => {
      // A separate person and client: the language choice is remembered in a cookie.
      const welshStaff = await makeStaff(t.database.db, [{ role: 'visits-staff', scope: { kind: 'prisons', values: ['BCI', 'CFI'] } }])
      const cy = new Client(t.app)
      await signIn(cy, welshStaff)
      const english = Object.values(visitStaffText('en')).flatMap(function strings(v: unknown): string[] {
        return typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []
      })
      const headings = (body: string) => [...body.matchAll(/<h[1-3][^>]*>([\s\S]*?)<\/h[1-3]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim())
      const welshPage = (body: string, h1: RegExp) => {
        assert.match(body, /<html lang="cy"/)
        assert.match(headings(body)[0] ?? '', h1)
        // No English from the staff catalogue is left, in headings or anywhere else on the page.
        for (const text of english.filter((e) => e.includes(' ') && e.length > 4)) assert.ok(!body.includes(text), `English left on a Welsh page: ${text}`)
        for (const h of headings(body)) assert.doesNotMatch(h, /\b(Visits?|Requests?|Search|Blocked|Sessions?|Book|Approved|Restrictions|Prisoners|Decide|Cancel)\b/, `English heading: ${h}`)
      }

      const prisons = await cy.get('/staff/prison-visits?lang=cy')
      assert.equal(prisons.statusCode, 200)
      welshPage(prisons.body, /^Ymweliadau carchar$/)
      assert.match(prisons.body, />Caerdydd<\/a>/, 'the prison’s Welsh name')

      const queue = await cy.get('/staff/prison-visits/BCI/requests')
      welshPage(queue.body, /^Ceisiadau am ymweliad/)
      assert.ok(queue.body.includes(reference))
      assert.match(queue.body, /<th scope="col" class="govuk-table__header">Prif ymwelydd<\/th>/)
      assert.match(queue.body, /govuk-tag--yellow">\s*cais\s*<\/strong>/, 'the visit’s state tag')
      assert.match(queue.body, /aria-current="page">Ceisiadau</)

      const day = await cy.get(`/staff/prison-visits/BCI?date=${next(1)}`)
      welshPage(day.body, new RegExp(`^Ymweliadau ar ${formatDate(new Date(`${next(1)}T12:00:00Z`), 'cy')}`))
      assert.match(day.body, /Agored: 1 o 20 wedi’u harchebu/)

      const url = `/staff/prison-visits/BCI/visits/${reference}`
      const visit = await cy.get(url)
      assert.equal(visit.statusCode, 200)
      welshPage(visit.body, new RegExp(`^Ymweliad ${reference}`))
      assert.match(visit.body, /Penderfynu ar y cais hwn/)
      assert.match(visit.body, /Ann Visitor, ganwyd 5 Mai 1985 \(prif ymwelydd\)/)
      // Why it is a request, with its date written in Welsh by the platform's date helper.
      assert.match(visit.body, /Mae’r carcharor wedi defnyddio ei lwfans ymweld\. Mae ei ymweliad nesaf yn ddyledus o \d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}\./)
      assert.match(visit.body, /Nid oes gan y carcharor lwfans ymweld ar ôl\./, 'rejection reasons offered in Welsh')
      assert.match(visit.body, /class="govuk-back-link">Yn ôl</)

      // A form with errors: the summary, the message beside the field and its hidden prefix are Welsh.
      const noReason = await cy.post(`${url}/decision`, { _csrf: csrfFrom(visit.body), decision: 'reject' })
      assert.equal(noReason.statusCode, 200)
      welshPage(noReason.body, new RegExp(`^Mae problem wedi codi`))
      assert.match(noReason.body, /<span class="govuk-visually-hidden">Gwall:<\/span> Dewiswch o leiaf un rheswm dros wrthod/)
      assert.equal((await db.selectFrom('prison_visits_visits').select('state').where('reference', '=', reference).executeTakeFirstOrThrow()).state, 'requested')

      const blocked = await cy.get('/staff/prison-visits/BCI/blocked-dates')
      const badBlock = await cy.post('/staff/prison-visits/BCI/blocked-dates', { _csrf: csrfFrom(blocked.body), day: '31', month: '2', year: '2030', startTime: 'noon', reason: '' })
      welshPage(badBlock.body, /^Mae problem wedi codi/)
      assert.match(badBlock.body, /Rhowch ddyddiad go iawn/)
      assert.match(badBlock.body, /Rhowch amser fel 14:00, neu gadewch yn wag/)
      assert.match(badBlock.body, />\s*Diwrnod\s*<\/label>/)

      const sessions = await cy.get('/staff/prison-visits/BCI/sessions')
      welshPage(sessions.body, /^Sesiynau ymweld/)
      assert.match(sessions.body, />Dydd Llun</)

      const book = await cy.get('/staff/prison-visits/BCI/book')
      welshPage(book.body, /^Archebu ymweliad ar ran rhywun/)
      assert.match(book.body, /<option value="[^"]+">Dydd \S+ \d{1,2} \S+ \d{4}, \d\d:\d\d i \d\d:\d\d/, 'visit times with Welsh dates')
      assert.match(book.body, /id="visitorLang-2" name="visitorLang" type="radio" value="cy" checked/, 'staff booking in Welsh are likely booking for a Welsh speaker')

      const prisoner = await cy.post('/staff/prison-visits/BCI/prisoners/A1111AA/approved-visitors', { _csrf: csrfFrom(book.body), first: '', last: 'Friend' })
      welshPage(prisoner.body, /^Mae problem wedi codi/)
      assert.match(prisoner.body, /Rhowch enw cyntaf yr ymwelydd/)
      assert.match(prisoner.body, /Ymwelwyr cymeradwy/)

      // English again when asked.
      assert.match((await cy.get('/staff/prison-visits/BCI/requests?lang=en')).body, /<html lang="en"[\s\S]*Visit requests/)
    })

    test('rejecting needs a reason; the visitor sees the outcome through their link; it is audited', async () => {
      const url = `/staff/prison-visits/BCI/visits/${reference}`
      const page = await client.get(url)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Ann Visitor, born 5 May 1985/, 'dates as GOV.UK writes them')
      const noReason = await client.post(`${url}/decision`, { _csrf: csrfFrom(page.body), decision: 'reject' })
      assert.equal(noReason.statusCode, 200)
      assert.match(noReason.body, /Select at least one reason for rejecting/)
      const rejected = await client.post(`${url}/decision`, { _csrf: csrfFrom(page.body), decision: 'reject', reasons: ['no_allowance'], message: 'Please book after the 1st.' })
      assert.equal(rejected.statusCode, 303)
      const visitor = new Client(t.app)
      const manage = await visitor.get(`/prison-visits/manage/${signManageToken(visitId, new Date(Date.now() + 3_600_000), t.config.sessionSecret)}`)
      assert.match(manage.body, /Not possible/)
      assert.match(manage.body, /The prisoner has no visiting allowance left/)
      assert.match(manage.body, /Please book after the 1st\./)
      const events = await t.database.db.selectFrom('audit_events' as never).select('action' as never).execute() as { action: string }[]
      assert.ok(events.some((e) => e.action === 'prison-visits.visit.reject'))
      assert.ok(events.some((e) => e.action === 'prison-visits.visit.view'))
      const messages = await t.database.db.selectFrom('notify_messages' as never).select('type' as never).execute() as { type: string }[]
      assert.ok(messages.some((m) => m.type === 'prison-visits-changed'))
    })

    test('staff change a session template, and a re-import keeps their change', async () => {
      const page = await client.get('/staff/prison-visits/BCI/sessions')
      assert.equal(page.statusCode, 200)
      const monday = await db.selectFrom('prison_visits_session_templates').select('id').where('prison_code', '=', 'BCI').where('day_of_week', '=', 1).executeTakeFirstOrThrow()
      const bad = await client.post(`/staff/prison-visits/BCI/sessions/${monday.id}`, { _csrf: csrfFrom(page.body), dayOfWeek: '1', startTime: '14:00', endTime: '13:00', openCapacity: 'x', closedCapacity: '2' })
      assert.equal(bad.statusCode, 200)
      assert.match(bad.body, /The end time must be after the start time/)
      assert.doesNotMatch(page.body, /no longer in a session/)
      const saved = await client.post(`/staff/prison-visits/BCI/sessions/${monday.id}`, { _csrf: csrfFrom(page.body), dayOfWeek: '1', startTime: '14:00', endTime: '16:00', openCapacity: '1', closedCapacity: '2' })
      assert.equal(saved.statusCode, 303)
      await runImport(t.database.db, prisonsImporter, join(REFERENCE_DATA_DIR, 'prisons'), { info: () => {}, warn: () => {} })
      const after = await db.selectFrom('prison_visits_session_templates').select(['open_capacity', 'staff_edited']).where('id', '=', monday.id).executeTakeFirstOrThrow()
      assert.deepEqual(after, { open_capacity: 1, staff_edited: true })
    })

    test('booking on behalf of a visitor overbooks only after an explicit confirmation', async () => {
      // Monday 14:00 now has 1 place, and the rejected request took none of it: fill it first.
      await db.updateTable('prison_visits_prisoners').set({ allowance_balance: 5 }).where('number', '=', 'A1111AA').execute()
      const page = await client.get('/staff/prison-visits/BCI/book')
      assert.match(page.body, /<input class="govuk-radios__input" id="visitorLang" name="visitorLang" type="radio" value="en" checked>/, 'messages in English unless staff say otherwise')
      const form = { _csrf: csrfFrom(page.body), prisonerNumber: 'a1111aa', session: `${next(1)} 14:00`, v1first: 'Cal', v1last: 'Caller', 'v1dob-day': '2', 'v1dob-month': '2', 'v1dob-year': '1970', phone: '07700 900982' }
      const noMonth = await client.post('/staff/prison-visits/BCI/book', { ...form, 'v1dob-month': '' })
      assert.equal(noMonth.statusCode, 200)
      assert.match(noMonth.body, /<a href="#v1dob-month">Visitor 1’s date of birth must include a month<\/a>/, 'the design system’s date message, linked to the missing part')
      assert.match(noMonth.body, /<input class="govuk-input govuk-date-input__input govuk-input--width-2 govuk-input--error" id="v1dob-month"/, 'the missing part is marked')
      assert.match(noMonth.body, /<input class="govuk-input govuk-date-input__input govuk-input--width-2" id="v1dob-day" name="v1dob-day" type="text" value="2"/, 'the rest is not, and what staff typed is kept')
      const first = await client.post('/staff/prison-visits/BCI/book', form)
      assert.equal(first.statusCode, 303)
      const full = await client.post('/staff/prison-visits/BCI/book', form)
      assert.equal(full.statusCode, 200)
      assert.match(full.body, /This session is full/)
      const unconfirmed = await client.post('/staff/prison-visits/BCI/book', { ...form, overbookAsked: 'yes' })
      assert.match(unconfirmed.body, /Confirm you want to book even though the session is full/)
      const overbooked = await client.post('/staff/prison-visits/BCI/book', { ...form, overbook: 'yes', visitorLang: 'cy' })
      assert.equal(overbooked.statusCode, 303)
      const visits = await db.selectFrom('prison_visits_visits').select(['channel', 'overbooked', 'lang']).where('date', '=', next(1)).where('state', '=', 'booked').execute()
      assert.equal(visits.length, 2)
      assert.ok(visits.every((v) => v.channel === 'assisted'))
      assert.equal(visits.filter((v) => v.overbooked).length, 1)
      assert.deepEqual(visits.map((v) => [v.overbooked, v.lang]).sort(), [[false, 'en'], [true, 'cy']], 'the visitor’s messages in the language staff chose')
      const assisted = await t.database.db.selectFrom('journey_events' as never).select('channel' as never).where('event' as never, '=', 'completed' as never).execute() as { channel: string }[]
      assert.equal(assisted.filter((e) => e.channel === 'assisted').length, 2, 'counted as assisted for digital take-up')
      await db.updateTable('prison_visits_session_templates').set({ open_capacity: 20 }).where('prison_code', '=', 'BCI').where('day_of_week', '=', 1).execute()
    })

    test('visits left without a session by a change to its template are listed for staff to deal with', async () => {
      const page = await client.get('/staff/prison-visits/BCI/sessions')
      assert.doesNotMatch(page.body, /no longer in a session/)
      const monday = await db.selectFrom('prison_visits_session_templates').selectAll().where('prison_code', '=', 'BCI').where('day_of_week', '=', 1).executeTakeFirstOrThrow()
      const change = (startTime: string, endTime: string, capacity: { open?: number; closed?: number } = {}) =>
        client.post(`/staff/prison-visits/BCI/sessions/${monday.id}`, {
          _csrf: csrfFrom(page.body),
          dayOfWeek: '1',
          startTime,
          endTime,
          openCapacity: String(capacity.open ?? monday.open_capacity),
          closedCapacity: String(capacity.closed ?? monday.closed_capacity),
        })
      assert.equal((await change('15:00', '17:00')).statusCode, 303)
      const warned = await client.get('/staff/prison-visits/BCI/sessions')
      assert.match(warned.body, /2 visits to come are no longer in a session/)
      const stranded = await db.selectFrom('prison_visits_visits').select('reference').where('prison_code', '=', 'BCI').where('date', '=', next(1)).where('start_time', '=', '14:00').where('state', '=', 'booked').execute()
      assert.equal(stranded.length, 2)
      for (const visit of stranded) assert.ok(warned.body.includes(`/staff/prison-visits/BCI/visits/${visit.reference}`), 'a link to each visit')
      assert.equal((await change('14:00', '16:00')).statusCode, 303)
      assert.doesNotMatch((await client.get('/staff/prison-visits/BCI/sessions')).body, /no longer in a session/, 'back at 14:00, the visits have their session again')
      const endTime = monday.end_time.slice(0, 5)
      assert.equal((await change('14:00', '15:00')).statusCode, 303)
      assert.match((await client.get('/staff/prison-visits/BCI/sessions')).body, /2 visits to come are no longer in a session/, 'the session now ends before the visits were to')
      assert.equal((await change('14:00', endTime, { closed: 0 })).statusCode, 303)
      assert.doesNotMatch((await client.get('/staff/prison-visits/BCI/sessions')).body, /no longer in a session/, 'no closed places: the open visits still fit')
      assert.equal((await change('14:00', endTime, { open: 0, closed: 2 })).statusCode, 303)
      assert.match((await client.get('/staff/prison-visits/BCI/sessions')).body, /2 visits to come are no longer in a session/, 'no open places for open visits')
      assert.equal((await change('14:00', endTime)).statusCode, 303)
      assert.doesNotMatch((await client.get('/staff/prison-visits/BCI/sessions')).body, /no longer in a session/)
    })

    test('staff find a prisoner and manage their approved visitors and restrictions', async () => {
      const search = await client.get('/staff/prison-visits/BCI/search?q=a1111aa')
      assert.match(search.body, /href="\/staff\/prison-visits\/BCI\/prisoners\/A1111AA"/)
      const page = await client.get('/staff/prison-visits/BCI/prisoners/A1111AA')
      const csrf = csrfFrom(page.body)
      const bad = await client.post('/staff/prison-visits/BCI/prisoners/A1111AA/approved-visitors', { _csrf: csrf, first: 'Dee', last: '', dob: 'soon' })
      assert.match(bad.body, /Enter the visitor’s last name/)
      assert.match(bad.body, /value="Dee"/)
      const added = await client.post('/staff/prison-visits/BCI/prisoners/A1111AA/approved-visitors', { _csrf: csrf, first: 'Dee', last: 'Friend', dob: '1990-01-01', closed: 'yes' })
      assert.match(added.body, /Approved visitor added/)
      const restricted = await client.post('/staff/prison-visits/BCI/prisoners/A1111AA/restrictions', { _csrf: csrf, restrictions: ['closed'] })
      assert.match(restricted.body, /Restrictions saved/)
      const row = await db.selectFrom('prison_visits_prisoners').select(['closed_visits_only', 'visits_banned']).where('number', '=', 'A1111AA').executeTakeFirstOrThrow()
      assert.deepEqual(row, { closed_visits_only: true, visits_banned: false })
      const list = await db.selectFrom('prison_visits_approved_visitors').select(['id', 'closed_visits_only']).where('prisoner_number', '=', 'A1111AA').execute()
      assert.deepEqual(list.map((l) => l.closed_visits_only), [true])
      assert.equal((await client.post(`/staff/prison-visits/BAI/prisoners/A1111AA/restrictions`, { _csrf: csrf, restrictions: [] })).statusCode, 404)
      await client.post(`/staff/prison-visits/BCI/prisoners/A1111AA/approved-visitors/${list[0]!.id}/remove`, { _csrf: csrf })
      await client.post('/staff/prison-visits/BCI/prisoners/A1111AA/restrictions', { _csrf: csrf })
      assert.equal((await db.selectFrom('prison_visits_approved_visitors').select('id').where('prisoner_number', '=', 'A1111AA').execute()).length, 0)
    })

    test('blocking a date lists the visits it affects and cancels them with notice', async () => {
      const prison = (await findPrison(db, 'BCI'))!
      await db.updateTable('prison_visits_prisoners').set({ allowance_balance: 3 }).where('number', '=', 'A1111AA').execute()
      const booked = await book(db, prison, {
        prisonCode: 'BCI', date: next(3), startTime: '14:00', owner: 'o2', prisonerNumber: 'A1111AA', visitors: [{ firstName: 'Bob', lastName: 'Visitor', dateOfBirth: '1985-05-05' }],
        contactEmail: 'bob@example.com', contactPhone: null, lang: 'cy', additionalSupport: null, channel: 'digital', now: new Date(), today,
      })
      assert.equal(booked.kind === 'done' && booked.visit.state, 'booked')
      const [y, m, d] = next(3).split('-')
      const page = await client.get('/staff/prison-visits/BCI/blocked-dates')
      const form = { _csrf: csrfFrom(page.body), day: d!, month: m!, year: y!, startTime: '', reason: 'Staff training' }
      const confirm = await client.post('/staff/prison-visits/BCI/blocked-dates', form)
      assert.equal(confirm.statusCode, 200)
      assert.match(confirm.body, /1 visits are booked or requested/)
      const done = await client.post('/staff/prison-visits/BCI/blocked-dates', { ...form, confirm: 'yes', cancelAffected: 'yes' })
      assert.equal(done.statusCode, 303)
      const visit = await db.selectFrom('prison_visits_visits').select('state').where('reference', '=', booked.kind === 'done' ? booked.visit.reference : '').executeTakeFirstOrThrow()
      assert.equal(visit.state, 'cancelled')
      const balance = await db.selectFrom('prison_visits_prisoners').select('allowance_balance').where('number', '=', 'A1111AA').executeTakeFirstOrThrow()
      assert.equal(balance.allowance_balance, 3, 'the order came back')
      const api = (await t.app.inject(`/api/v1/prisons/BCI/visit-sessions?from=${next(3)}&to=${next(3)}`)).json() as { sessions: unknown[] }
      assert.equal(api.sessions.length, 0, 'the blocked day has no sessions')
    })
  })
}

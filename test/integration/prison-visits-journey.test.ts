/**
 * Booking a prison visit through the public pages, with JavaScript off (as
 * inject() is): every step, its errors, the confirmation saying booked or
 * requested, the message in the outbox, and managing the visit from its link.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { withTables } from '../../src/platform/db/index.js'
import { runImport } from '../../src/platform/reference-data/index.js'
import { prisonVisits } from '../../src/services/prison-visits/index.js'
import { prisonsImporter } from '../../src/services/prison-visits/import.js'
import type { Db } from '../../src/services/prison-visits/repository.js'
import { todayInLondon } from '../../src/services/prison-visits/rules/dates.js'
import type { PrisonVisitsTables } from '../../src/services/prison-visits/schema.js'
import { databaseKinds } from '../support/databases.js'
import { Client, csrfFrom, REFERENCE_DATA_DIR, startTestApp, type TestApp } from '../support/app.js'

const B = '/prison-visits/book'
const location = (r: { headers: Record<string, unknown> }) => String(r.headers.location ?? '')

async function addPrisoner(db: Db, number: string, balance: number) {
  await db
    .insertInto('prison_visits_prisoners')
    .values({ number, first_name: 'Test', last_name: 'Prisoner', date_of_birth: '1980-01-15', prison_code: 'BCI', category: 'convicted', allowance_balance: balance, allowance_accrued_on: todayInLondon(), closed_visits_only: false, visits_banned: false, synthetic: true })
    .execute()
}

/** Walks the journey up to check answers. */
async function bookUpTo(client: Client, number: string, lang = ''): Promise<void> {
  assert.equal(location(await client.submit(`${B}/prison${lang}`, { prison: 'BCI' })), `${B}/prisoner`)
  assert.equal(location(await client.submit(`${B}/prisoner${lang}`, { firstName: 'test', lastName: 'PRISONER', 'dateOfBirth-day': '15', 'dateOfBirth-month': '1', 'dateOfBirth-year': '1980', number: ` ${number.toLowerCase()} ` })), `${B}/visitors`)
  assert.equal(location(await client.submit(`${B}/visitors`, { 'visitor-1-first': 'Ann', 'visitor-1-last': 'Visitor', 'visitor-1-dob-day': '5', 'visitor-1-dob-month': '5', 'visitor-1-dob-year': '1985' })), `${B}/visit-time`)
  const page = await client.get(`${B}/visit-time`)
  const session = /name="session" type="radio" value="([^"]+)"(?![^>]*disabled)/.exec(page.body)?.[1]
  const owner = /name="owner" value="([^"]+)"/.exec(page.body)?.[1]
  assert.ok(session && owner, 'a session to choose and the hold owner')
  assert.equal(location(await client.post(`${B}/visit-time`, { _csrf: csrfFrom(page.body), session, owner })), `${B}/additional-support`)
  assert.equal(location(await client.submit(`${B}/additional-support`, { support: 'Wheelchair access' })), `${B}/contact-details`)
  assert.equal(location(await client.submit(`${B}/contact-details`, { email: 'ann@example.com', phone: '' })), `${B}/check-your-answers`)
}

async function submitAnswers(client: Client) {
  const check = await client.get(`${B}/check-your-answers`)
  const draft = /name="draft" value="([^"]+)"/.exec(check.body)?.[1] ?? ''
  return client.post(`${B}/check-your-answers`, { _csrf: csrfFrom(check.body), draft })
}

for (const kind of databaseKinds()) {
  describe(`booking a prison visit on ${kind}`, () => {
    let t: TestApp
    let db: Db
    before(async () => {
      t = await startTestApp(kind, { services: [prisonVisits] })
      db = withTables<PrisonVisitsTables>(t.database.db)
      await runImport(t.database.db, prisonsImporter, join(REFERENCE_DATA_DIR, 'prisons'), { info: () => {}, warn: () => {} })
      await addPrisoner(db, 'A1234BC', 2)
      await addPrisoner(db, 'B1234BC', 0)
    })
    after(() => t.close())

    test('the start page, in English and Welsh', async () => {
      const client = new Client(t.app)
      const en = await client.get('/prison-visits')
      assert.equal(en.statusCode, 200)
      assert.match(en.body, /Start now/)
      assert.match((await client.get('/prison-visits?lang=cy')).body, /Ymweld â rhywun yn y carchar/)
    })

    test('bad answers get errors on the same page with the answers kept', async () => {
      const client = new Client(t.app)
      const none = await client.submit(`${B}/prison`, { prison: '' })
      assert.equal(none.statusCode, 200)
      assert.match(none.body, /Choose the prison you are visiting/)
      await client.submit(`${B}/prison`, { prison: 'BCI' })
      const format = await client.submit(`${B}/prisoner`, { firstName: 'Test', lastName: 'Prisoner', 'dateOfBirth-day': '15', 'dateOfBirth-month': '1', 'dateOfBirth-year': '1980', number: 'A1234' })
      assert.match(format.body, /Enter a prisoner number in the correct format/)
      const wrong = await client.submit(`${B}/prisoner`, { firstName: 'Test', lastName: 'Prisoner', 'dateOfBirth-day': '16', 'dateOfBirth-month': '1', 'dateOfBirth-year': '1980', number: 'A1234BC' })
      assert.equal(wrong.statusCode, 200)
      assert.match(wrong.body, /could not match these details/)
      assert.match(wrong.body, /value="16"/)
      const unknown = await client.submit(`${B}/prisoner`, { firstName: 'Test', lastName: 'Prisoner', 'dateOfBirth-day': '15', 'dateOfBirth-month': '1', 'dateOfBirth-year': '1980', number: 'Z9999ZZ' })
      assert.match(unknown.body, /could not match these details/, 'the same message whether or not the prisoner exists')
      // A forged post (no CSRF token) is refused before the service counts it against the address's lookups.
      const counted = async () => (await withTables<PrisonVisitsTables>(t.database.db).selectFrom('prison_visits_lookup_attempts').select('key').execute()).length
      const countedBefore = await counted()
      const forged = await client.post(`${B}/prisoner`, { firstName: 'Test', lastName: 'Prisoner', 'dateOfBirth-day': '15', 'dateOfBirth-month': '1', 'dateOfBirth-year': '1980', number: 'A1234BC' })
      assert.equal(forged.statusCode, 403)
      assert.equal(await counted(), countedBefore)
      await client.submit(`${B}/prisoner`, { firstName: 'Test', lastName: 'Prisoner', 'dateOfBirth-day': '15', 'dateOfBirth-month': '1', 'dateOfBirth-year': '1980', number: 'A1234BC' })
      const added = await client.submit(`${B}/visitors`, { 'visitor-1-first': 'Ann', _action: 'add' })
      assert.equal(location(added), `${B}/visitors`)
      const visitorsPage = (await client.get(`${B}/visitors`)).body
      assert.match(visitorsPage, /name="visitor-2-first"/)
      assert.match(visitorsPage, /Up to 6 people can visit, including you, and up to 3 of them can be aged 18 or over/, 'the prison’s own limits, said up front')
      const young = await client.submit(`${B}/visitors`, { 'visitor-1-first': 'Ann', 'visitor-1-last': 'Visitor', 'visitor-1-dob-day': '1', 'visitor-1-dob-month': '1', 'visitor-1-dob-year': '2015' })
      assert.match(young.body, /The lead visitor must be 18 or over/)
      assert.match(young.body, /<a href="#visitor-1-dob-day">The lead visitor must be 18 or over/, 'the summary links to the date’s first input, which can take focus')
      const shortYear = await client.submit(`${B}/visitors`, { 'visitor-1-first': 'Ann', 'visitor-1-last': 'Visitor', 'visitor-1-dob-day': '5', 'visitor-1-dob-month': '5', 'visitor-1-dob-year': '85' })
      assert.match(shortYear.body, /<a href="#visitor-1-dob-year">/, 'a date wrong only in its year links to the year')
      assert.match(shortYear.body, /id="visitor-1-dob-error"[^>]*>\s*<span[^>]*>[^<]*<\/span>\s*Your date of birth must include a year with 4 numbers/, 'with the message beside the date')
      assert.deepEqual(
        [...shortYear.body.matchAll(/<input[^>]*id="(visitor-1-dob-(?:day|month|year))"[^>]*>/g)].filter((m) => /govuk-input--error/.test(m[0])).map((m) => m[1]),
        ['visitor-1-dob-year'],
        'and only the year is marked',
      )
      const noName = await client.submit(`${B}/visitors`, { 'visitor-1-last': 'Visitor', 'visitor-1-dob-day': '5', 'visitor-1-dob-month': '5', 'visitor-1-dob-year': '1985' })
      assert.match(noName.body, /<a href="#visitor-1-first">/, 'a missing name links to its input')
      assert.match(noName.body, /id="visitor-1-first-error"/)
      assert.match(noName.body, /name="visitor-1-last"[^>]*value="Visitor"|value="Visitor"[^>]*name="visitor-1-last"/, 'what was typed is kept')
      const adults = Object.fromEntries([1, 2, 3, 4].flatMap((i) => [[`visitor-${i}-first`, `A${i}`], [`visitor-${i}-last`, 'Adult'], [`visitor-${i}-dob-day`, '1'], [`visitor-${i}-dob-month`, '1'], [`visitor-${i}-dob-year`, '1980']]))
      assert.match((await client.submit(`${B}/visitors`, adults)).body, /up to 3 visitors aged 18 or over/)
    })

    test('a visitor who turns 18 before the visit counts as an adult on that day', async () => {
      await addPrisoner(db, 'C1234BC', 2)
      const client = new Client(t.app)
      assert.equal(location(await client.submit(`${B}/prison`, { prison: 'BCI' })), `${B}/prisoner`)
      assert.equal(location(await client.submit(`${B}/prisoner`, { firstName: 'Test', lastName: 'Prisoner', 'dateOfBirth-day': '15', 'dateOfBirth-month': '1', 'dateOfBirth-year': '1980', number: 'C1234BC' })), `${B}/visitors`)
      // 18 tomorrow: a child today, an adult on any day that can be booked.
      const birthday = new Date(`${todayInLondon()}T12:00:00Z`)
      birthday.setUTCDate(birthday.getUTCDate() + (birthday.getUTCMonth() === 1 && birthday.getUTCDate() >= 27 ? 4 : 1))
      const visitors = Object.fromEntries([1, 2, 3, 4].flatMap((i) => [
        [`visitor-${i}-first`, `V${i}`],
        [`visitor-${i}-last`, 'Visitor'],
        [`visitor-${i}-dob-day`, i < 4 ? '1' : String(birthday.getUTCDate())],
        [`visitor-${i}-dob-month`, i < 4 ? '1' : String(birthday.getUTCMonth() + 1)],
        [`visitor-${i}-dob-year`, i < 4 ? '1980' : String(birthday.getUTCFullYear() - 18)],
      ]))
      assert.equal(location(await client.submit(`${B}/visitors`, visitors)), `${B}/visit-time`, 'three adults and a child, today')
      const page = await client.get(`${B}/visit-time`)
      const session = /name="session" type="radio" value="([^"]+)"(?![^>]*disabled)/.exec(page.body)![1]!
      const owner = /name="owner" value="([^"]+)"/.exec(page.body)![1]!
      assert.ok(session.split(' ')[0]! > todayInLondon(), 'the first bookable day is after today')
      const refused = await client.post(`${B}/visit-time`, { _csrf: csrfFrom(page.body), session, owner })
      assert.equal(refused.statusCode, 200)
      assert.match(refused.body, /On that day more than 3 of your visitors will be aged 18 or over/)
    })

    test('wrong prisoner details are limited per journey', async () => {
      const client = new Client(t.app)
      await client.submit(`${B}/prison`, { prison: 'BCI' })
      let last = ''
      for (let i = 0; i < 6; i++) {
        last = (await client.submit(`${B}/prisoner`, { firstName: 'X', lastName: 'Y', 'dateOfBirth-day': '1', 'dateOfBirth-month': '1', 'dateOfBirth-year': '1970', number: 'A1234BC' })).body
      }
      assert.match(last, /tried too many times/)
    })

    test('a visit is booked end to end, the visitor is told, and can cancel it from the link', async () => {
      const client = new Client(t.app)
      await bookUpTo(client, 'A1234BC')
      assert.match((await client.get(`${B}/check-your-answers`)).body, /Buckley Hall/, 'the prison by name, not its code')
      const submitted = await submitAnswers(client)
      assert.equal(location(submitted), `${B}/confirmation`)
      const confirmation = await client.get(`${B}/confirmation`)
      assert.match(confirmation.body, /Visit booked/)
      const reference = /<strong>([0-9A-Z]{8})<\/strong>/.exec(confirmation.body)?.[1]
      assert.ok(reference)
      const message = await t.database.db
        .selectFrom('notify_messages' as never)
        .select(['type' as never, 'body' as never])
        .where('recipient' as never, '=', 'ann@example.com' as never)
        .executeTakeFirstOrThrow() as { type: string; body: string }
      assert.equal(message.type, 'prison-visits-booked')
      assert.ok(message.body.includes(reference))
      const link = /http:\/\/[^/]+(\/prison-visits\/manage\/\S+)/.exec(message.body)?.[1]
      assert.ok(link)
      const manage = await client.get(link)
      assert.equal(manage.statusCode, 200)
      assert.match(manage.body, /Booked/)
      const noReason = await client.post(link, { _csrf: csrfFrom(manage.body) })
      assert.equal(noReason.statusCode, 200)
      assert.match(noReason.body, /Select why you are cancelling/)
      const cancelled = await client.post(link, { _csrf: csrfFrom(manage.body), reason: 'cannot_attend' })
      assert.match(cancelled.body, /Your visit is cancelled/)
      assert.equal((await client.get(link.slice(0, -3) + 'xyz')).statusCode, 404)
    })

    test('when the held place has gone and the session filled, the visitor chooses another time with answers kept', async () => {
      const client = new Client(t.app)
      await bookUpTo(client, 'A1234BC')
      await db.deleteFrom('prison_visits_holds').execute()
      await db.updateTable('prison_visits_session_templates').set({ open_capacity: 0 }).where('prison_code', '=', 'BCI').execute()
      const submitted = await submitAnswers(client)
      await db.updateTable('prison_visits_session_templates').set({ open_capacity: 20 }).where('prison_code', '=', 'BCI').execute()
      assert.equal(submitted.statusCode, 200)
      assert.match(submitted.body, /That visit time is no longer available/)
      assert.match(submitted.body, /action="\/prison-visits\/book\/visit-time"/)
      await db.updateTable('prison_visits_session_templates').set({ open_capacity: 20 }).where('prison_code', '=', 'BCI').execute()
      const page = await client.get(`${B}/visit-time`)
      const session = /name="session" type="radio" value="([^"]+)"(?![^>]*disabled)/.exec(page.body)?.[1] ?? ''
      const owner = /name="owner" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
      const chosen = await client.post(`${B}/visit-time`, { _csrf: csrfFrom(page.body), session, owner })
      assert.equal(location(chosen), `${B}/additional-support`)
      assert.match((await client.get(`${B}/additional-support`)).body, /Wheelchair access/, 'every other answer was kept')
      assert.match((await client.get(`${B}/check-your-answers`)).body, /ann@example.com/)
    })

    test('without allowance the confirmation says it is a request, and why', async () => {
      const client = new Client(t.app)
      await bookUpTo(client, 'B1234BC')
      await submitAnswers(client)
      const confirmation = await client.get(`${B}/confirmation`)
      assert.match(confirmation.body, /Visit request sent/)
      assert.match(confirmation.body, /used their visiting allowance/)
    })

    // Last: it uses up this address's lookups for the rest of the file.
    test('one address cannot work through the register from many sessions: past its limit the prisoner question answers 429', async () => {
      let answer: Awaited<ReturnType<Client['submit']>> | undefined
      for (let i = 0; i < 40 && answer?.statusCode !== 429; i++) {
        const client = new Client(t.app)
        await client.submit(`${B}/prison`, { prison: 'BCI' })
        answer = await client.submit(`${B}/prisoner`, { firstName: 'Test', lastName: 'Prisoner', 'dateOfBirth-day': '15', 'dateOfBirth-month': '1', 'dateOfBirth-year': '1980', number: 'Z9999ZZ' })
      }
      assert.equal(answer?.statusCode, 429)
      assert.match(answer?.body ?? '', /You have tried too many times/)
    })
  })
}

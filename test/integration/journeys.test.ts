/**
 * The journey engine end to end through inject(), on each test database:
 * validation with errors kept on the page, branching, back links, change
 * links, dropped branches, double submission, a failing submission, save and
 * return by email, session end and resume, measures and the survey, and a
 * restart of the server in the middle of a journey.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { Client, csrfFrom, startTestApp, testConfig, type TestApp } from '../support/app.js'
import { createServerDatabase, databaseKinds, openTestDatabase } from '../support/databases.js'
import { journeyProbeService } from '../support/test-journey.js'
import { makeStaff, signIn } from '../support/staff.js'
import { buildApp } from '../../src/app.js'
import { openDatabase } from '../../src/platform/db/index.js'
import { deleteExpiredDrafts } from '../../src/platform/journeys/index.js'
import { measureJourney, measureSatisfaction, validationErrorsByField, writeCountedEvents } from '../../src/platform/kpi/index.js'

const location = (r: { headers: Record<string, unknown> }) => r.headers.location as string
const yearsAgo = (n: number) => String(new Date().getFullYear() - n)

/** Answers every page up to check answers; `visited` chooses the branch. */
async function answerAll(client: Client, visited: 'yes' | 'no' = 'no', name = 'Ada Lovelace'): Promise<void> {
  assert.equal(location(await client.submit('/apply/name', { name })), '/apply/date-of-birth')
  assert.equal(location(await client.submit('/apply/date-of-birth', { 'dob-day': '10', 'dob-month': '12', 'dob-year': yearsAgo(30) })), '/apply/visited-before')
  const afterVisited = location(await client.submit('/apply/visited-before', { visited }))
  if (visited === 'yes') {
    assert.equal(afterVisited, '/apply/last-visit')
    assert.equal(location(await client.submit('/apply/last-visit', { 'lastVisit-day': '1', 'lastVisit-month': '2', 'lastVisit-year': yearsAgo(1) })), '/apply/contact')
  } else {
    assert.equal(afterVisited, '/apply/contact')
  }
  assert.equal(location(await client.submit('/apply/contact', { email: 'ada@example.com', phone: '07700 900 982' })), '/apply/visitors')
  assert.equal(location(await client.submit('/apply/visitors', { 'visitor-1': 'Charles Babbage' })), '/apply/visit-time')
}

async function chooseSlot(client: Client, slot: string): Promise<string> {
  return location(await client.submit('/apply/visit-time', { slot }))
}

/**
 * The same visitor's next request served by another web process on the same
 * database, which has kept nothing for them (kept.ts). A change made behind the
 * app's back (an expiry set in SQL) is what any process that has not served them
 * lately sees.
 */
async function inAnotherProcess<T>(t: TestApp, client: Client, act: (client: Client) => Promise<T>): Promise<T> {
  const other = await buildApp(t.config, { database: t.database, logger: false, services: [journeyProbeService()] })
  const there = new Client(other.app)
  for (const [name, value] of client.cookies) there.cookies.set(name, value)
  try {
    return await act(there)
  } finally {
    for (const [name, value] of there.cookies) client.cookies.set(name, value)
    await other.app.close()
  }
}

async function applications(t: TestApp): Promise<{ reference: string; answers: Record<string, unknown> }[]> {
  const result = await sql<{ reference: string; answers: Record<string, unknown> }>`select reference, answers from test_journey_applications`.execute(t.database.db)
  return result.rows
}

for (const kind of databaseKinds()) {
  describe(`journeys on ${kind}`, () => {
    let t: TestApp
    before(async () => {
      t = await startTestApp(kind, { services: [journeyProbeService()] })
    })
    after(async () => {
      await t.close()
    })

    test('a later page redirects to the first unanswered; errors re-render with answers kept', async () => {
      const client = new Client(t.app)
      assert.equal(location(await client.get('/apply/contact')), '/apply/name')
      assert.equal(location(await client.get('/apply')), '/apply/name')

      const empty = await client.submit('/apply/name', { name: '  ' })
      assert.equal(empty.statusCode, 200)
      assert.match(empty.body, /<title>Error: What is your full name\?/)
      assert.match(empty.body, /govuk-error-summary/)
      assert.match(empty.body, /<a href="#name">Enter your full name<\/a>/)
      assert.match(empty.body, /govuk-error-message/)
      assert.match(empty.body, /autocomplete="name"/)
      assert.equal(empty.headers['cache-control'], 'no-store')

      const long = await client.submit('/apply/name', { name: 'x'.repeat(101) })
      assert.match(long.body, /Your full name must be 100 characters or fewer/)
      assert.match(long.body, new RegExp(`value="${'x'.repeat(101)}"`))

      assert.equal(location(await client.submit('/apply/name', { name: 'Ada Lovelace' })), '/apply/date-of-birth')
      const missing = await client.submit('/apply/date-of-birth', { 'dob-day': '31', 'dob-month': '', 'dob-year': '' })
      assert.match(missing.body, /<a href="#dob-month">Your date of birth must include a month and a year<\/a>/)
      assert.match(missing.body, /value="31"/)
      const unreal = await client.submit('/apply/date-of-birth', { 'dob-day': '30', 'dob-month': '2', 'dob-year': '2000' })
      assert.match(unreal.body, /<a href="#dob-day">Your date of birth must be a real date<\/a>/)
      const future = await client.submit('/apply/date-of-birth', { 'dob-day': '1', 'dob-month': '1', 'dob-year': String(new Date().getFullYear() + 1) })
      assert.match(future.body, /Your date of birth must be in the past/)
      assert.match(future.body, /autocomplete="bday-day"/)

      const welsh = await client.submit('/apply/date-of-birth?lang=cy', { 'dob-day': '', 'dob-month': '', 'dob-year': '' })
      assert.match(welsh.body, /<title>Gwall: /)
      assert.match(welsh.body, /Rhowch eich dyddiad geni/)
      await client.get('/apply/name?lang=en')

      // The first page is still answered; going back shows the answer.
      const back = await client.get('/apply/name')
      assert.match(back.body, /value="Ada Lovelace"/)
    })

    test('branching, back links, change links through a new branch, dropped answers, one submission for two clicks', async () => {
      const client = new Client(t.app)
      await answerAll(client, 'no')
      assert.equal(location(await client.get('/apply/last-visit')), '/apply/visit-time')
      const contact = await client.get('/apply/contact')
      assert.match(contact.body, /href="\/apply\/visited-before" class="govuk-back-link"/)

      assert.equal(await chooseSlot(client, 'mon-am'), '/apply/check-your-answers')
      const check = await client.get('/apply/check-your-answers')
      assert.equal(check.statusCode, 200)
      assert.match(check.body, /Charles Babbage/)
      assert.match(check.body, /href="\/apply\/visited-before\?change=1"/)
      assert.match(check.body, /href="\/apply\/visit-time" class="govuk-back-link"/)

      // Changing to "yes" opens a branch: its page comes first, then back to check answers.
      const changePage = await client.get('/apply/visited-before?change=1')
      assert.match(changePage.body, /href="\/apply\/check-your-answers" class="govuk-back-link"/)
      assert.equal(location(await client.submit('/apply/visited-before?change=1', { visited: 'yes' })), '/apply/last-visit?change=1')
      assert.equal(location(await client.get('/apply/check-your-answers')), '/apply/last-visit')
      assert.equal(
        location(await client.submit('/apply/last-visit?change=1', { 'lastVisit-day': '1', 'lastVisit-month': '2', 'lastVisit-year': yearsAgo(1) })),
        '/apply/check-your-answers',
      )
      assert.match((await client.get('/apply/check-your-answers')).body, /Last visit/)
      // And back to "no": the last-visit answer is on a branch the user left.
      assert.equal(location(await client.submit('/apply/visited-before?change=1', { visited: 'no' })), '/apply/check-your-answers')
      const final = await client.get('/apply/check-your-answers')
      assert.doesNotMatch(final.body, /Last visit/)

      const before = (await applications(t)).length
      const form = { _csrf: csrfFrom(final.body), draft: /name="draft" value="([^"]+)"/.exec(final.body)![1]! }
      const [one, two] = await Promise.all([client.post('/apply/check-your-answers', form), client.post('/apply/check-your-answers', form)])
      assert.equal(location(one), '/apply/confirmation')
      assert.equal(location(two), '/apply/confirmation')
      const again = await client.post('/apply/check-your-answers', form)
      assert.equal(location(again), '/apply/confirmation')
      const rows = await applications(t)
      assert.equal(rows.length, before + 1)
      const stored = rows.at(-1)!
      assert.equal('lastVisit' in stored.answers, false, 'answers on a branch the user left are dropped')
      assert.deepEqual(stored.answers.visitors, { visitors: ['Charles Babbage'] })

      const confirmation = await client.get('/apply/confirmation')
      assert.match(confirmation.body, new RegExp(`data-reference>${stored.reference}<`))
      assert.match((await client.get('/apply/confirmation')).body, new RegExp(`data-reference>${stored.reference}<`), 'a refresh shows the same confirmation')
      assert.equal(location(await client.get('/apply/check-your-answers')), '/apply/confirmation')

      const measures = await measureJourney(t.database.db, 'journey-probe', 'apply')
      assert.ok(measures.completed >= 1)
      assert.ok(measures.started >= measures.completed)
      const errors = await validationErrorsByField(t.database.db, 'journey-probe', 'apply')
      assert.ok(errors.some((e) => e.page === 'dateOfBirth' && e.field === 'dob'))
    })

    test('add another, and a custom page refusing a time another draft holds', async () => {
      const client = new Client(t.app)
      await answerAll(client, 'no', 'Grace Hopper')
      const added = await client.submit('/apply/visitors', { 'visitor-1': 'Alan Turing', _action: 'add' })
      assert.equal(location(added), '/apply/visitors')
      const page = await client.get('/apply/visitors')
      assert.match(page.body, /value="Alan Turing"/)
      assert.match(page.body, /name="visitor-2"/)
      const empty = await client.submit('/apply/visitors', { 'visitor-1': 'Alan Turing', 'visitor-2': '' })
      assert.match(empty.body, /<a href="#visitor-2">Enter the visitor’s full name<\/a>/)
      assert.equal(location(await client.submit('/apply/visitors', { 'visitor-1': 'Alan Turing', 'visitor-2': 'Joan Clarke' })), '/apply/visit-time')

      const other = new Client(t.app)
      await answerAll(other, 'no', 'Other Person')
      assert.equal(await chooseSlot(other, 'tue-am'), '/apply/check-your-answers')
      const refused = await client.submit('/apply/visit-time', { slot: 'tue-am' })
      assert.equal(refused.statusCode, 200)
      assert.match(refused.body, /That time has just been taken/)
      assert.equal(await chooseSlot(client, 'mon-pm'), '/apply/check-your-answers')
      assert.match((await client.get('/apply/check-your-answers')).body, /Alan Turing, Joan Clarke/)
    })

    test('a failing submission keeps the draft, and a retry succeeds', async () => {
      const client = new Client(t.app)
      await answerAll(client, 'no', 'Fail Please')
      assert.equal(await chooseSlot(client, 'wed-am'), '/apply/check-your-answers')
      const check = await client.get('/apply/check-your-answers')
      const form = { _csrf: csrfFrom(check.body), draft: /name="draft" value="([^"]+)"/.exec(check.body)![1]! }
      const failed = await client.post('/apply/check-your-answers', form)
      assert.equal(failed.statusCode, 500)
      assert.doesNotMatch(failed.body, /could not take the application/)
      assert.equal((await client.get('/apply/check-your-answers')).statusCode, 200)
      assert.equal(location(await client.submit('/apply/name?change=1', { name: 'Passes Now' })), '/apply/check-your-answers')
      assert.equal(location(await client.post('/apply/check-your-answers', form)), '/apply/confirmation')
    })

    test('an answer refused at submission sends the user back to that page with the error', async () => {
      const client = new Client(t.app)
      await answerAll(client, 'no', 'Slot Gone')
      assert.equal(await chooseSlot(client, 'wed-pm'), '/apply/check-your-answers')
      const check = await client.get('/apply/check-your-answers')
      const refused = await client.post('/apply/check-your-answers', { _csrf: csrfFrom(check.body), draft: /name="draft" value="([^"]+)"/.exec(check.body)![1]! })
      assert.equal(refused.statusCode, 200)
      assert.match(refused.body, /<title>Error: Choose a visit time/)
      assert.match(refused.body, /<a href="#slot">That time is no longer available. Choose another time<\/a>/)
      assert.equal(location(await client.get('/apply/check-your-answers')), '/apply/visit-time')
    })

    test('save and come back later: a single-use emailed link restores the draft in a new session', async () => {
      const client = new Client(t.app)
      assert.equal(location(await client.submit('/apply/name', { name: 'Saved Person' })), '/apply/date-of-birth')
      // Saving keeps what was typed on this page even though it is not complete.
      assert.equal(location(await client.submit('/apply/date-of-birth', { 'dob-day': '4', 'dob-month': '', 'dob-year': '', _action: 'save' })), '/apply/save')
      const bad = await client.submit('/apply/save', { email: 'not an email' })
      assert.equal(bad.statusCode, 200)
      assert.match(bad.body, /Enter an email address in the correct format/)
      assert.match(bad.body, /autocomplete="email"/)
      assert.equal(location(await client.submit('/apply/save', { email: 'saved@example.com' })), '/apply/saved')
      assert.match((await client.get('/apply/saved')).body, /We have sent you a link/)

      const message = await sql<{ recipient: string; body: string }>`select recipient, body from notify_messages where type = 'journey-save-link' order by created_at desc limit 1`.execute(t.database.db)
      assert.equal(message.rows[0]?.recipient, 'saved@example.com')
      const link = /(http\S+\/apply\/return\/\S+)/.exec(message.rows[0]!.body)![1]!
      const path = new URL(link).pathname

      const elsewhere = new Client(t.app)
      const landing = await elsewhere.get(path)
      assert.equal(landing.statusCode, 200)
      assert.match(landing.body, /Continue your application/)
      const restored = await elsewhere.submit(path, {})
      assert.equal(location(restored), '/apply/date-of-birth')
      const dob = await elsewhere.get('/apply/date-of-birth')
      assert.match(dob.body, /value="4"/)
      assert.match((await elsewhere.get('/apply/name')).body, /value="Saved Person"/)
      // Single use.
      assert.equal((await new Client(t.app).get(path)).statusCode, 410)
      // A newer link replaces an older one, and a draft may send only so many.
      await elsewhere.submit('/apply/save', { email: 'saved@example.com' })
      const first = await sql<{ body: string }>`select body from notify_messages where type = 'journey-save-link' order by created_at desc limit 1`.execute(t.database.db)
      const older = new URL(/(http\S+\/apply\/return\/\S+)/.exec(first.rows[0]!.body)![1]!).pathname
      assert.equal((await new Client(t.app).get(older)).statusCode, 200)
      assert.equal(location(await elsewhere.submit('/apply/save', { email: 'saved@example.com' })), '/apply/saved')
      assert.equal((await new Client(t.app).get(older)).statusCode, 410, 'the older link stopped working')
      for (let i = 0; i < 2; i++) await elsewhere.submit('/apply/save', { email: 'saved@example.com' })
      const tooMany = await elsewhere.submit('/apply/save', { email: 'saved@example.com' })
      assert.equal(tooMany.statusCode, 200)
      assert.match(tooMany.body, /You have asked for too many links/)
      // Saved drafts live for 30 days.
      const row = await sql<{ expires_at: Date }>`select expires_at from journey_drafts where saved order by updated_at desc limit 1`.execute(t.database.db)
      const days = (new Date(row.rows[0]!.expires_at).getTime() - Date.now()) / 86_400_000
      assert.ok(days > 29 && days <= 30, `expires in ${days} days`)
    })

    test('a page shown again uses the draft its process kept, and any change elsewhere is seen', async () => {
      const client = new Client(t.app)
      await client.submit('/apply/name', { name: 'Kept Person' })
      const stamp = client.cookies.get('jd_draft')
      assert.ok(stamp, 'the change kept its draft and set the stamp')
      // Behind the app's back, so only a read of the row could show it.
      await sql`update journey_drafts set form = jsonb_set(form, '{name,name}', '"Changed In SQL"'), updated_at = now() where answers->'name'->>'name' = 'Kept Person'`.execute(t.database.db)
      assert.match((await client.get('/apply/name')).body, /value="Kept Person"/, 'the kept draft, no read')
      client.cookies.delete('jd_draft')
      assert.match((await client.get('/apply/name')).body, /value="Changed In SQL"/, 'no stamp: the row is read')
      assert.ok(client.cookies.get('jd_draft') && client.cookies.get('jd_draft') !== stamp, 'and kept under a new stamp')

      // Another process changes the answer: its stamp replaces this process's, so this process reads the row.
      await inAnotherProcess(t, client, async (there) => {
        assert.equal(location(await there.submit('/apply/name', { name: 'Changed Elsewhere' })), '/apply/date-of-birth')
      })
      assert.match((await client.get('/apply/name')).body, /value="Changed Elsewhere"/)
      // A change that keeps nothing (a rejected answer re-shown) clears the stamp.
      const refused = await client.submit('/apply/date-of-birth', { 'dob-day': '40', 'dob-month': '1', 'dob-year': '1990' })
      assert.equal(refused.statusCode, 200)
      assert.equal(client.cookies.has('jd_draft'), false)
    })

    test('when the session ends nothing is lost: the answers resume in a new session; keep-alive extends it', async () => {
      const client = new Client(t.app)
      await client.submit('/apply/name', { name: 'Timed Out' })
      const page = await client.get('/apply/date-of-birth')
      assert.match(page.body, /data-module="jd-session-timeout" data-timeout-seconds="1800"/)
      const alive = await client.post('/apply/keep-alive', {}, { 'x-csrf-token': csrfFrom(page.body) })
      assert.deepEqual(alive.json(), { seconds: 1800 })

      const cookie = client.cookies.get('jd_session')!.split('.')[0]!
      await sql`update sessions set expires_at = now() - interval '1 minute' where id = ${cookie}`.execute(t.database.db)
      await inAnotherProcess(t, client, async (there) => {
        assert.equal(location(await there.get('/apply/date-of-birth')), '/apply/session-ended')
        const ended = await there.get('/apply/session-ended')
        assert.match(ended.body, /Your session has ended/)
        assert.equal(location(await there.submit('/apply/session-ended', {})), '/apply/date-of-birth')
      })
      assert.notEqual(client.cookies.get('jd_session')!.split('.')[0], cookie, 'a new session id')
      assert.match((await client.get('/apply/name')).body, /value="Timed Out"/)
    })

    test('expired drafts are deleted by the cleanup', async () => {
      const client = new Client(t.app)
      await client.submit('/apply/name', { name: 'Expiring' })
      await sql`update journey_drafts set expires_at = now() - interval '1 second' where answers->'name'->>'name' = 'Expiring'`.execute(t.database.db)
      assert.ok((await deleteExpiredDrafts(t.database.db)) >= 1)
      assert.equal(location(await inAnotherProcess(t, client, (there) => there.get('/apply/date-of-birth'))), '/apply/name')
    })

    test('a journey staff complete for someone counts as assisted, against digital take-up', async () => {
      const staff = new Client(t.app)
      const first = await staff.get('/apply/name')
      await staff.post('/apply/name', { _csrf: csrfFrom(first.body), name: 'Helped Person' }, { 'x-assisted': 'yes' })
      await answerAll(staff, 'no', 'Helped Person')
      assert.equal(await chooseSlot(staff, 'thu-am'), '/apply/check-your-answers')
      const check = await staff.get('/apply/check-your-answers')
      await staff.post('/apply/check-your-answers', { _csrf: csrfFrom(check.body), draft: /name="draft" value="([^"]+)"/.exec(check.body)![1]! })
      await writeCountedEvents(t.database.db)
      const events = await sql<{ event: string; channel: string }>`select event, channel from journey_events where run_id = (select run_id from journey_drafts where reference is not null order by submitted_at desc limit 1)`.execute(t.database.db)
      assert.ok(events.rows.length > 5)
      assert.ok(events.rows.every((e) => e.channel === 'assisted'))
      assert.ok(events.rows.some((e) => e.event === 'completed'))
      const measures = await measureJourney(t.database.db, 'journey-probe', 'apply')
      assert.ok(measures.digitalTakeUp !== null && measures.digitalTakeUp < 1)
      assert.ok(measures.dropOffByPage.length > 0, 'unfinished runs show where they stopped')
    })

    test('a journey mounted for staff carries the staff access rule on every route', async () => {
      const client = new Client(t.app)
      for (const path of ['/staff/apply-for/name', '/staff/apply-for/check-your-answers', '/staff/apply-for/save']) {
        assert.match(location(await client.get(path)), /^\/staff\/sign-in/, path)
      }
    })

    test('satisfaction survey after the confirmation, stored for the service', async () => {
      const client = new Client(t.app)
      const empty = await client.submit('/apply/feedback', {})
      assert.match(empty.body, /<a href="#rating">Select how you felt about the service<\/a>/)
      assert.equal(location(await client.submit('/apply/feedback', { rating: '5', comment: 'Quick' })), '/apply/feedback/thank-you')
      assert.equal(location(await client.submit('/apply/feedback', { rating: '2' })), '/apply/feedback/thank-you')
      const measures = await measureSatisfaction(t.database.db, 'journey-probe')
      assert.equal(measures.responses, 2)
      assert.equal(measures.satisfied, 0.5)
    })

    test('the performance dashboard shows each journey’s measures to performance analysts, in English and Welsh', async () => {
      const analyst = new Client(t.app)
      await signIn(analyst, await makeStaff(t.database.db, [{ role: 'performance-analyst', scope: { kind: 'all' } }]))
      const page = await analyst.get('/staff/performance')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<h1 class="govuk-heading-l">Service performance<\/h1>/)
      assert.match(page.body, /Journey: apply/)
      const measures = await measureJourney(t.database.db, 'journey-probe', 'apply', new Date(Date.now() - 30 * 24 * 60 * 60 * 1000))
      assert.match(page.body, new RegExp(`Completion rate\\s*</dt>\\s*<dd class="govuk-summary-list__value">\\s*${Math.round((measures.completionRate ?? 0) * 100)}%`))
      assert.match(page.body, /50% satisfied or very satisfied \(2 responses\)/)
      assert.match(page.body, /Where people stopped/)
      assert.match(page.body, /Not measured here/)
      assert.match((await analyst.get('/staff/performance?days=7&lang=cy')).body, /<h1 class="govuk-heading-l">Perfformiad gwasanaethau<\/h1>/)
      const views = await sql<{ n: number }>`select count(*)::int as n from audit_events where action = 'kpi.performance.view'`.execute(t.database.db)
      assert.equal(views.rows[0]?.n, 2, 'each view is audited')

      const visits = new Client(t.app)
      await signIn(visits, await makeStaff(t.database.db, [{ role: 'visits-staff', scope: { kind: 'all' } }]))
      assert.equal((await visits.get('/staff/performance')).statusCode, 403)
      assert.match(location(await new Client(t.app).get('/staff/performance')), /^\/staff\/sign-in/)
    })
  })

  test(`the server restarts in the middle of a journey on ${kind} and the journey finishes`, async () => {
    let url: string | undefined
    let drop = async () => {}
    const dataDir = mkdtempSync(join(tmpdir(), 'jd-journey-restart-'))
    if (kind === 'postgres') ({ url, drop } = await createServerDatabase())
    const config = testConfig({ databaseUrl: url, dataDir })
    const open = () => (kind === 'pglite' ? openTestDatabase('pglite', dataDir).then((d) => d.database) : openDatabase({ databaseUrl: url, dataDir }))
    const services = [journeyProbeService()]

    let database = await open()
    let justice = await buildApp(config, { database, logger: false, services })
    const client = new Client(justice.app)
    await answerAll(client, 'yes', 'Restart Person')
    await justice.app.close()
    await database.close()

    database = await open()
    justice = await buildApp(config, { database, logger: false, services })
    try {
      const resumed = new Client(justice.app)
      for (const [k, v] of client.cookies) resumed.cookies.set(k, v)
      assert.equal(location(await resumed.get('/apply/check-your-answers')), '/apply/visit-time')
      assert.equal(await chooseSlot(resumed, 'tue-am'), '/apply/check-your-answers')
      const check = await resumed.get('/apply/check-your-answers')
      assert.match(check.body, /Restart Person/)
      const sent = await resumed.post('/apply/check-your-answers', { _csrf: csrfFrom(check.body), draft: /name="draft" value="([^"]+)"/.exec(check.body)![1]! })
      assert.equal(location(sent), '/apply/confirmation')
      assert.match((await resumed.get('/apply/confirmation')).body, /data-reference>TST-/)
    } finally {
      await justice.app.close()
      await database.close()
      await drop()
    }
  })
}

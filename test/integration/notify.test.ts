/**
 * Notifications through the app on the default (outbox) provider: a message
 * is committed with the change that causes it or not at all, once per
 * idempotency key, sent by the in-process worker, shown to platform admins,
 * printed by `justice outbox`, and forgotten after the retention period.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { Client, startTestApp, testConfig, type TestApp } from '../support/app.js'
import { databaseKinds } from '../support/databases.js'
import { makeStaff, signIn } from '../support/staff.js'
import type { JusticeService } from '../../src/platform/service.js'
import { runStatements } from '../../src/platform/db/migrations.js'
import { sendMessage, type MessageType } from '../../src/platform/notify/index.js'
import type { AnyKysely } from '../../src/platform/notify/types.js'
import { printOutbox } from '../../src/platform/notify/cli.js'
import { notifyDb, redactOlderThan, statusCounts } from '../../src/platform/notify/repository.js'

const messageTypes: MessageType[] = [
  {
    type: 'probe-booking-confirmed',
    channels: ['email', 'sms'],
    personalisation: ['name', 'reference'],
    render: (lang, p) =>
      lang === 'cy'
        ? { subject: 'Archeb wedi’i chadarnhau', body: `Annwyl ${p.name},\n\nEich cyfeirnod yw ${p.reference}.` }
        : { subject: 'Booking confirmed', body: `Dear ${p.name},\n\nYour reference is ${p.reference}.` },
  },
]

const probe: JusticeService = {
  id: 'probe',
  name: { en: 'Probe', cy: 'Prawf' },
  description: { en: 'Tests', cy: 'Profion' },
  path: '/probe',
  listed: false,
  messageTypes,
  migrations: [{ name: 'probe/bookings', up: (db) => runStatements(db, ['create table probe_bookings (id text primary key)']) }],
  async plugin() {},
}

async function book(db: AnyKysely, id: string, options: { email?: string; phone?: string; fail?: boolean; lang?: 'en' | 'cy' } = {}): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await sql`insert into probe_bookings (id) values (${id})`.execute(trx)
    const messageId = await sendMessage(trx, {
      type: 'probe-booking-confirmed',
      to: { email: options.email ?? `${id}@example.com`, phone: options.phone },
      lang: options.lang ?? 'en',
      personalisation: { name: 'Ann Smith', reference: id },
      idempotencyKey: `probe-booking:${id}`,
    })
    if (options.fail) throw new Error('the booking could not be saved')
    return messageId
  })
}

async function rows(t: TestApp, where: string) {
  const result = await sql<{ id: string; status: string; channel: string; recipient: string | null; body: string | null }>`
    select id, status, channel, recipient, body from notify_messages where idempotency_key = ${where} order by channel`.execute(t.database.db)
  return result.rows
}

async function until<T>(what: () => Promise<T>, ok: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await what()
    if (ok(value) || Date.now() > deadline) return value
    await new Promise((r) => setTimeout(r, 150))
  }
}

for (const kind of databaseKinds()) {
  describe(`notifications on ${kind}`, () => {
    let t: TestApp
    let admin: Client
    before(async () => {
      // The worker runs in the app, as it does by default; it polls quickly here.
      t = await startTestApp(kind, { services: [probe], config: { notify: { ...testConfig().notify, pollingSeconds: 0.5 } } })
      admin = new Client(t.app)
      await signIn(admin, await makeStaff(t.database.db, [{ role: 'platform-admin', scope: { kind: 'all' } }]))
    })
    after(async () => {
      await t.close()
    })

    test('a committed booking sends its message to the outbox, by email and text', async () => {
      const id = await book(t.database.db, 'B1', { phone: '07700900123' })
      const sent = await until(() => rows(t, 'probe-booking:B1'), (r) => r.length === 2 && r.every((m) => m.status === 'sent'))
      assert.deepEqual(
        sent.map((m) => [m.channel, m.status, m.recipient]),
        [
          ['email', 'sent', 'B1@example.com'],
          ['sms', 'sent', '07700900123'],
        ],
      )
      assert.equal(sent[0]?.id, id)
      assert.equal(sent[0]?.body, 'Dear Ann Smith,\n\nYour reference is B1.')
    })

    test('/metrics counts messages by type, channel and status', async () => {
      const metrics = await t.app.inject({ method: 'GET', url: '/metrics' })
      assert.match(metrics.body, /justice_notify_messages\{type="probe-booking-confirmed",channel="email",status="sent"\} 1/)
      assert.match(metrics.body, /justice_notify_messages\{type="probe-booking-confirmed",channel="sms",status="sent"\} 1/)
    })

    test('a booking that rolls back sends nothing: no message and no job', async () => {
      await assert.rejects(book(t.database.db, 'B2', { fail: true }), /could not be saved/)
      const bookings = await sql<{ n: number }>`select count(*)::int as n from probe_bookings where id = 'B2'`.execute(t.database.db)
      assert.equal(bookings.rows[0]?.n, 0)
      // Give the worker time to find anything there were to find.
      await new Promise((r) => setTimeout(r, 1200))
      assert.deepEqual(await rows(t, 'probe-booking:B2'), [])
      const jobs = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'notify-send'`.execute(t.database.db)
      const messages = await sql<{ n: number }>`select count(*)::int as n from notify_messages`.execute(t.database.db)
      assert.equal(jobs.rows[0]?.n, messages.rows[0]?.n, 'one job for each message, none for the rolled-back one')
    })

    test('asking twice with one idempotency key sends once', async () => {
      const first = await book(t.database.db, 'B3')
      const again = await sendMessage(t.database.db, {
        type: 'probe-booking-confirmed',
        to: { email: 'B3@example.com' },
        lang: 'en',
        personalisation: { name: 'Ann Smith', reference: 'B3' },
        idempotencyKey: 'probe-booking:B3',
      })
      assert.equal(again, first)
      assert.equal((await rows(t, 'probe-booking:B3')).length, 1)
    })

    test('a wrong request fails the caller’s transaction instead of losing the message', async () => {
      const db = t.database.db
      await assert.rejects(sendMessage(db, { type: 'probe-unknown', to: { email: 'a@example.com' }, lang: 'en', personalisation: {}, idempotencyKey: 'x:1' }), /Unknown message type/)
      await assert.rejects(
        sendMessage(db, { type: 'probe-booking-confirmed', to: { email: 'a@example.com' }, lang: 'en', personalisation: { name: 'A' }, idempotencyKey: 'x:2' }),
        /missing personalisation: reference/,
      )
      await assert.rejects(
        sendMessage(db, { type: 'probe-booking-confirmed', to: {}, lang: 'en', personalisation: { name: 'A', reference: 'R' }, idempotencyKey: 'x:3' }),
        /no such address/,
      )
    })

    test('the outbox page is for platform admins only, in English and Welsh', async () => {
      await book(t.database.db, 'B4', { lang: 'cy' })
      await until(() => rows(t, 'probe-booking:B4'), (r) => r[0]?.status === 'sent')
      const nobody = await new Client(t.app).get('/staff/outbox')
      assert.equal(nobody.statusCode, 303)
      assert.match(nobody.headers.location as string, /^\/staff\/sign-in/)
      const visits = new Client(t.app)
      await signIn(visits, await makeStaff(t.database.db, [{ role: 'visits-staff', scope: { kind: 'all' } }]))
      assert.equal((await visits.get('/staff/outbox')).statusCode, 403)
      const page = await admin.get('/staff/outbox')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<h1 class="govuk-heading-l">Outbox<\/h1>/)
      assert.match(page.body, /probe-booking-confirmed · Email/)
      assert.match(page.body, /B4@example\.com/)
      assert.match(page.body, /Annwyl Ann Smith,<\/p><p class="govuk-body">Eich cyfeirnod yw B4\./)
      assert.match(page.body, /govuk-tag--turquoise">\s*Sent/)
      const welsh = await admin.get('/staff/outbox?lang=cy')
      assert.match(welsh.body, /<h1 class="govuk-heading-l">Blwch anfon<\/h1>/)
      const views = await sql<{ n: number }>`select count(*)::int as n from audit_events where action = 'notify.outbox.view'`.execute(t.database.db)
      assert.equal(views.rows[0]?.n, 2, 'each view of the outbox is audited')
    })

    test('justice outbox prints the latest messages', async () => {
      const lines: string[] = []
      await printOutbox(t.database, 3, (l) => lines.push(l))
      const text = lines.join('\n')
      assert.match(text, /sent {2}probe-booking-confirmed {2}email {2}to B4@example\.com {2}attempts 1/)
      assert.match(text, /subject: Archeb wedi’i chadarnhau/)
      assert.match(text, /\| Eich cyfeirnod yw B4\./)
    })

    test('after the retention period recipients and text are gone, and the counts stay', async () => {
      const db = notifyDb(t.database.db)
      const before = await statusCounts(db)
      await sql`update notify_messages set created_at = now() - interval '91 days' where idempotency_key = 'probe-booking:B1'`.execute(t.database.db)
      assert.equal(await redactOlderThan(db, 90), 2)
      assert.equal(await redactOlderThan(db, 90), 0)
      const gone = await rows(t, 'probe-booking:B1')
      assert.deepEqual(
        gone.map((m) => [m.status, m.recipient, m.body]),
        [
          ['sent', null, null],
          ['sent', null, null],
        ],
      )
      assert.equal((await rows(t, 'probe-booking:B4'))[0]?.recipient, 'B4@example.com')
      assert.deepEqual(await statusCounts(db), before)
      const page = await admin.get('/staff/outbox?lang=en')
      assert.match(page.body, /Removed after the retention period/)
    })
  })
}

/**
 * The GOV.UK Notify provider against a local server that answers as Notify's
 * API does: success, refusals, rate limits, server errors, timeouts, delivery
 * receipts, and several workers sharing the queue without sending twice.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { startTestApp, testConfig, type TestApp } from '../support/app.js'
import { databaseKinds } from '../support/databases.js'
import { EMAIL_TEMPLATE_ID, FAKE_API_KEY, FakeNotify, SMS_TEMPLATE_ID } from '../support/fake-notify.js'
import type { JusticeService } from '../../src/platform/service.js'
import type { NotifyConfig } from '../../src/config.js'
import { sendMessage, startNotifyQueue, type MessageType } from '../../src/platform/notify/index.js'
import { deliverMessage } from '../../src/platform/notify/worker.js'
import { notifyProvider } from '../../src/platform/notify/providers.js'
import { SendFailure } from '../../src/platform/notify/failures.js'

const messageTypes: MessageType[] = [
  {
    type: 'probe-visit-booked',
    channels: ['email', 'sms'],
    personalisation: ['reference'],
    render: (lang, p) =>
      lang === 'cy'
        ? { subject: 'Ymweliad wedi’i drefnu', body: `Cyfeirnod: ${p.reference}` }
        : { subject: 'Visit booked', body: `Reference: ${p.reference}` },
  },
]

const probe: JusticeService = {
  id: 'probe',
  name: { en: 'Probe', cy: 'Prawf' },
  description: { en: 'Tests', cy: 'Profion' },
  path: '/probe',
  listed: false,
  messageTypes,
  async plugin() {},
}

const CALLBACK_TOKEN = 'callback-token-for-tests-0123456789'

let counter = 0
async function ask(t: TestApp, to: { email?: string; phone?: string }, lang: 'en' | 'cy' = 'en'): Promise<string> {
  counter += 1
  return t.database.db
    .transaction()
    .execute((trx) => sendMessage(trx, { type: 'probe-visit-booked', to, lang, personalisation: { reference: `REF-${counter}` }, idempotencyKey: `probe:${counter}` }))
}

async function message(t: TestApp, id: string) {
  const result = await sql<{ status: string; attempts: number; last_error: string | null; provider_id: string | null; provider: string | null }>`
    select status, attempts, last_error, provider_id, provider from notify_messages where id = ${id}`.execute(t.database.db)
  return result.rows[0]
}

async function until<T>(what: () => Promise<T>, ok: (value: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await what()
    if (ok(value) || Date.now() > deadline) return value
    await new Promise((r) => setTimeout(r, 200))
  }
}

for (const kind of databaseKinds()) {
  describe(`GOV.UK Notify contract on ${kind}`, () => {
    const notify = new FakeNotify()
    let t: TestApp
    let config: NotifyConfig
    const attempt = (id: string, lastAttempt = false) =>
      deliverMessage(t.database, notifyProvider(config), id, { leaseSeconds: 1, lastAttempt })
    /** The lease of a failed attempt has ended (it lasts one second here). */
    const afterLease = () => sql`update notify_messages set lease_until = null`.execute(t.database.db)

    before(async () => {
      await notify.start()
      // No worker in the app: these tests run each attempt themselves, or start their own workers.
      t = await startTestApp(kind, { services: [probe], config: { notify: { ...testConfig().notify, worker: false } } })
      config = {
        ...t.config.notify,
        provider: 'notify',
        apiKey: FAKE_API_KEY,
        baseUrl: notify.url,
        emailTemplateId: EMAIL_TEMPLATE_ID,
        smsTemplateId: SMS_TEMPLATE_ID,
        callbackToken: CALLBACK_TOKEN,
        timeoutMs: 300,
        worker: false,
      }
      t.config.notify.callbackToken = CALLBACK_TOKEN
    })
    after(async () => {
      await t.close()
      await notify.stop()
    })

    test('success: email and text go with the generic templates, our words as personalisation and our id as reference', async () => {
      const email = await ask(t, { email: 'ok@example.com' }, 'cy')
      const text = await ask(t, { phone: '07700900001' })
      assert.equal(await attempt(email), 'sent')
      assert.equal(await attempt(text), 'sent')
      const [sentEmail] = notify.sentTo(email)
      const [sentText] = notify.sentTo(text)
      assert.ok(sentEmail && sentText)
      assert.equal(sentEmail.templateId, EMAIL_TEMPLATE_ID)
      assert.equal(sentEmail.personalisation.subject, 'Ymweliad wedi’i drefnu')
      assert.match(sentEmail.personalisation.body ?? '', /^Cyfeirnod: REF-/)
      assert.match(sentEmail.personalisation.reference ?? '', /^REF-/)
      assert.equal(sentText.templateId, SMS_TEMPLATE_ID)
      assert.equal(sentText.recipient, '07700900001')
      assert.equal(sentText.personalisation.subject, undefined)
      const row = await message(t, email)
      assert.equal(row?.status, 'sent')
      assert.equal(row?.provider, 'notify')
      assert.equal(row?.provider_id, sentEmail.id)
    })

    for (const status of [400, 403] as const) {
      test(`${status}: fails at once, for good, with Notify's reason`, async () => {
        notify.script(`refused-${status}@example.com`, [status])
        const id = await ask(t, { email: `refused-${status}@example.com` })
        assert.equal(await attempt(id), 'failed')
        const row = await message(t, id)
        assert.equal(row?.status, 'failed')
        assert.match(row?.last_error ?? '', new RegExp(`GOV.UK Notify answered ${status}: ${status === 400 ? 'BadRequestError' : 'AuthError'}`))
        assert.equal(notify.sends.filter((s) => s.reference === id).length, 1)
      })
    }

    for (const status of [429, 500] as const) {
      test(`${status}: retried, and the retry checks Notify before sending once`, async () => {
        const address = `busy-${status}@example.com`
        notify.script(address, [status, 'ok'])
        const id = await ask(t, { email: address })
        await assert.rejects(attempt(id), (e: unknown) => e instanceof SendFailure && e.kind === 'retry')
        const retrying = await message(t, id)
        assert.equal(retrying?.status, 'retrying')
        assert.match(retrying?.last_error ?? '', new RegExp(`answered ${status}`))
        await afterLease()
        assert.equal(await attempt(id), 'sent')
        assert.ok(notify.lookups.includes(id), 'the second attempt asked Notify for our reference')
        assert.equal(notify.sentTo(id).length, 1)
        assert.equal((await message(t, id))?.attempts, 2)
      })
    }

    test('500 on the last attempt: given up and recorded, with the reason', async () => {
      notify.script('down@example.com', [500])
      const id = await ask(t, { email: 'down@example.com' })
      assert.equal(await attempt(id, true), 'failed')
      const row = await message(t, id)
      assert.equal(row?.status, 'failed')
      assert.match(row?.last_error ?? '', /^Gave up after 1 attempts\. GOV\.UK Notify answered 500/)
    })

    test('timeout: the answer never came, but Notify had it, so the retry records it without sending again', async () => {
      notify.script('slow@example.com', ['slow'])
      const id = await ask(t, { email: 'slow@example.com' })
      await assert.rejects(attempt(id), (e: unknown) => e instanceof SendFailure && e.kind === 'retry' && /in time/.test(e.message))
      await afterLease()
      assert.equal(await attempt(id), 'already-sent')
      assert.equal(notify.sends.filter((s) => s.reference === id).length, 1)
      assert.equal((await message(t, id))?.provider_id, notify.sentTo(id)[0]?.id)
    })

    test('the callback: a bearer token is required, and receipts set the status', async () => {
      const id = await ask(t, { email: 'receipt@example.com' })
      await attempt(id)
      const notification = notify.sentTo(id)[0]
      assert.ok(notification)
      const receipt = (status: string) => ({
        id: notification.id,
        reference: id,
        to: 'receipt@example.com',
        status,
        created_at: '2026-11-29T10:00:00.000000Z',
        completed_at: '2026-11-29T10:00:05.000000Z',
        sent_at: '2026-11-29T10:00:01.000000Z',
        notification_type: 'email',
        template_id: EMAIL_TEMPLATE_ID,
        template_version: 1,
      })
      const post = (body: unknown, authorization?: string) =>
        t.app.inject({ method: 'POST', url: '/notify/callbacks', payload: body as object, headers: authorization ? { authorization } : {} })
      assert.equal((await post(receipt('delivered'))).statusCode, 401)
      assert.equal((await post(receipt('delivered'), 'Bearer not-the-token-at-all-000000')).statusCode, 401)
      assert.equal((await message(t, id))?.status, 'sent')
      assert.equal((await post(receipt('delivered'), `Bearer ${CALLBACK_TOKEN}`)).statusCode, 204)
      assert.equal((await message(t, id))?.status, 'delivered')
      assert.equal((await post(receipt('permanent-failure'), `Bearer ${CALLBACK_TOKEN}`)).statusCode, 204)
      assert.equal((await message(t, id))?.status, 'permanent-failure')
      assert.equal((await post({ nonsense: true }, `Bearer ${CALLBACK_TOKEN}`)).statusCode, 400)
      assert.equal((await post({ ...receipt('delivered'), id: 'unknown', reference: null }, `Bearer ${CALLBACK_TOKEN}`)).statusCode, 204)
    })

    test('through the queue: a 500 is retried by pg-boss with backoff, and three workers send each message once', async () => {
      notify.script('queue-500@example.com', [500, 'ok'])
      const quick = { ...config, retryDelaySeconds: 1, pollingSeconds: 0.5, maintenanceSeconds: 1 }
      const log = { info: () => {}, warn: () => {}, error: () => {} }
      const workers = await Promise.all([1, 2, 3].map(() => startNotifyQueue(t.database, quick, { work: true, log })))
      try {
        const retried = await ask(t, { email: 'queue-500@example.com' })
        const many: string[] = []
        for (let i = 0; i < 12; i++) many.push(await ask(t, { email: `many-${i}@example.com` }))
        const settled = await until(
          () => sql<{ n: number }>`select count(*)::int as n from notify_messages where id = any(${[retried, ...many]}) and status = 'sent'`.execute(t.database.db),
          (r) => r.rows[0]?.n === many.length + 1,
        )
        assert.equal(settled.rows[0]?.n, many.length + 1)
        for (const id of many) assert.equal(notify.sends.filter((s) => s.reference === id).length, 1)
        assert.equal(notify.sentTo(retried).length, 1)
        assert.equal((await message(t, retried))?.attempts, 2)
      } finally {
        await Promise.all(workers.map((w) => w.stop()))
      }
    })
  })
}

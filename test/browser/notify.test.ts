/**
 * The outbox in Chromium: a platform admin signs in and reads the messages
 * sent, including a failed one with its reason, in English and Welsh; axe
 * clean, no CSP or script errors.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { sql } from 'kysely'
import { axe, browserUnavailable, describeViolations, launchBrowser, startBrowserServer, watchedPage, type BrowserServer } from '../support/browser.js'
import { makeStaff } from '../support/staff.js'
import { testConfig } from '../support/app.js'
import { totpCode } from '../../src/platform/staff/two-factor.js'
import { sendMessage, type MessageType } from '../../src/platform/notify/index.js'
import type { JusticeService } from '../../src/platform/service.js'

const skip = browserUnavailable()

const messageTypes: MessageType[] = [
  {
    type: 'probe-visit-booked',
    channels: ['email', 'sms'],
    personalisation: ['when'],
    render: (lang, p) =>
      lang === 'cy'
        ? { subject: 'Ymweliad wedi’i drefnu', body: `Mae eich ymweliad ar ${p.when}.\n\nDiolch.` }
        : { subject: 'Visit booked', body: `Your visit is on ${p.when}.\n\nThank you.` },
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

describe('the outbox in Chromium', { skip }, () => {
  let browser: Browser
  let server: BrowserServer
  before(async () => {
    // No worker: the test settles the messages itself, so the page is the same every run.
    server = await startBrowserServer({ services: [probe], config: { notify: { ...testConfig().notify, worker: false } } })
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('a platform admin reads sent and failed messages, in English and Welsh', async () => {
    const db = server.app.database.db
    await sendMessage(db, { type: 'probe-visit-booked', to: { email: 'visitor@example.com', phone: '07700900456' }, lang: 'en', personalisation: { when: '3 December' }, idempotencyKey: 'probe:1' })
    const failed = await sendMessage(db, { type: 'probe-visit-booked', to: { email: 'wrong@example.com' }, lang: 'cy', personalisation: { when: '4 Rhagfyr' }, idempotencyKey: 'probe:2' })
    await sql`update notify_messages set status = 'sent', attempts = 1, provider = 'outbox' where id <> ${failed}`.execute(db)
    await sql`update notify_messages set status = 'failed', attempts = 1, provider = 'notify', last_error = 'GOV.UK Notify answered 400: ValidationError - email_address Not a valid email address' where id = ${failed}`.execute(db)

    const staff = await makeStaff(db, [{ role: 'platform-admin', scope: { kind: 'all' } }])
    const context = await browser.newContext()
    const { page, problems } = await watchedPage(context)
    await page.goto(`${server.baseUrl}/staff/outbox`)
    await page.waitForURL(/\/staff\/sign-in/)
    await page.fill('#email', staff.email)
    await page.fill('#password', staff.password)
    await page.click('button:has-text("Continue")')
    await page.waitForURL(/\/staff\/sign-in\/two-factor$/)
    await page.fill('#code', totpCode(staff.secret))
    await page.click('button:has-text("Continue")')
    await page.waitForURL(/\/staff\/outbox$/)

    assert.equal(await page.textContent('h1'), 'Outbox')
    const main = (await page.textContent('main')) ?? ''
    assert.match(main, /Your visit is on 3 December\./)
    assert.match(main, /07700900456/)
    assert.match(main, /Not a valid email address/)
    let violations = await axe(page)
    assert.equal(violations.length, 0, describeViolations(violations))

    await page.goto(`${server.baseUrl}/staff/outbox?lang=cy`)
    assert.equal(await page.textContent('h1'), 'Blwch anfon')
    assert.match((await page.textContent('main')) ?? '', /Mae eich ymweliad ar 4 Rhagfyr\./)
    violations = await axe(page)
    assert.equal(violations.length, 0, describeViolations(violations))
    assert.deepEqual(problems, [])
    await context.close()
  })
})

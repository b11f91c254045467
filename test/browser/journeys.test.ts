/**
 * The test journey in Chromium: with JavaScript on, every page (and its error
 * state) is axe clean with no script or CSP errors, a double click sends once,
 * and the session timeout warning extends the session; with JavaScript off the
 * whole journey, change links and save and return work.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import type { Browser, Page } from 'playwright-core'
import { axe, browserUnavailable, describeViolations, launchBrowser, startBrowserServer, watchedPage, type BrowserServer } from '../support/browser.js'
import { journeyProbeService } from '../support/test-journey.js'

const skip = browserUnavailable()
const lastYear = String(new Date().getFullYear() - 1)

async function axeClean(page: Page, where: string): Promise<void> {
  const violations = await axe(page)
  assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`)
}

const click = (page: Page, text: string) => page.click(`button:has-text("${text}")`)

/**
 * The browser's Back button. Now and then, just after a form was sent and
 * redirected, Chromium has not yet attached the new page for DevTools, and
 * Playwright's first step (reading the history) fails with "Not attached to
 * an active page" before anything has moved: ask again a moment later.
 */
async function goBack(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goBack()
      return
    } catch (error) {
      if (attempt === 5 || !/Not attached to an active page/.test(String(error))) throw error
      await page.waitForTimeout(200)
    }
  }
}

/** Answers the journey up to check answers, visiting the "yes" branch; checks each page as it goes. */
async function answerAll(page: Page, baseUrl: string, check: (where: string) => Promise<void>): Promise<void> {
  await page.goto(`${baseUrl}/apply`)
  await check('name')
  await click(page, 'Continue')
  assert.match(await page.title(), /^Error: /)
  await check('name with an error')
  await page.fill('#name', 'Ada Lovelace')
  await click(page, 'Continue')
  await page.fill('#dob-day', '10')
  await page.fill('#dob-month', '12')
  await click(page, 'Continue')
  assert.equal(await page.getAttribute('.govuk-error-summary a', 'href'), '#dob-year')
  assert.equal(await page.inputValue('#dob-day'), '10', 'answers are kept')
  await check('date of birth with an error')
  await page.fill('#dob-year', '1990')
  await click(page, 'Continue')
  await check('visited before')
  await page.check('#visited')
  await click(page, 'Continue')
  assert.match(page.url(), /\/apply\/last-visit$/)
  await page.fill('#lastVisit-day', '1')
  await page.fill('#lastVisit-month', '2')
  await page.fill('#lastVisit-year', lastYear)
  await click(page, 'Continue')
  await check('contact')
  await page.fill('#email', 'ada@example.com')
  await click(page, 'Continue')
  await page.fill('#visitor-1', 'Charles Babbage')
  await click(page, 'Add another visitor')
  await page.fill('#visitor-2', 'Mary Somerville')
  await check('visitors')
  await click(page, 'Continue')
  await check('visit time')
  await page.check('input[value="mon-am"]')
  await click(page, 'Continue')
  assert.match(page.url(), /\/apply\/check-your-answers$/)
}

async function applications(server: BrowserServer): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from test_journey_applications`.execute(server.app.database.db)
  return Number(r.rows[0]!.n)
}

describe('journeys in Chromium', { skip }, () => {
  let browser: Browser
  let server: BrowserServer
  let shortSession: BrowserServer
  let endsSoon: BrowserServer
  before(async () => {
    const launching = launchBrowser()
    launching.catch(() => {}) // awaited below; this only stops an early failure being reported as unhandled
    // One at a time: three apps migrating their databases at once in this process can starve each other's start-up past Fastify's plugin timeout.
    server = await startBrowserServer({ services: [journeyProbeService()] })
    // A session of 2 minutes 3 seconds: the warning, 2 minutes before the end, comes after 3 seconds.
    shortSession = await startBrowserServer({ services: [journeyProbeService({ sessionMinutes: 2.05 })] })
    // A session of 3 seconds, to see one end for real: a process trusts for a minute a session it extended itself (kept.ts).
    endsSoon = await startBrowserServer({ services: [journeyProbeService({ sessionMinutes: 0.05 })] })
    browser = await launching
  })
  after(async () => {
    await browser?.close()
    await server?.close()
    await shortSession?.close()
    await endsSoon?.close()
  })

  test('JavaScript on: every page axe clean in English and Welsh, change links, a double click sends once', async () => {
    const context = await browser.newContext()
    const { page, problems } = await watchedPage(context)
    await answerAll(page, server.baseUrl, (where) => axeClean(page, where))
    await axeClean(page, 'check answers')

    await page.click('a[href="/apply/visited-before?change=1"]')
    await page.check('#visited-2')
    await click(page, 'Continue')
    assert.match(page.url(), /\/apply\/check-your-answers$/)
    assert.equal(await page.isVisible('text=Last visit'), false)

    await page.goto(`${server.baseUrl}/apply/contact?lang=cy`)
    await axeClean(page, 'contact in Welsh')
    await page.goto(`${server.baseUrl}/apply/check-your-answers?lang=en`)

    const before = await applications(server)
    await page.dblclick('button:has-text("Accept and send")')
    await page.waitForURL(/\/apply\/confirmation$/)
    assert.equal(await applications(server), before + 1)
    assert.match((await page.textContent('[data-reference]')) ?? '', /^TST-/)
    await axeClean(page, 'confirmation')

    await page.click('a[href="/apply/feedback"]')
    await click(page, 'Send feedback')
    await axeClean(page, 'feedback with an error')
    await page.check('input[name="rating"][value="4"]')
    await click(page, 'Send feedback')
    await axeClean(page, 'feedback thanks')
    assert.deepEqual(problems, [])
    await context.close()
  })

  test('JavaScript on: save and return, session ended and expired link pages are axe clean', async () => {
    const context = await browser.newContext()
    const { page, problems } = await watchedPage(context)
    await page.goto(`${server.baseUrl}/apply/name`)
    await page.fill('#name', 'Grace Hopper')
    await click(page, 'Save and come back later')
    await click(page, 'Send the link')
    await axeClean(page, 'save page with an error')
    await page.fill('#email', 'grace@example.com')
    await click(page, 'Send the link')
    await axeClean(page, 'link sent')
    const message = await sql<{ body: string }>`select body from notify_messages where type = 'journey-save-link' order by created_at desc limit 1`.execute(server.app.database.db)
    const link = new URL(/(http\S+\/apply\/return\/\S+)/.exec(message.rows[0]!.body)![1]!)
    await page.goto(`${server.baseUrl}${link.pathname}?lang=cy`)
    await axeClean(page, 'continue your application, in Welsh')
    await click(page, 'Parhau â’ch cais')
    assert.match(page.url(), /\/apply\/date-of-birth$/)
    await page.goto(`${server.baseUrl}${link.pathname}?lang=en`)
    assert.ok(await page.isVisible('text=This link has expired or has already been used'))
    await axeClean(page, 'expired link')

    await page.goto(`${endsSoon.baseUrl}/apply/name`)
    await page.fill('#name', 'Grace Hopper')
    await click(page, 'Continue')
    await page.waitForTimeout(3500)
    await page.goto(`${endsSoon.baseUrl}/apply/date-of-birth`)
    assert.match(page.url(), /\/apply\/session-ended$/)
    await axeClean(page, 'session ended')
    await click(page, 'Continue your application')
    assert.match(page.url(), /\/apply\/date-of-birth$/)
    assert.deepEqual(problems.filter((p) => !p.includes('410')), [])
    await context.close()
  })

  test('JavaScript off: the whole journey, save and come back later, then send', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await answerAll(page, server.baseUrl, async () => {})
    await page.goto(`${server.baseUrl}/apply/contact`)
    await click(page, 'Save and come back later')
    await page.fill('#email', 'ada@example.com')
    await click(page, 'Send the link')
    assert.match((await page.textContent('h1')) ?? '', /We have sent you a link/)
    await context.close()

    const message = await sql<{ body: string }>`select body from notify_messages where type = 'journey-save-link' order by created_at desc limit 1`.execute(server.app.database.db)
    const link = new URL(/(http\S+\/apply\/return\/\S+)/.exec(message.rows[0]!.body)![1]!)
    const later = await browser.newContext({ javaScriptEnabled: false })
    const resumed = await later.newPage()
    await resumed.goto(`${server.baseUrl}${link.pathname}`)
    await click(resumed, 'Continue your application')
    assert.match(resumed.url(), /\/apply\/check-your-answers$/)
    assert.ok(await resumed.isVisible('text=Mary Somerville'))
    const before = await applications(server)
    await click(resumed, 'Accept and send')
    assert.match(resumed.url(), /\/apply\/confirmation$/)
    // Back: either the browser shows its copy of the form, and sending again shows the same confirmation,
    // or it asks the server, which sends it to the confirmation.
    await goBack(resumed)
    if (await resumed.isVisible('button:has-text("Accept and send")')) await click(resumed, 'Accept and send')
    assert.match(resumed.url(), /\/apply\/confirmation$/, 'back and send again shows the same confirmation')
    assert.equal(await applications(server), before + 1)
    await later.close()
  })

  test('warns before the session ends, is axe clean, and staying extends the session', async () => {
    const context = await browser.newContext()
    const { page, problems } = await watchedPage(context)
    await page.goto(`${shortSession.baseUrl}/apply/name`)
    await page.fill('#name', 'Ada Lovelace')
    await click(page, 'Continue')
    assert.equal(await page.isVisible('dialog'), false)
    await page.waitForSelector('dialog[open]', { timeout: 10_000 })
    assert.ok(await page.isVisible('text=You are about to be signed out'))
    await axeClean(page, 'timeout warning')
    const extended = page.waitForResponse((r) => r.url().endsWith('/apply/keep-alive'))
    await click(page, 'Stay on this page')
    assert.equal((await extended).status(), 200)
    assert.equal(await page.isVisible('dialog'), false)
    assert.deepEqual(problems, [])
    await context.close()
  })
})

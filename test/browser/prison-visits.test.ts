/**
 * Booking a prison visit in Chromium, with JavaScript on (the prison
 * autocomplete) and off, in English and Welsh, axe clean on every page (axe runs where JavaScript is on).
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { axe, browserUnavailable, describeViolations, launchBrowser, startBrowserServer, watchedPage, type BrowserServer } from '../support/browser.js'
import { REFERENCE_DATA_DIR } from '../support/app.js'
import { withTables } from '../../src/platform/db/index.js'
import { runImport } from '../../src/platform/reference-data/index.js'
import { prisonVisits } from '../../src/services/prison-visits/index.js'
import { prisonsImporter } from '../../src/services/prison-visits/import.js'
import { todayInLondon } from '../../src/services/prison-visits/rules/dates.js'
import { totpCode } from '../../src/platform/staff/two-factor.js'
import { makeStaff } from '../support/staff.js'
import type { PrisonVisitsTables } from '../../src/services/prison-visits/schema.js'

const skip = browserUnavailable()

/** axe runs in the page, so only where JavaScript is on. */
async function clean(page: Page, where: string, javaScript: boolean): Promise<void> {
  if (!javaScript) return
  const violations = await axe(page)
  assert.deepEqual(violations, [], `${where}:\n${describeViolations(violations)}`)
}

describe('prison visits in Chromium', { skip }, () => {
  let browser: Browser
  let server: BrowserServer
  before(async () => {
    server = await startBrowserServer({ services: [prisonVisits] })
    await runImport(server.app.database.db, prisonsImporter, join(REFERENCE_DATA_DIR, 'prisons'), { info: () => {}, warn: () => {} })
    const db = withTables<PrisonVisitsTables>(server.app.database.db)
    await db
      .insertInto('prison_visits_prisoners')
      .values(['A1234BC', 'B1234BC', 'C1234BC'].map((number) => ({ number, first_name: 'Test', last_name: 'Prisoner', date_of_birth: '1980-01-15', prison_code: 'BCI', category: 'convicted' as const, allowance_balance: 5, allowance_accrued_on: todayInLondon(), closed_visits_only: false, visits_banned: false, synthetic: true })))
      .execute()
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  for (const [javaScriptEnabled, lang, number] of [[true, 'en', 'A1234BC'], [false, 'en', 'B1234BC'], [true, 'cy', 'C1234BC']] as const) {
    test(`book a visit end to end with JavaScript ${javaScriptEnabled ? 'on' : 'off'}, in ${lang === 'cy' ? 'Welsh' : 'English'}`, async () => {
      const context = await browser.newContext({ javaScriptEnabled })
      const { page, problems } = await watchedPage(context)
      const next = () => page.click('button[value="continue"]')
      await page.goto(`${server.baseUrl}/prison-visits?lang=${lang}`)
      await clean(page, 'start', javaScriptEnabled)
      await Promise.all([page.waitForURL(/\/book\/prison/), page.click('.govuk-button--start')])
      await clean(page, 'prison', javaScriptEnabled)
      if (javaScriptEnabled) {
        // A letter missed still finds it.
        await page.fill('#prison', 'Bukley')
        // With suggestions showing (and the type-ahead hint drawn), the page is still axe clean.
        await page.waitForSelector('.autocomplete__option')
        await clean(page, 'prison with suggestions', javaScriptEnabled)
        await page.click('.autocomplete__option >> text=Buckley Hall')
      } else {
        await page.selectOption('#prison', 'BCI')
      }
      await Promise.all([page.waitForURL(/\/book\/prisoner/), next()])
      await page.fill('#firstName', 'Test')
      await page.fill('#lastName', 'Prisoner')
      await page.fill('#dateOfBirth-day', '15')
      await page.fill('#dateOfBirth-month', '1')
      await page.fill('#dateOfBirth-year', '1980')
      await page.fill('#number', 'x1234bc')
      await next()
      assert.ok(await page.isVisible('.govuk-error-summary'), 'a wrong number is refused')
      await clean(page, 'prisoner with errors', javaScriptEnabled)
      await page.fill('#number', number.toLowerCase())
      await Promise.all([page.waitForURL(/\/book\/visitors/), next()])
      await page.fill('#visitor-1-first', 'Ann')
      await page.fill('#visitor-1-last', 'Visitor')
      await page.fill('#visitor-1-dob-day', '5')
      await page.fill('#visitor-1-dob-month', '5')
      await page.fill('#visitor-1-dob-year', '1985')
      await page.click('button[value="add"]')
      await page.fill('#visitor-2-first', 'Ben')
      await page.fill('#visitor-2-last', 'Visitor')
      await page.fill('#visitor-2-dob-day', '1')
      await page.fill('#visitor-2-dob-month', '2')
      await page.fill('#visitor-2-dob-year', '2015')
      await clean(page, 'visitors', javaScriptEnabled)
      await Promise.all([page.waitForURL(/\/book\/visit-time/), next()])
      await clean(page, 'visit time', javaScriptEnabled)
      await page.locator('input[name="session"]:not([disabled])').first().check()
      await Promise.all([page.waitForURL(/\/book\/additional-support/), next()])
      await clean(page, 'support', javaScriptEnabled)
      await Promise.all([page.waitForURL(/\/book\/contact-details/), next()])
      await next()
      assert.ok(await page.isVisible('.govuk-error-summary'), 'an email or a mobile is needed')
      await clean(page, 'contact with errors', javaScriptEnabled)
      await page.fill('#email', 'ann@example.com')
      await Promise.all([page.waitForURL(/\/book\/check-your-answers/), next()])
      await clean(page, 'check answers', javaScriptEnabled)
      await Promise.all([page.waitForURL(/\/book\/confirmation/), page.click('form button.govuk-button')])
      assert.match((await page.textContent('.govuk-panel__title')) ?? '', lang === 'cy' ? /Ymweliad wedi’i archebu/ : /Visit booked/)
      await clean(page, 'confirmation', javaScriptEnabled)
      assert.deepEqual(problems, [])
      await context.close()
    })
  }

  test('the staff pages are axe clean', async () => {
    const staff = await makeStaff(server.app.database.db, [{ role: 'visits-staff', scope: { kind: 'prisons', values: ['BCI'] } }])
    const context = await browser.newContext()
    const { page, problems } = await watchedPage(context)
    await page.goto(`${server.baseUrl}/staff/sign-in?lang=en`)
    await page.fill('#email', staff.email)
    await page.fill('#password', staff.password)
    await page.click('button:has-text("Continue")')
    await page.waitForURL(/\/staff\/sign-in\/two-factor$/)
    await page.fill('#code', totpCode(staff.secret))
    await page.click('button:has-text("Continue")')
    await page.waitForURL(/\/staff(\/prison-visits.*)?$/)
    const db = withTables<PrisonVisitsTables>(server.app.database.db)
    const visit = await db.selectFrom('prison_visits_visits').select(['reference', 'date']).where('prison_code', '=', 'BCI').executeTakeFirstOrThrow()
    for (const path of [`/staff/prison-visits/BCI?date=${visit.date}`, '/staff/prison-visits/BCI/requests', `/staff/prison-visits/BCI/visits/${visit.reference}`, '/staff/prison-visits/BCI/search?q=Visitor', '/staff/prison-visits/BCI/blocked-dates', '/staff/prison-visits/BCI/sessions', '/staff/prison-visits/BCI/book', '/staff/prison-visits/BCI/prisoners/A1234BC']) {
      const response = await page.goto(`${server.baseUrl}${path}`)
      assert.equal(response?.status(), 200, path)
      await clean(page, path, true)
    }
    assert.deepEqual(problems, [])
    await context.close()
  })
})

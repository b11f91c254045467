/**
 * The court finder in Chromium: search to a court page with JavaScript on and
 * off, and every kind of court finder page axe clean (WCAG 2.2 AA) in English and Welsh.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { axe, browserUnavailable, describeViolations, launchBrowser, startBrowserServer, watchedPage, type BrowserServer } from '../support/browser.js'
import { REFERENCE_DATA_DIR } from '../support/app.js'
import { runImport } from '../../src/platform/reference-data/index.js'
import { postcodeImporter } from '../../src/platform/reference-data/postcodes.js'
import { courtsService } from '../../src/services/courts/index.js'
import { courtImporter } from '../../src/services/courts/importer.js'
import { totpCode } from '../../src/platform/staff/two-factor.js'
import { makeStaff } from '../support/staff.js'

const skip = browserUnavailable()
const quiet = { info: () => {}, warn: () => {} }

const PAGES = [
  '/courts',
  '/courts/search?q=Leeds+Combind+Court',
  '/courts/search?q=',
  '/courts/search?postcode=LS1+3BG',
  '/courts/search?postcode=nonsense',
  '/courts/search?postcode=EH1+1YZ',
  '/courts/a-z',
  '/courts/services',
  '/courts/services/money/money-claims',
  '/courts/services/money/money-claims?postcode=LS1+3BG',
  '/courts/services/childcare-and-parenting/childcare-arrangements?postcode=B38+0AA',
  '/courts/leeds-combined-court-centre',
  '/courts/aberystwyth-justice-centre',
  '/courts/civil-national-business-centre-cnbc',
  '/courts/aberdare-county-court',
]

describe('court finder in Chromium', { skip }, () => {
  let browser: Browser
  let server: BrowserServer
  before(async () => {
    server = await startBrowserServer({ services: [courtsService] })
    await runImport(server.app.database.db, postcodeImporter, join(REFERENCE_DATA_DIR, 'postcodes'), quiet)
    await runImport(server.app.database.db, courtImporter, join(REFERENCE_DATA_DIR, 'courts'), quiet)
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  for (const javaScriptEnabled of [true, false]) {
    test(`search by name, then postcode, to a court page with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ javaScriptEnabled })
      const { page, problems } = await watchedPage(context)
      await page.goto(`${server.baseUrl}/courts?lang=en`)
      await page.fill('#q', 'Leeds Combind Court')
      await Promise.all([page.waitForURL(/\/courts\/search\?q=/), page.locator('form:has(#q) button').click()])
      await Promise.all([page.waitForURL(/\/courts\/leeds-combined-court-centre$/), page.click('[data-results] a[href="/courts/leeds-combined-court-centre"]')])
      assert.equal(await page.textContent('h1'), 'Leeds Combined Court Centre')
      assert.ok(await page.isVisible('text=Court codes for legal professionals'))

      await page.goto(`${server.baseUrl}/courts`)
      await page.fill('#postcode', 'ls1 3bg')
      await Promise.all([page.waitForURL(/\/courts\/search\?postcode=/), page.locator('form:has(#postcode) button').click()])
      assert.match((await page.textContent('h1')) ?? '', /nearest to LS1 3BG/)
      assert.equal(await page.locator('[data-distance]').count(), 10)
      await page.fill('#postcode', 'nonsense')
      await Promise.all([page.waitForURL(/postcode=nonsense/), page.locator('form:has(#postcode) button').click()])
      assert.ok(await page.isVisible('.govuk-error-summary'))
      assert.equal(await page.inputValue('#postcode'), 'nonsense')
      assert.deepEqual(problems, [])
      await context.close()
    })
  }

  test('find the court for a money claim by the help needed, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${server.baseUrl}/courts/services?lang=en`)
    await page.click('a[href="/courts/services/money"]')
    await page.click('a[href="/courts/services/money/money-claims"]')
    await page.fill('#postcode', 'LS1 3BG')
    await Promise.all([page.waitForURL(/postcode=LS1/), page.click('form[method="get"] button')])
    assert.ok(await page.isVisible('text=Your case will be handled by the Civil National Business Centre'))
    await context.close()
  })

  for (const lang of ['en', 'cy'] as const) {
    test(`every kind of court finder page is axe clean in ${lang}`, async () => {
      const context = await browser.newContext()
      const { page, problems } = await watchedPage(context)
      for (const path of PAGES) {
        await page.goto(`${server.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`)
        assert.equal(await page.getAttribute('html', 'lang'), lang, path)
        const violations = await axe(page)
        assert.equal(violations.length, 0, `${path}\n${describeViolations(violations)}`)
      }
      assert.deepEqual(problems, [])
      await context.close()
    })
  }

  test('staff court data pages are axe clean, with and without errors', async () => {
    const admin = await makeStaff(server.app.database.db, [{ role: 'court-data-admin', scope: { kind: 'all' } }])
    const context = await browser.newContext()
    const { page, problems } = await watchedPage(context)
    await page.goto(`${server.baseUrl}/staff/sign-in?lang=en`)
    await page.fill('#email', admin.email)
    await page.fill('#password', admin.password)
    await Promise.all([page.waitForURL(/two-factor/), page.locator('main form button[type="submit"]').first().click()])
    await page.fill('#code', totpCode(admin.secret))
    await Promise.all([page.waitForURL(/\/staff$/), page.locator('main form button[type="submit"]').first().click()])
    for (const path of ['/staff/courts', '/staff/courts/leeds-combined-court-centre', '/staff/courts/leeds-combined-court-centre/addresses', '/staff/courts/leeds-combined-court-centre/areas-of-law', '/staff/courts/leeds-combined-court-centre/general']) {
      await page.goto(`${server.baseUrl}${path}`)
      const violations = await axe(page)
      assert.equal(violations.length, 0, `${path}\n${describeViolations(violations)}`)
    }
    await page.fill('#name', '')
    await Promise.all([page.waitForLoadState('load'), page.locator('main form button[type="submit"]').first().click()])
    assert.ok(await page.isVisible('.govuk-error-summary'))
    const violations = await axe(page)
    assert.equal(violations.length, 0, describeViolations(violations))
    assert.deepEqual(problems, [])
    await context.close()
  })
})

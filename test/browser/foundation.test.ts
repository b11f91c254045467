/**
 * Every foundation page in a real browser: axe finds nothing (WCAG 2.2 AA),
 * no CSP violation or script error with JavaScript on, and each page works
 * with JavaScript off, in English and Welsh.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { axe, browserUnavailable, describeViolations, launchBrowser, startBrowserServer, watchedPage, type BrowserServer } from '../support/browser.js'

const PAGES = ['/', '/cookies', '/accessibility', '/privacy', '/contact', '/no-such-page']
const skip = browserUnavailable()

describe('foundation pages in Chromium', { skip }, () => {
  let browser: Browser
  let server: BrowserServer
  before(async () => {
    server = await startBrowserServer()
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  for (const lang of ['en', 'cy'] as const) {
    for (const path of PAGES) {
      test(`${path} in ${lang}: axe clean, no script or CSP errors`, async () => {
        const context = await browser.newContext()
        const { page, problems } = await watchedPage(context)
        const response = await page.goto(`${server.baseUrl}${path}?lang=${lang}`)
        assert.equal(response?.status(), path === '/no-such-page' ? 404 : 200)
        assert.equal(await page.getAttribute('html', 'lang'), lang)
        // GOV.UK Frontend ran: it marks the body once its JavaScript has initialised.
        assert.match((await page.getAttribute('body', 'class')) ?? '', /govuk-frontend-supported/)
        const violations = await axe(page)
        assert.equal(violations.length, 0, describeViolations(violations))
        assert.deepEqual(problems.filter((p) => !p.includes('404')), [])
        await context.close()
      })
    }
  }

  test('every page works with JavaScript off, and the language switcher is a plain link', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    for (const path of PAGES.filter((p) => p !== '/no-such-page')) {
      const response = await page.goto(`${server.baseUrl}${path}`)
      assert.equal(response?.status(), 200)
      assert.ok(await page.isVisible('h1'))
    }
    await page.goto(`${server.baseUrl}/cookies`)
    await page.click('a[hreflang="cy"]')
    assert.equal(await page.getAttribute('html', 'lang'), 'cy')
    await page.goto(`${server.baseUrl}/`)
    assert.equal(await page.getAttribute('html', 'lang'), 'cy', 'the choice is remembered')
    await context.close()
  })
})

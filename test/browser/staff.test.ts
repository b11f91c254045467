/**
 * Staff sign-in in Chromium: an admin sets up their account from the link
 * `justice staff create-admin` prints, signs in with a TOTP code (the test is
 * their authenticator app), gives themselves a prison and uses that prison's
 * page. Every page on the way is axe clean, with no CSP or script errors.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { axe, browserUnavailable, describeViolations, launchBrowser, startBrowserServer, watchedPage, type BrowserServer } from '../support/browser.js'
import { scopedProbe } from '../support/staff.js'
import { createAdmin } from '../../src/platform/staff/index.js'
import { totpCode } from '../../src/platform/staff/two-factor.js'

const skip = browserUnavailable()

async function accessible(page: Page, what: string): Promise<void> {
  const violations = await axe(page)
  assert.equal(violations.length, 0, `${what}: ${describeViolations(violations)}`)
}

describe('staff sign-in in Chromium', { skip }, () => {
  let browser: Browser
  let server: BrowserServer
  before(async () => {
    server = await startBrowserServer({ services: [scopedProbe] })
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('set up, sign in with TOTP, grant a prison and use its page', async () => {
    const { link } = await createAdmin(server.app.database, server.baseUrl, 'first.admin@justice.gov.uk', 'Ffion Admin')
    const context = await browser.newContext()
    const { page, problems } = await watchedPage(context)

    await page.goto(new URL(link).pathname.replace(/^/, server.baseUrl))
    assert.equal(await page.textContent('h1'), 'Set up your account')
    assert.ok(await page.isVisible('img[src^="data:image/svg+xml"]'), 'the QR code shows')
    await accessible(page, 'set-up page')
    const secret = (await page.textContent('code.app-secret'))!.replace(/\s/g, '')
    // A common password is refused with an error summary, on the same page.
    await page.fill('#password', 'password1234')
    await page.fill('#confirm', 'password1234')
    await page.fill('#code', totpCode(secret))
    await page.click('button:has-text("Set up account")')
    assert.match((await page.textContent('.govuk-error-summary')) ?? '', /too common/)
    await accessible(page, 'set-up page with errors')
    await page.fill('#password', 'granite lantern meadow')
    await page.fill('#confirm', 'granite lantern meadow')
    await page.fill('#code', totpCode(secret))
    await page.click('button:has-text("Set up account")')
    assert.equal(await page.locator('#recovery-codes li').count(), 10)
    await accessible(page, 'recovery codes page')

    await page.click('a:has-text("Continue to sign in")')
    await accessible(page, 'sign-in page')
    await page.fill('#email', 'first.admin@justice.gov.uk')
    await page.fill('#password', 'granite lantern meadow')
    await page.click('button:has-text("Continue")')
    await page.waitForURL(/\/staff\/sign-in\/two-factor$/)
    await accessible(page, 'two-factor page')
    // The set-up used this 30-second step's code, so sign in with the next one (accepted one step early).
    await page.fill('#code', totpCode(secret, Date.now() + 30_000))
    await page.click('button:has-text("Continue")')
    await page.waitForURL(/\/staff$/)
    assert.match((await page.textContent('main')) ?? '', /Signed in as Ffion Admin/)
    assert.ok(await page.isVisible('.moj-primary-navigation'))
    assert.ok(await page.isVisible('.moj-organisation-nav'))
    assert.ok(await page.isVisible('.moj-header__navigation a:has-text("Ffion Admin")'), 'the header names who is signed in')
    assert.ok(await page.isVisible('.moj-header__navigation a[href="/staff/sign-out"]'), 'and offers sign-out')
    await accessible(page, 'staff home')

    // Give themselves one prison.
    await page.click('.moj-primary-navigation a:has-text("Staff users")')
    await accessible(page, 'users page')
    await page.click('main a:has-text("Ffion Admin")')
    await accessible(page, 'user page')
    await page.click('a:has-text("Change roles")')
    await page.selectOption('#role', 'visits-staff')
    await page.check('input[name="scope"][value="prisons"]')
    await page.fill('#values', 'bwi')
    await page.click('button:has-text("Add role")')
    assert.match((await page.textContent('main')) ?? '', /Prisons: BWI/)
    await accessible(page, 'roles page')

    const inScope = await page.goto(`${server.baseUrl}/staff/probe/prisons/BWI`)
    assert.equal(inScope?.status(), 200)
    assert.equal(await page.textContent('h1'), 'Prison BWI')
    await accessible(page, 'scoped page')
    const outOfScope = await page.goto(`${server.baseUrl}/staff/probe/prisons/LEI`)
    assert.equal(outOfScope?.status(), 404)

    await page.goto(`${server.baseUrl}/staff/audit?lang=cy`)
    assert.equal(await page.getAttribute('html', 'lang'), 'cy')
    assert.ok(await page.isVisible('table'))
    await accessible(page, 'audit viewer in Welsh')

    // The admin may read the performance dashboard too (no journeys have run in this app, so it says so).
    await page.goto(`${server.baseUrl}/staff/performance?lang=en`)
    assert.ok(await page.isVisible('h1:has-text("Service performance")'))
    await accessible(page, 'performance dashboard')

    await page.goto(`${server.baseUrl}/staff/sign-out?lang=en`)
    await page.click('form[action="/staff/sign-out"] button')
    await page.waitForURL(/\/staff\/signed-out$/)
    const after = await page.goto(`${server.baseUrl}/staff/probe/prisons/BWI`)
    assert.match(after?.url() ?? '', /\/staff\/sign-in\?returnTo=/)
    // The one 404 is the out-of-scope prison, on purpose.
    assert.deepEqual(problems.filter((p) => !p.includes('404')), [])
    await context.close()
  })
})

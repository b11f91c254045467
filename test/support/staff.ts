/**
 * Staff accounts for tests: made straight in the database (the set-up journey
 * has its own test), and signed in through the real pages, with the test
 * acting as the person's authenticator app.
 */
import assert from 'node:assert/strict'
import type { Kysely } from 'kysely'
import type { PlatformTables } from '../../src/platform/db/schema.js'
import type { Grant } from '../../src/platform/staff/access.js'
import { hashPassword } from '../../src/platform/staff/passwords.js'
import { completeSetUp, createUser, replaceGrants, staffDb } from '../../src/platform/staff/repository.js'
import { newRecoveryCodes, newTotpSecret, totpCode } from '../../src/platform/staff/two-factor.js'
import { csrfFrom, type Client } from './app.js'
import { html } from '../../src/platform/ui/html.js'
import { pageContext } from '../../src/platform/http/pages.js'
import { identityOf, requireRole, staffPage } from '../../src/platform/staff/index.js'
import type { JusticeService } from '../../src/platform/service.js'

export interface TestStaff {
  id: string
  email: string
  password: string
  secret: string
  recoveryCodes: string[]
}

let n = 0
const passwordHash = hashPassword('violet kettle seventeen')

export async function makeStaff(db: Kysely<PlatformTables>, grants: Grant[], email = `staff${++n}.${Date.now()}@justice.gov.uk`): Promise<TestStaff> {
  const sdb = staffDb(db)
  const user = await createUser(sdb, { email, name: `Test Person ${n}` })
  const secret = newTotpSecret()
  const recoveryCodes = newRecoveryCodes()
  await completeSetUp(sdb, user.id, { passwordHash: await passwordHash, totpSecret: secret, totpStep: 0, recoveryCodes })
  await replaceGrants(sdb, user.id, grants)
  return { id: user.id, email: user.email, password: 'violet kettle seventeen', secret, recoveryCodes }
}

/** Lets the same person sign in again within one 30-second step (the replay guard would refuse the code otherwise). */
export async function forgetLastCode(db: Kysely<PlatformTables>, staff: TestStaff): Promise<void> {
  await staffDb(db).updateTable('staff_users').set({ totp_last_step: null }).where('id', '=', staff.id).execute()
}

/** Signs in through the pages; returns the final redirect's location. */
export async function signIn(client: Client, staff: TestStaff, returnTo?: string, codeTime = Date.now()): Promise<string> {
  const page = await client.get(`/staff/sign-in${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`)
  const form: Record<string, string> = { _csrf: csrfFrom(page.body), email: staff.email, password: staff.password }
  const fromPage = /name="returnTo" value="([^"]*)"/.exec(page.body)?.[1]
  if (fromPage) form.returnTo = fromPage.replace(/&amp;/g, '&')
  const first = await client.post('/staff/sign-in', form)
  assert.equal(first.statusCode, 303, first.body.slice(0, 2000))
  assert.equal(first.headers.location, '/staff/sign-in/two-factor')
  const second = await client.submit('/staff/sign-in/two-factor', { code: totpCode(staff.secret, codeTime) })
  assert.equal(second.statusCode, 303, second.body.slice(0, 3000))
  return second.headers.location as string
}

/** A service with a prison-scoped staff page, as prison visits will have; its prisons' regions are made up. */
export const scopedProbe: JusticeService = {
  id: 'staff-probe',
  name: { en: 'Probe', cy: 'Prawf' },
  description: { en: 'Used by tests', cy: 'Ar gyfer profion' },
  path: '/staff-probe',
  listed: false,
  async plugin(app) {
    const regions: Record<string, string> = { BWI: 'Wales', CFI: 'Wales', LEI: 'Yorkshire' }
    app.staffAccess.placeRegions('prison', async (code) => regions[code])
    app.get<{ Params: { code: string } }>(
      '/staff/probe/prisons/:code',
      { config: { staff: requireRole('visits-staff', { prison: (r) => r.params.code }) } },
      (request, reply) =>
        reply.page(
          staffPage(pageContext(request), {
            title: `Prison ${request.params.code}`,
            identity: identityOf(request.staff!, request.lang),
            content: html`<h1 class="govuk-heading-l">Prison ${request.params.code}</h1>`,
          }),
        ),
    )
    app.post('/staff/probe/action', { config: { staff: requireRole('visits-staff') } }, (_request, reply) => reply.send('done'))
  },
}

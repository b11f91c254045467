/**
 * Staff sign-in, roles and scopes, and attacks on them, through inject() on
 * each test database.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { Client, csrfFrom, startTestApp, type TestApp } from '../support/app.js'
import { databaseKinds } from '../support/databases.js'
import { forgetLastCode, makeStaff, scopedProbe as probe, signIn, type TestStaff } from '../support/staff.js'
import Fastify from 'fastify'
import { registerStaffGuard } from '../../src/platform/staff/guard.js'
import { DEFAULT_TIMEOUTS, requireRole, scopeCondition, type Grant } from '../../src/platform/staff/index.js'
import { withTables } from '../../src/platform/db/index.js'
import { services } from '../../src/services/index.js'
import { staffDb } from '../../src/platform/staff/repository.js'
import { TotpSecretBox, totpCode } from '../../src/platform/staff/two-factor.js'
import { buildApp } from '../../src/app.js'
import { audit, runAuditCommand, verifyAuditTrail } from '../../src/platform/audit/index.js'

for (const kind of databaseKinds()) {
  describe(`staff access on ${kind}`, () => {
    let t: TestApp
    let admin: TestStaff
    let visits: TestStaff
    before(async () => {
      // Every real service as well as the probe, so that every staff route in the app is enumerated below.
      t = await startTestApp(kind, { services: [...services, probe] })
      admin = await makeStaff(t.database.db, [{ role: 'platform-admin', scope: { kind: 'all' } }])
      visits = await makeStaff(t.database.db, [{ role: 'visits-staff', scope: { kind: 'prisons', values: ['BWI'] } }])
    })
    after(async () => {
      await t.close()
    })

    test('a staff route that declares no access stops the app starting', async () => {
      // The same guard buildApp registers, on a bare Fastify (a half-built app would leave its queue running).
      const app = Fastify()
      registerStaffGuard(app, t.database.db, DEFAULT_TIMEOUTS)
      await assert.rejects(async () => {
        await app.register(async (child) => {
          child.get('/staff/declared', { config: { staff: requireRole('visits-staff') } }, () => 'fine')
          child.get('/staff/oops', () => 'open')
        })
        await app.ready()
      }, /GET \/staff\/oops is a staff route but declares no access/)
      await app.close().catch(() => {})
    })

    test('every staff route sends an unauthenticated request to sign in', async () => {
      const routes = t.app.staffAccess.routes.filter((r) => r.url === '/staff' || r.url.startsWith('/staff/'))
      assert.ok(routes.length >= 20, `found ${routes.length} staff routes`)
      assert.ok(routes.some((r) => r.url === '/staff/probe/prisons/:code'), "a service's routes are included")
      assert.ok(routes.some((r) => r.url === '/staff/audit'))
      // The services' own staff pages (court data, prison visits) are in the list too, whatever they add next.
      let checked = 0
      for (const route of routes) {
        if (route.method === 'HEAD' || route.rule?.kind === 'public') continue
        const url = route.url.replace(/:[a-z]+/gi, '00000000-0000-0000-0000-000000000000')
        const response = await t.app.inject({ method: route.method as 'GET', url, payload: route.method === 'POST' ? {} : undefined })
        assert.equal(response.statusCode, 303, `${route.method} ${route.url}`)
        assert.match(response.headers.location as string, /^\/staff\/sign-in(\?returnTo=|$)/, `${route.method} ${route.url}`)
        checked++
      }
      assert.ok(checked >= 15)
    })

    test('sign-in is refused without the CSRF token', async () => {
      const client = new Client(t.app)
      await client.get('/staff/sign-in')
      const forged = await client.post('/staff/sign-in', { email: visits.email, password: visits.password })
      assert.equal(forged.statusCode, 403)
      const wrong = await client.post('/staff/sign-in', { _csrf: 'not-the-token', email: visits.email, password: visits.password })
      assert.equal(wrong.statusCode, 403)
      assert.equal((await client.get('/staff/sign-in/two-factor')).statusCode, 303, 'no half-signed-in state was created')
    })

    test("staff pages carry MOJ Frontend's header, in English and Welsh; public pages keep GOV.UK's", async () => {
      const client = new Client(t.app)
      for (const [lang, organisation, service] of [
        ['en', 'Ministry of Justice', 'Justice Digital staff'],
        ['cy', 'Y Weinyddiaeth Gyfiawnder', 'Staff Cyfiawnder Digidol'],
      ] as const) {
        const body = (await client.get(`/staff/sign-in?lang=${lang}`)).body
        assert.match(body, new RegExp(`<a class="moj-header__link moj-header__link--organisation-name" href="/staff">${organisation}</a>`))
        assert.match(body, new RegExp(`<a class="moj-header__link moj-header__link--service-name" href="/staff">${service}</a>`))
        assert.doesNotMatch(body, /class="govuk-header"/)
        assert.match(body, /class="govuk-language-navigation__link" href="\/staff\/sign-in\?lang=(en|cy)"/, 'the language switcher stays')
      }
      const publicPage = (await client.get('/')).body
      assert.match(publicPage, /class="govuk-header"/)
      assert.doesNotMatch(publicPage, /moj-header/)
    })

    test('signing in rotates the session id, so a planted id is useless', async () => {
      await forgetLastCode(t.database.db, visits)
      const victim = new Client(t.app)
      await victim.get('/staff/sign-in')
      const planted = new Map(victim.cookies)
      assert.ok(planted.size > 0)
      const location = await signIn(victim, visits)
      assert.equal(location, '/staff')
      assert.notDeepEqual(new Map(victim.cookies), planted)
      assert.equal((await victim.get('/staff')).statusCode, 200)
      const attacker = new Client(t.app)
      for (const [k, v] of planted) attacker.cookies.set(k, v)
      const stolen = await attacker.get('/staff')
      assert.equal(stolen.statusCode, 303)
    })

    test('returnTo goes back within the staff side and nowhere else', async () => {
      for (const [returnTo, expected] of [
        ['/staff/probe/prisons/BWI', '/staff/probe/prisons/BWI'],
        ['https://evil.example/staff', '/staff'],
        ['//evil.example/x', '/staff'],
        ['/staff/..//evil.example', '/staff'],
      ] as const) {
        await forgetLastCode(t.database.db, visits)
        const client = new Client(t.app)
        assert.equal(await signIn(client, visits, returnTo), expected, returnTo)
      }
      // Posted directly, too.
      await forgetLastCode(t.database.db, visits)
      const client = new Client(t.app)
      const page = await client.get('/staff/sign-in')
      await client.post('/staff/sign-in', { _csrf: csrfFrom(page.body), email: visits.email, password: visits.password, returnTo: 'https://evil.example' })
      const done = await client.submit('/staff/sign-in/two-factor', { code: totpCode(visits.secret) })
      assert.equal(done.headers.location, '/staff')
    })

    test('a TOTP code cannot be used twice', async () => {
      await forgetLastCode(t.database.db, visits)
      const code = totpCode(visits.secret)
      const first = new Client(t.app)
      let page = await first.get('/staff/sign-in')
      await first.post('/staff/sign-in', { _csrf: csrfFrom(page.body), email: visits.email, password: visits.password })
      assert.equal((await first.submit('/staff/sign-in/two-factor', { code })).statusCode, 303)
      const second = new Client(t.app)
      page = await second.get('/staff/sign-in')
      await second.post('/staff/sign-in', { _csrf: csrfFrom(page.body), email: visits.email, password: visits.password })
      const replay = await second.submit('/staff/sign-in/two-factor', { code })
      assert.equal(replay.statusCode, 200)
      assert.match(replay.body, /Enter a correct security code/)
      assert.equal((await second.get('/staff')).statusCode, 303)
    })

    test('a recovery code works once', async () => {
      const person = await makeStaff(t.database.db, [])
      for (const expected of [303, 200]) {
        const client = new Client(t.app)
        const page = await client.get('/staff/sign-in')
        await client.post('/staff/sign-in', { _csrf: csrfFrom(page.body), email: person.email, password: person.password })
        const r = await client.submit('/staff/sign-in/recovery-code', { code: person.recoveryCodes[0]!.toUpperCase() })
        assert.equal(r.statusCode, expected)
      }
    })

    test('messages never reveal whether an email has an account', async () => {
      const client = new Client(t.app)
      const unknown = await client.submit('/staff/sign-in', { email: 'nobody@justice.gov.uk', password: 'whatever at all' })
      const wrong = await client.submit('/staff/sign-in', { email: admin.email, password: 'not the password' })
      const message = (body: string) => /<div class="govuk-error-summary__body">[\s\S]*?<\/div>/.exec(body)?.[0]
      assert.equal(unknown.statusCode, 200)
      assert.ok(message(unknown.body))
      assert.equal(message(unknown.body), message(wrong.body))
      const resetUnknown = await client.submit('/staff/password-reset', { email: 'nobody@justice.gov.uk' })
      const resetKnown = await client.submit('/staff/password-reset', { email: admin.email })
      assert.equal(resetUnknown.body.replace(/nonce="[^"]+"/g, ''), resetKnown.body.replace(/nonce="[^"]+"/g, ''))
      await t.database.db.updateTable('staff_users' as never).set({ failed_attempts: 0 } as never).execute()
    })

    test('after 5 failures the account is locked for 15 minutes, even with the right password', async () => {
      const person = await makeStaff(t.database.db, [])
      const client = new Client(t.app)
      for (let i = 0; i < 5; i++) await client.submit('/staff/sign-in', { email: person.email, password: 'wrong password ' + i })
      const locked = await client.submit('/staff/sign-in', { email: person.email, password: person.password })
      assert.equal(locked.statusCode, 200)
      assert.match(locked.body, /Enter a correct email address and password/)
      const row = await staffDb(t.database.db).selectFrom('staff_users').select('locked_until').where('id', '=', person.id).executeTakeFirstOrThrow()
      const minutes = ((row.locked_until as Date).getTime() - Date.now()) / 60_000
      assert.ok(minutes > 14 && minutes <= 15, `locked for ${minutes} minutes`)
      // When the lock has passed, the right password works again.
      await staffDb(t.database.db).updateTable('staff_users').set({ locked_until: new Date(Date.now() - 1000) }).where('id', '=', person.id).execute()
      assert.equal(await signIn(new Client(t.app), person), '/staff')
    })

    test('too many failures from one IP address are refused', async () => {
      const ip = '203.0.113.9'
      await staffDb(t.database.db).insertInto('staff_sign_in_failures').values(Array.from({ length: 50 }, () => ({ ip, at: new Date() }))).execute()
      const client = new Client(t.app)
      const page = await client.get('/staff/sign-in')
      const r = await t.app.inject({
        method: 'POST',
        url: '/staff/sign-in',
        remoteAddress: ip,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        payload: new URLSearchParams({ _csrf: csrfFrom(page.body), email: admin.email, password: admin.password }).toString(),
      })
      assert.equal(r.statusCode, 429)
      assert.match(r.body, /too many attempts/)
    })

    test('scope: a grant for one prison shows that prison and hides the others as not found', async () => {
      await forgetLastCode(t.database.db, visits)
      const client = new Client(t.app)
      await signIn(client, visits)
      assert.equal((await client.get('/staff/probe/prisons/BWI')).statusCode, 200)
      assert.equal((await client.get('/staff/probe/prisons/LEI')).statusCode, 404)
      assert.equal((await client.get('/staff/users')).statusCode, 403, 'no platform-admin role')
      const regional = await makeStaff(t.database.db, [{ role: 'visits-staff', scope: { kind: 'region', values: ['Wales'] } }])
      const other = new Client(t.app)
      await signIn(other, regional)
      assert.equal((await other.get('/staff/probe/prisons/CFI')).statusCode, 200)
      assert.equal((await other.get('/staff/probe/prisons/LEI')).statusCode, 404)
    })

    test('a deactivated person is signed out at their next request', async () => {
      const person = await makeStaff(t.database.db, [{ role: 'visits-staff', scope: { kind: 'all' } }])
      const theirs = new Client(t.app)
      await signIn(theirs, person)
      assert.equal((await theirs.get('/staff')).statusCode, 200)
      await forgetLastCode(t.database.db, admin)
      const admins = new Client(t.app)
      await signIn(admins, admin)
      const r = await admins.submit(`/staff/users/${person.id}`, {}, `/staff/users/${person.id}/deactivate`)
      assert.equal(r.statusCode, 303)
      const next = await theirs.get('/staff/probe/prisons/BWI')
      assert.equal(next.statusCode, 303)
      assert.match(next.headers.location as string, /^\/staff\/sign-in/)
      // And cannot sign in again.
      const again = await new Client(t.app).submit('/staff/sign-in', { email: person.email, password: person.password })
      assert.match(again.body, /Enter a correct email address and password/)
    })

    test('a session ends after 30 minutes idle', async () => {
      const person = await makeStaff(t.database.db, [])
      const client = new Client(t.app)
      await signIn(client, person)
      assert.equal((await client.get('/staff')).statusCode, 200)
      await sql`update sessions set data = jsonb_set(data, '{staff,lastSeenAt}', to_jsonb(((extract(epoch from now()) * 1000)::bigint - 31 * 60 * 1000))) where data->'staff'->>'userId' = ${person.id}`.execute(t.database.db)
      const r = await client.get('/staff')
      assert.equal(r.statusCode, 303)
      assert.match((await client.get('/staff/sign-in')).body, /did not use the service for a while/)
    })

    test('a session ends 12 hours after sign-in, however busy', async () => {
      const person = await makeStaff(t.database.db, [])
      const client = new Client(t.app)
      await signIn(client, person)
      await sql`update sessions set data = jsonb_set(data, '{staff,signedInAt}', to_jsonb(((extract(epoch from now()) * 1000)::bigint - 12 * 60 * 60 * 1000 - 1000))) where data->'staff'->>'userId' = ${person.id}`.execute(t.database.db)
      assert.equal((await client.get('/staff')).statusCode, 303)
    })

    test('sign out, and sign out everywhere', async () => {
      const person = await makeStaff(t.database.db, [])
      const laptop = new Client(t.app)
      const phone = new Client(t.app)
      await signIn(laptop, person)
      await forgetLastCode(t.database.db, person)
      await signIn(phone, person)
      const out = await laptop.submit('/staff/sign-out', {})
      assert.equal(out.headers.location, '/staff/signed-out')
      assert.equal((await laptop.get('/staff')).statusCode, 303)
      assert.equal((await phone.get('/staff')).statusCode, 200)
      await forgetLastCode(t.database.db, person)
      await signIn(laptop, person)
      await laptop.submit('/staff', {}, '/staff/sign-out-everywhere')
      assert.equal((await phone.get('/staff')).statusCode, 303)
      assert.equal((await laptop.get('/staff')).statusCode, 303)
    })

    test('an invitation sets up an account with a password and an authenticator app, once', async () => {
      await forgetLastCode(t.database.db, admin)
      const admins = new Client(t.app)
      await signIn(admins, admin)
      const email = `new.${kind}@justice.gov.uk`
      const invited = await admins.submit('/staff/users/invite', { name: 'Nia Jones', email })
      assert.equal(invited.statusCode, 303)
      const again = await admins.submit('/staff/users/invite', { name: 'Nia Jones', email })
      assert.match(again.body, /already a staff account/)
      const message = await sql<{ body: string }>`select body from notify_messages where recipient = ${email} and type = 'staff-set-up-link'`.execute(t.database.db)
      const link = /https?:\/\/[^\s]+\/staff\/set-up\/[A-Za-z0-9_-]+/.exec(message.rows[0]!.body)![0]
      const path = new URL(link).pathname
      const newcomer = new Client(t.app)
      const form = await newcomer.get(path)
      assert.equal(form.statusCode, 200)
      assert.match(form.body, /src="data:image\/svg\+xml;base64,/)
      const secret = /<code class="app-secret">([A-Z2-7 ]+)<\/code>/.exec(form.body)![1]!.replace(/ /g, '')
      const weak = await newcomer.post(path, { _csrf: csrfFrom(form.body), password: 'password1234', confirm: 'password1234', code: totpCode(secret) })
      assert.equal(weak.statusCode, 200)
      assert.match(weak.body, /too common/)
      const done = await newcomer.post(path, { _csrf: csrfFrom(form.body), password: 'granite lantern meadow', confirm: 'granite lantern meadow', code: totpCode(secret) })
      assert.equal(done.statusCode, 200)
      assert.equal(done.body.match(/<li><code>[a-z2-9]{5}-[a-z2-9]{5}<\/code><\/li>/g)?.length, 10)
      assert.equal((await newcomer.get(path)).statusCode, 404, 'the link works once')
      const user = await staffDb(t.database.db).selectFrom('staff_users').select(['id', 'password_hash', 'totp_secret']).where('email', '=', email).executeTakeFirstOrThrow()
      assert.match(user.password_hash!, /^\$argon2id\$/)
      // The TOTP secret is sealed at rest: the database alone does not give the codes.
      assert.ok(TotpSecretBox.isSealed(user.totp_secret!) && !user.totp_secret!.includes(secret))
      assert.equal(new TotpSecretBox(t.config.sessionSecret).open(user.totp_secret!), secret)
    })

    test('TOTP secrets stored in clear before sealing are sealed when the app starts, and still work', async () => {
      const person = await makeStaff(t.database.db, [])
      const stored = () => staffDb(t.database.db).selectFrom('staff_users').select('totp_secret').where('id', '=', person.id).executeTakeFirstOrThrow()
      assert.equal((await stored()).totp_secret, person.secret, 'stored as before sealing')
      // Another process starting on the same database seals it.
      const other = await buildApp(t.config, { database: t.database, logger: false, services: [...services, probe] })
      await other.app.close()
      assert.ok(TotpSecretBox.isSealed((await stored()).totp_secret!))
      const client = new Client(t.app)
      assert.match(await signIn(client, person), /^\/staff/)
    })

    test('a password reset needs the emailed link and a current code, and works once', async () => {
      const person = await makeStaff(t.database.db, [])
      const elsewhere = new Client(t.app)
      await signIn(elsewhere, person)
      const client = new Client(t.app)
      await client.submit('/staff/password-reset', { email: person.email.toUpperCase() })
      const message = await sql<{ body: string }>`select body from notify_messages where recipient = ${person.email} and type = 'staff-password-reset'`.execute(t.database.db)
      const path = new URL(/https?:\/\/\S+\/staff\/password-reset\/[A-Za-z0-9_-]+/.exec(message.rows[0]!.body)![0]).pathname
      const noCode = await client.submit(path, { password: 'quartz harbour willow', confirm: 'quartz harbour willow', code: '000000' })
      assert.equal(noCode.statusCode, 200)
      assert.match(noCode.body, /Enter a correct security code/)
      const short = await client.submit(path, { password: 'short', confirm: 'short', code: totpCode(person.secret, Date.now() + 30_000) })
      assert.match(short.body, /12 characters or more/)
      const done = await client.submit(path, { password: 'quartz harbour willow', confirm: 'quartz harbour willow', code: totpCode(person.secret, Date.now() + 30_000) })
      assert.equal(done.statusCode, 200)
      assert.match(done.body, /Your password has been changed/)
      assert.equal((await client.get(path)).statusCode, 404, 'the link works once')
      assert.equal((await elsewhere.get('/staff')).statusCode, 303, 'signed out everywhere')
      await forgetLastCode(t.database.db, person)
      assert.equal(await signIn(new Client(t.app), { ...person, password: 'quartz harbour willow' }), '/staff')
    })

    test('the code on a password reset cannot be guessed: wrong codes lock the account as at sign-in', async () => {
      const person = await makeStaff(t.database.db, [])
      const client = new Client(t.app)
      await client.submit('/staff/password-reset', { email: person.email })
      const message = await sql<{ body: string }>`select body from notify_messages where recipient = ${person.email} and type = 'staff-password-reset'`.execute(t.database.db)
      const path = new URL(/https?:\/\/\S+\/staff\/password-reset\/[A-Za-z0-9_-]+/.exec(message.rows[0]!.body)![0]).pathname
      for (let i = 0; i < 5; i++) {
        const wrong = await client.submit(path, { password: 'quartz harbour willow', confirm: 'quartz harbour willow', code: String(100000 + i) })
        assert.match(wrong.body, /Enter a correct security code/)
      }
      const right = await client.submit(path, { password: 'quartz harbour willow', confirm: 'quartz harbour willow', code: totpCode(person.secret, Date.now() + 30_000) })
      assert.equal(right.statusCode, 429, 'locked after 5 wrong codes, even with the right one')
      assert.doesNotMatch(right.body, /Your password has been changed/)
    })

    test('resetting two-factor signs the person out and sends a link to connect a new app', async () => {
      const person = await makeStaff(t.database.db, [])
      const theirs = new Client(t.app)
      await signIn(theirs, person)
      await forgetLastCode(t.database.db, admin)
      const admins = new Client(t.app)
      await signIn(admins, admin)
      const r = await admins.submit(`/staff/users/${person.id}`, {}, `/staff/users/${person.id}/reset-two-factor`)
      assert.equal(r.statusCode, 303)
      assert.match((await admins.get(`/staff/users/${person.id}`)).body, /Two-factor authentication has been reset/)
      assert.equal((await theirs.get('/staff')).statusCode, 303)
      // The old app's codes and the password alone no longer sign them in.
      const page = await theirs.get('/staff/sign-in')
      const attempt = await theirs.post('/staff/sign-in', { _csrf: csrfFrom(page.body), email: person.email, password: person.password })
      assert.equal(attempt.statusCode, 200)
      const message = await sql<{ body: string }>`select body from notify_messages where recipient = ${person.email} and type = 'staff-set-up-link'`.execute(t.database.db)
      const path = new URL(/https?:\/\/\S+\/staff\/set-up\/[A-Za-z0-9_-]+/.exec(message.rows[0]!.body)![0]).pathname
      const form = await theirs.get(path)
      assert.doesNotMatch(form.body, /name="password"/, 'their password is kept')
      const secret = /<code class="app-secret">([A-Z2-7 ]+)<\/code>/.exec(form.body)![1]!.replace(/ /g, '')
      assert.equal((await theirs.post(path, { _csrf: csrfFrom(form.body), code: totpCode(secret) })).statusCode, 200)
      assert.equal(await signIn(new Client(t.app), { ...person, secret }, undefined, Date.now() + 30_000), '/staff')
    })

    test('scope filters records in the query itself', async () => {
      const db = t.database.db
      await sql`create table probe_prisons (code text primary key, region text not null)`.execute(db)
      await sql`insert into probe_prisons values ('BWI', 'Wales'), ('CFI', 'Wales'), ('LEI', 'Yorkshire'), ('MDI', 'Yorkshire')`.execute(db)
      const visible = async (grants: Grant[]) =>
        (
          await withTables<{ probe_prisons: { code: string; region: string } }>(db)
            .selectFrom('probe_prisons')
            .select('code')
            .where(scopeCondition(grants, 'visits-staff', { kind: 'prison', code: 'probe_prisons.code', region: 'probe_prisons.region' }))
            .orderBy('code')
            .execute()
        ).map((r) => r.code)
      assert.deepEqual(await visible([{ role: 'visits-staff', scope: { kind: 'prisons', values: ['LEI'] } }]), ['LEI'])
      assert.deepEqual(await visible([{ role: 'visits-staff', scope: { kind: 'region', values: ['Wales'] } }, { role: 'visits-staff', scope: { kind: 'prisons', values: ['MDI'] } }]), ['BWI', 'CFI', 'MDI'])
      assert.deepEqual(await visible([{ role: 'visits-staff', scope: { kind: 'all' } }]), ['BWI', 'CFI', 'LEI', 'MDI'])
      assert.deepEqual(await visible([{ role: 'court-data-admin', scope: { kind: 'all' } }, { role: 'visits-staff', scope: { kind: 'courts', values: ['BWI'] } }]), [])
    })

    test('password reset emails are limited to 3 an hour', async () => {
      const person = await makeStaff(t.database.db, [])
      const client = new Client(t.app)
      for (let i = 0; i < 5; i++) assert.match((await client.submit('/staff/password-reset', { email: person.email })).body, /Check your email/)
      const sent = await sql<{ n: number }>`select count(*)::int as n from notify_messages where recipient = ${person.email} and type = 'staff-password-reset'`.execute(t.database.db)
      assert.equal(sent.rows[0]!.n, 3)
    })

    test('concurrent writers keep the audit chain whole', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.database.db.transaction().execute(async (trx) => {
            await audit(trx, { actorEmail: 'load@test', requestId: `c${i}` }, { action: 'test.concurrent', recordType: 'probe', recordId: i, after: { i } })
          }),
        ),
      )
      const result = await verifyAuditTrail(t.database.db)
      assert.deepEqual(result.problems, [])
    })

    test('the audit trail records sign-ins, failures and changes, refuses edits, and verify catches a hand-edited row', async () => {
      const db = t.database.db
      const actions = await sql<{ action: string }>`select distinct action from audit_events`.execute(db)
      const seen = new Set(actions.rows.map((r) => r.action))
      for (const a of ['staff.sign-in', 'staff.sign-in.failed', 'staff.sign-out', 'staff.sign-out-everywhere', 'staff.user.deactivate', 'staff.user.invite', 'staff.account.set-up', 'staff.user.view']) {
        assert.ok(seen.has(a), `${a} is audited`)
      }
      const leaked = await sql<{ n: number }>`select count(*)::int as n from audit_events where before::text ~* 'violet kettle' or after::text ~* 'violet kettle|argon2'`.execute(db)
      assert.equal(leaked.rows[0]!.n, 0, 'no secrets in the trail')
      assert.deepEqual((await verifyAuditTrail(db)).problems, [])
      await assert.rejects(sql`update audit_events set action = 'x' where id = 1`.execute(db), /append-only/)
      await assert.rejects(sql`delete from audit_events where id = 2`.execute(db), /append-only/)
      // The owner of the table can still switch the trigger off; verify is what catches that.
      await sql`alter table audit_events disable trigger audit_events_no_change`.execute(db)
      await sql`update audit_events set after = '{"email":"someone-else@example.com"}' where id = 3`.execute(db)
      await sql`alter table audit_events enable trigger audit_events_no_change`.execute(db)
      const lines: string[] = []
      assert.equal(await runAuditCommand(['verify'], db, (l) => lines.push(l)), 2)
      assert.match(lines.join('\n'), /event 3: its contents do not match its hash/)
    })

    test('the audit viewer filters events and exports them as CSV', async () => {
      await forgetLastCode(t.database.db, admin)
      const client = new Client(t.app)
      await signIn(client, admin)
      const page = await client.get(`/staff/audit?action=staff.sign-in&person=${encodeURIComponent(visits.email)}`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /staff\.sign-in/)
      assert.doesNotMatch(page.body, /staff\.user\.deactivate/)
      const bad = await client.get('/staff/audit?from=2026-02-30')
      assert.equal(bad.statusCode, 200)
      assert.match(bad.body, /govuk-error-summary/)
      const csv = await client.get('/staff/audit/events.csv?action=staff.user')
      assert.equal(csv.statusCode, 200)
      assert.match(csv.headers['content-type'] as string, /text\/csv/)
      const lines = csv.body.trim().split('\r\n')
      assert.match(lines[0]!, /^id,at,actor_email,action/)
      assert.ok(lines.length > 1)
      assert.ok(lines.slice(1).every((l) => /,staff\.user\./.test(l)))
      assert.equal((await client.get('/staff/audit')).statusCode, 200)
      await forgetLastCode(t.database.db, visits)
      const other = new Client(t.app)
      await signIn(other, visits)
      assert.equal((await other.get('/staff/audit')).statusCode, 403)
    })

    test('pages are in English and Welsh', async () => {
      const client = new Client(t.app)
      const cy = await client.get('/staff/sign-in?lang=cy')
      assert.match(cy.body, /<html lang="cy"/)
      assert.match(cy.body, /Mewngofnodi/)
    })
  })
}

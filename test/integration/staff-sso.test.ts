/**
 * Staff single sign-on against a real OpenID Connect provider (oidc-provider)
 * started in this test, with its development login form: the provider proves
 * who someone is, and our own tables decide whether they may sign in.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type InteractionContext } from 'oidc-provider'
import { Client, startTestApp, type TestApp } from '../support/app.js'
import { makeStaff } from '../support/staff.js'

const CLIENT = { id: 'justice-staff', secret: 'a-client-secret-for-the-test-provider-only' }
const BASE_URL = 'http://justice.test'

/** Follows the provider's redirects and its development login form, as a browser would. */
async function loginAtProvider(start: string, login: string): Promise<string> {
  const cookies = new Map<string, string>()
  let url = start
  let method = 'GET'
  let body: string | undefined
  for (let hop = 0; hop < 15; hop++) {
    if (url.startsWith(BASE_URL)) return url.slice(BASE_URL.length)
    const response = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    })
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const [k, v] = pair!.split('=') as [string, string]
      cookies.set(k, v)
    }
    method = 'GET'
    body = undefined
    const location = response.headers.get('location')
    if (location) {
      url = new URL(location, url).href
      continue
    }
    const page = await response.text()
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1]
    if (!action) throw new Error(`no form at ${url}: ${response.status} ${page.slice(0, 500)}`)
    const fields = new URLSearchParams()
    for (const [input] of page.matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(input)?.[1]
      if (name) fields.set(name, /value="([^"]*)"/.exec(input)?.[1] ?? '')
    }
    fields.set('login', login)
    fields.set('password', 'anything')
    url = new URL(action, url).href
    method = 'POST'
    body = fields.toString()
  }
  throw new Error('too many redirects at the provider')
}

describe('staff single sign-on with OpenID Connect', () => {
  let server: Server
  let issuer: string
  let t: TestApp
  before(async () => {
    server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const provider = new Provider(issuer, {
      clients: [{ client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [`${BASE_URL}/staff/sign-in/sso/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => ({ sub: id, email: id, email_verified: true }) }),
      features: { devInteractions: { enabled: true } },
      // No consent screen: the organisation's own staff, using its own provider.
      loadExistingGrant: async (ctx: InteractionContext) => {
        const grant = new provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId })
        grant.addOIDCScope('openid email profile')
        await grant.save()
        return grant
      },
    })
    server.on('request', provider.callback())
    t = await startTestApp('pglite', { config: { baseUrl: BASE_URL, staffSso: { issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret } } })
  })
  after(async () => {
    await t?.close()
    server?.closeAllConnections()
    await new Promise((resolve) => server?.close(resolve))
  })

  test('a person with an account signs in through the provider, and keeps only the grants we give them', async () => {
    const person = await makeStaff(t.database.db, [{ role: 'visits-staff', scope: { kind: 'prisons', values: ['BWI'] } }])
    const client = new Client(t.app)
    const page = await client.get('/staff/sign-in')
    assert.match(page.body, /Sign in with your organisation account/)
    const planted = new Map(client.cookies)
    const start = await client.get('/staff/sign-in/sso?returnTo=/staff/users')
    assert.equal(start.statusCode, 303)
    const authorize = new URL(start.headers.location as string)
    assert.equal(authorize.origin, issuer)
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256')
    const callback = await loginAtProvider(authorize.href, person.email)
    const done = await client.get(callback)
    assert.equal(done.statusCode, 303, /govuk-error-summary__body">([\s\S]*?)<\/div>/.exec(done.body)?.[1])
    assert.equal(done.headers.location, '/staff/users')
    assert.notDeepEqual(new Map(client.cookies), planted, 'the session id was rotated')
    assert.equal((await client.get('/staff')).statusCode, 200)
    assert.equal((await client.get('/staff/users')).statusCode, 403, 'grants come from our tables, not the provider')
    // The callback cannot be replayed.
    assert.equal((await client.get(callback)).statusCode, 303)
  })

  test('someone the provider knows but we do not is refused, and it is audited', async () => {
    const client = new Client(t.app)
    const start = await client.get('/staff/sign-in/sso')
    const callback = await loginAtProvider(start.headers.location as string, 'stranger@justice.gov.uk')
    const refused = await client.get(callback)
    assert.equal(refused.statusCode, 200)
    assert.match(refused.body, /could not sign you in with your organisation account/)
    assert.equal((await client.get('/staff')).statusCode, 303)
  })

  test('a callback with a forged state is refused', async () => {
    const client = new Client(t.app)
    await client.get('/staff/sign-in/sso')
    const forged = await client.get('/staff/sign-in/sso/callback?code=abc&state=not-ours')
    assert.equal(forged.statusCode, 200)
    assert.match(forged.body, /could not sign you in/)
  })
})

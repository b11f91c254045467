/**
 * The platform foundation through inject(): pages, headers, sessions, CSRF,
 * language, errors, health, metrics, on each test database.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { Client, startTestApp, type TestApp } from '../support/app.js'
import { databaseKinds } from '../support/databases.js'
import { html } from '../../src/platform/ui/html.js'
import { govukPage } from '../../src/platform/ui/layouts/page.js'
import { pageContext } from '../../src/platform/http/pages.js'
import { csrfToken } from '../../src/platform/http/session.js'
import type { JusticeService } from '../../src/platform/service.js'

/** A service used only by this test: a form that posts, and a route that throws. */
const probe: JusticeService = {
  id: 'probe',
  name: { en: 'Probe service', cy: 'Gwasanaeth prawf' },
  description: { en: 'Used by tests', cy: 'Ar gyfer profion' },
  path: '/probe',
  listed: false,
  async plugin(app) {
    app.get('/probe/form', (request, reply) =>
      reply.page(
        govukPage(pageContext(request), {
          title: 'Probe form',
          content: html`<form method="post" novalidate><input type="hidden" name="_csrf" value="${csrfToken(request, reply)}"><input name="answer"><button class="govuk-button">Save</button></form>`,
        }),
      ),
    )
    app.post('/probe/form', (request, reply) => reply.send({ received: (request.body as Record<string, string>).answer }))
    app.get('/probe/boom', () => {
      throw new Error('secret internals at /srv/app.ts:42')
    })
  },
}

for (const kind of databaseKinds()) {
  describe(`foundation on ${kind}`, () => {
    let t: TestApp
    before(async () => {
      t = await startTestApp(kind, { services: [probe] })
    })
    after(async () => {
      await t.close()
    })

    test('home page is a GOV.UK page with security headers and a fresh nonce each time', async () => {
      const client = new Client(t.app)
      const first = await client.get('/')
      const second = await client.get('/')
      assert.equal(first.statusCode, 200)
      assert.match(first.headers['content-type'] as string, /text\/html/)
      assert.match(first.body, /<html lang="en" class="govuk-template/)
      assert.match(first.body, /govuk-skip-link/)
      assert.match(first.body, /govuk-phase-banner/)
      assert.match(first.body, /Open Government Licence v3\.0/)
      const csp = first.headers['content-security-policy'] as string
      assert.match(csp, /frame-ancestors 'none'/)
      assert.doesNotMatch(csp, /unsafe-inline/)
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
      assert.ok(nonce)
      // Every script on the page carries the nonce or is from our own origin.
      for (const script of first.body.match(/<script[^>]*>/g) ?? []) {
        assert.ok(script.includes(`nonce="${nonce}"`) || / src="\/assets\//.test(script), script)
      }
      assert.notEqual(nonce, /'nonce-([^']+)'/.exec(second.headers['content-security-policy'] as string)?.[1])
      assert.equal(first.headers['x-content-type-options'], 'nosniff')
      assert.ok(first.headers['referrer-policy'])
      assert.equal(first.headers['strict-transport-security'], undefined, 'HSTS only in production')
    })

    test('information pages exist in English and Welsh', async () => {
      const client = new Client(t.app)
      for (const path of ['/cookies', '/accessibility', '/privacy', '/contact']) {
        const en = await client.get(`${path}?lang=en`)
        assert.equal(en.statusCode, 200, path)
        assert.match(en.body, /<html lang="en"/)
        const cy = await client.get(`${path}?lang=cy`)
        assert.equal(cy.statusCode, 200, path)
        assert.match(cy.body, /<html lang="cy"/)
      }
    })

    test('the language choice is remembered, and an unknown language is a 400 page', async () => {
      const client = new Client(t.app)
      const cy = await client.get('/?lang=cy')
      assert.match(cy.body, /Gwasanaethau cyfiawnder ar-lein/)
      assert.equal(client.cookies.get('jd_lang'), 'cy')
      const later = await client.get('/cookies')
      assert.match(later.body, /<html lang="cy"/)
      assert.match(later.body, /Cwcis/)
      const bad = await client.get('/?lang=fr')
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /Nid yw’r iaith honno ar gael|That language is not available/)
    })

    test('a form post needs the CSRF token of its own session', async () => {
      const client = new Client(t.app)
      const ok = await client.submit('/probe/form', { answer: 'yes' })
      assert.equal(ok.statusCode, 200)
      assert.deepEqual(JSON.parse(ok.body), { received: 'yes' })

      const missing = await client.post('/probe/form', { answer: 'yes' })
      assert.equal(missing.statusCode, 403)
      assert.match(missing.body, /govuk-template/)

      const wrong = await client.post('/probe/form', { answer: 'yes', _csrf: 'x'.repeat(43) })
      assert.equal(wrong.statusCode, 403)

      // A token from another visitor's session is refused.
      const other = new Client(t.app)
      const otherPage = await other.get('/probe/form')
      const otherToken = /name="_csrf" value="([^"]+)"/.exec(otherPage.body)?.[1] as string
      const stolen = await client.post('/probe/form', { answer: 'yes', _csrf: otherToken })
      assert.equal(stolen.statusCode, 403)
    })

    test('the session cookie is HttpOnly, SameSite=Lax, signed, and holds only an id', async () => {
      const client = new Client(t.app)
      const page = await client.get('/probe/form')
      const cookie = page.cookies.find((c) => c.name === 'jd_session')
      assert.ok(cookie)
      assert.equal(cookie.httpOnly, true)
      assert.equal(cookie.sameSite, 'Lax')
      assert.match(cookie.value, /^[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{43}$/)
      // A tampered cookie is ignored: the visitor gets a new session.
      client.cookies.set('jd_session', cookie.value.slice(0, -2) + 'AA')
      const again = await client.get('/probe/form')
      assert.ok(again.cookies.find((c) => c.name === 'jd_session'))
    })

    test('errors are GOV.UK pages without internals', async () => {
      const client = new Client(t.app)
      const missing = await client.get('/no-such-page')
      assert.equal(missing.statusCode, 404)
      assert.match(missing.body, /Page not found/)
      const boom = await client.get('/probe/boom')
      assert.equal(boom.statusCode, 500)
      assert.match(boom.body, /Sorry, there is a problem with the service/)
      assert.doesNotMatch(boom.body, /secret internals|\/srv\/app\.ts|at Object/)
    })

    test('bad input gets a 4xx page: malformed and oversized bodies, HTML in the query', async () => {
      const malformed = await t.app.inject({ method: 'POST', url: '/probe/form', headers: { 'content-type': 'application/json' }, payload: '{"answer":' })
      assert.equal(malformed.statusCode, 400)
      assert.match(malformed.body, /govuk-template/)
      const huge = await t.app.inject({
        method: 'POST',
        url: '/probe/form',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'answer=' + 'x'.repeat(t.config.bodyLimit + 10),
      })
      assert.equal(huge.statusCode, 413)
      assert.match(huge.body, /too large/)
      const unsupported = await t.app.inject({ method: 'POST', url: '/probe/form', headers: { 'content-type': 'application/x-nonsense' }, payload: 'x' })
      assert.equal(unsupported.statusCode, 415)
      assert.match(unsupported.body, /govuk-template/)
      const client = new Client(t.app)
      const xss = await client.get('/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E')
      assert.doesNotMatch(xss.body, /<script>alert\(1\)<\/script>/)
      assert.match(xss.body, /q=%3Cscript%3E|&lt;script&gt;/)
    })

    test('ping, health, info and metrics', async () => {
      const ping = await t.app.inject('/ping')
      assert.equal(ping.body, 'pong')
      const health = await t.app.inject('/health')
      assert.equal(health.statusCode, 200)
      assert.deepEqual(JSON.parse(health.body), { status: 'ok', checks: { database: 'ok' } })
      const info = JSON.parse((await t.app.inject('/info')).body) as Record<string, string>
      assert.equal(info.version, '0.1.0')
      assert.ok(info.commit)
      const metrics = await t.app.inject('/metrics')
      assert.match(metrics.body, /http_request_duration_seconds_bucket\{[^}]*route="\/ping"/)
      assert.match(metrics.body, /process_cpu_user_seconds_total/)
    })

    test('the access log: one line per request, in pino\'s shape and order, with the route pattern and never the URL', async () => {
      const written: string[] = []
      const logged = await startTestApp(kind, { services: [probe], logTo: { write: (text) => written.push(text) } })
      try {
        await logged.app.inject({ url: '/probe/form?token=single-use-secret', headers: { 'x-request-id': 'lb-77' } })
        await logged.app.inject('/no/such/page/single-use-secret')
        await logged.app.inject({ method: 'POST', url: '/probe/form', payload: { answer: 'x' } })
        await logged.app.inject('/probe/boom')
      } finally {
        await logged.close()
      }
      // The access log writes a turn's lines together: every write is whole lines.
      assert.ok(written.every((text) => text.endsWith('\n')))
      const lines = written.join('').split(/(?<=\n)/)
      assert.ok(!lines.some((line) => line.includes('single-use-secret')), 'no URL reaches the log')
      const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
      const answered = entries.filter((e) => e.msg === 'request answered')
      assert.deepEqual(
        answered.map((e) => [e.level, e.method, e.route, e.status]),
        [
          [30, 'GET', '/probe/form', 200],
          [30, 'GET', 'unmatched', 404],
          [30, 'POST', '/probe/form', 403],
          [40, 'GET', '/probe/boom', 500],
        ],
      )
      assert.deepEqual(Object.keys(answered[0] ?? {}), ['level', 'time', 'pid', 'hostname', 'requestId', 'method', 'route', 'status', 'ms', 'msg'])
      assert.equal(answered[0]?.requestId, 'lb-77')
      assert.equal(answered[0]?.pid, process.pid)
      assert.equal(typeof answered[0]?.ms, 'number')
      // pino's own lines share the destination, in the order things happened.
      const csrf = entries.findIndex((e) => e.msg === 'CSRF token missing or wrong')
      assert.ok(csrf >= 0 && entries[csrf + 1] === answered[2], 'the CSRF warning comes just before its request\'s line')
      assert.equal(entries[csrf]?.requestId, answered[2]?.requestId)
    })

    test('a request id is taken from X-Request-Id, or made', async () => {
      const given = await t.app.inject({ url: '/ping', headers: { 'x-request-id': 'lb-1234' } })
      assert.equal(given.headers['x-request-id'], 'lb-1234')
      const made = await t.app.inject({ url: '/ping', headers: { 'x-request-id': '<bad id>' } })
      assert.match(made.headers['x-request-id'] as string, /^[A-Za-z0-9_-]{12}-[0-9a-z]+$/)
    })

    test('assets are fingerprinted and cached for a year', async () => {
      const home = await t.app.inject('/')
      const css = /href="(\/assets\/[0-9a-f]{12}\/govuk-frontend\.min\.css)"/.exec(home.body)?.[1]
      assert.ok(css)
      const asset = await t.app.inject({ url: css, headers: { 'accept-encoding': 'br' } })
      assert.equal(asset.statusCode, 200)
      assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable')
      assert.equal(asset.headers['content-encoding'], 'br')
      const font = await t.app.inject(css.replace('govuk-frontend.min.css', 'fonts/bold-b542beb274-v2.woff2'))
      assert.equal(font.statusCode, 200)
      assert.equal(font.headers['content-type'], 'font/woff2')
      const stale = await t.app.inject('/assets/000000000000/govuk-frontend.min.css')
      assert.equal(stale.statusCode, 404)
    })

    test('postcode reference data imports idempotently', async () => {
      const { runImport } = await import('../../src/platform/reference-data/index.js')
      const { postcodeImporter } = await import('../../src/platform/reference-data/postcodes.js')
      const { REFERENCE_DATA_DIR } = await import('../support/app.js')
      const log = { info() {}, warn() {} }
      const dir = `${REFERENCE_DATA_DIR}/postcodes`
      await runImport(t.database.db, postcodeImporter, dir, log)
      const count = async () => Number((await t.database.db.selectFrom('postcode_sectors').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
      const once = await count()
      await runImport(t.database.db, postcodeImporter, dir, log)
      assert.equal(await count(), once)
      assert.equal(once, 12005)
      const sw1a = await t.database.db.selectFrom('postcode_sectors').selectAll().where('sector', '=', 'SW1A 1').executeTakeFirst()
      assert.ok(sw1a && Math.abs(sw1a.lat - 51.5) < 0.1)
    })
  })
}

/**
 * The README's first command, for real: `npm start` builds, migrates, imports
 * the reference data on first start, serves, and prints the URL. A second
 * start on the same data is quick and keeps everything. SIGTERM stops it
 * cleanly. And with DATABASE_URL, two processes serve one database
 * interchangeably (the web tier is stateless).
 */
import { after, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServerProcess, type ServerProcess } from '../support/process.js'
import { createServerDatabase } from '../support/databases.js'

const REFERENCE_DATA_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'data')

async function getPage(url: string, cookie = ''): Promise<{ status: number; body: string; cookies: string[] }> {
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' })
  return { status: response.status, body: await response.text(), cookies: response.headers.getSetCookie() }
}

describe('npm start on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jd-start-'))
  const running: ServerProcess[] = []
  after(async () => {
    for (const server of running) await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('first start imports reference data and serves; a restart keeps it and starts quickly; SIGTERM exits cleanly', async () => {
    const env = { DATA_DIR: dataDir, REFERENCE_DATA_DIR }
    const firstStarted = Date.now()
    const first = await startServerProcess(['npm', 'start', '--silent'], env)
    running.push(first)
    const firstMs = Date.now() - firstStarted
    assert.match(first.output(), /Imported postcodes/)
    const home = await getPage(first.url + '/')
    assert.equal(home.status, 200)
    assert.match(home.body, /govuk-template/)
    // npm itself may report the signal rather than an exit code; the server's own clean stop is what matters.
    await first.stop()
    for (let i = 0; i < 100 && !/Stopped cleanly/.test(first.output()); i++) await new Promise((r) => setTimeout(r, 100))
    assert.match(first.output(), /Stopped cleanly/)

    const secondStarted = Date.now()
    const second = await startServerProcess(['node', 'dist/main.js'], env)
    running.push(second)
    const secondMs = Date.now() - secondStarted
    assert.doesNotMatch(second.output(), /Imported postcodes/, 'reference data is kept, not imported again')
    const health = await getPage(second.url + '/health')
    assert.equal(health.status, 200)
    assert.ok(secondMs < firstMs, `second start (${secondMs} ms) is quicker than the first (${firstMs} ms)`)
    assert.equal(await second.stop(), 0)
  })

  test('a missing reference data folder is reported, and the platform still starts', async () => {
    const emptyData = mkdtempSync(join(tmpdir(), 'jd-start-'))
    const server = await startServerProcess(['node', 'dist/main.js'], { DATA_DIR: emptyData, REFERENCE_DATA_DIR: join(emptyData, 'nowhere') })
    running.push(server)
    assert.match(server.output(), /No postcodes reference data at/)
    assert.equal((await getPage(server.url + '/')).status, 200)
    assert.equal(await server.stop(), 0)
    rmSync(emptyData, { recursive: true, force: true })
  })

  test('production refuses to start without the values it requires', async () => {
    await assert.rejects(
      startServerProcess(['node', 'dist/main.js'], { NODE_ENV: 'production', DATA_DIR: dataDir }, 30_000),
      /Production needs these environment variables, which are not set: DATABASE_URL, SESSION_SECRET, BASE_URL/,
    )
  })
})

describe('two web processes on one PostgreSQL database', { skip: process.env.TEST_DATABASE_URL ? undefined : 'TEST_DATABASE_URL is not set' }, () => {
  test('a journey started on one process carries on on the other: no state lives in a process', async () => {
    const { url: databaseUrl, drop } = await createServerDatabase()
    const dataDir = mkdtempSync(join(tmpdir(), 'jd-scale-'))
    const env = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, REFERENCE_DATA_DIR, SESSION_SECRET: 'shared-secret-for-both-web-processes-0123456789' }
    // Both start at once on an empty database: they take turns to migrate and import.
    const [a, b] = await Promise.all([startServerProcess(['node', 'dist/main.js'], env), startServerProcess(['node', 'dist/main.js'], env)])
    try {
      const prisons = JSON.parse((await getPage(a.url + '/api/v1/prisons')).body) as { prisons: { code: string }[] }
      const code = prisons.prisons[0]?.code as string
      assert.ok(code, 'a bookable prison')

      // Process A starts the session and gives the form its CSRF token.
      const first = await getPage(a.url + '/prison-visits/book/prison')
      assert.equal(first.status, 200)
      const cookie = first.cookies.map((c) => c.split(';')[0]).join('; ')
      const csrf = /name="_csrf" value="([^"]+)"/.exec(first.body)?.[1] as string
      assert.ok(cookie && csrf)

      // Process B accepts the answer: it verifies the same session and token, and saves the draft.
      const answered = await fetch(b.url + '/prison-visits/book/prison', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, prison: code }).toString(),
        redirect: 'manual',
      })
      assert.equal(answered.status, 303)
      assert.match(answered.headers.get('location') ?? '', /\/prison-visits\/book\/prisoner/)

      // Back on process A, the journey knows the answer B saved.
      const next = await getPage(a.url + '/prison-visits/book/prisoner', cookie)
      assert.equal(next.status, 200)
      const back = await getPage(a.url + '/prison-visits/book/prison', cookie)
      assert.match(back.body, new RegExp(`<option value="${code}" selected`))
    } finally {
      await a.stop()
      await b.stop()
      await drop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

/**
 * The database going away and coming back: pages that need it answer 503,
 * /health says why, the process stays up and recovers by itself. Runs on the
 * PostgreSQL server through a TCP proxy the test can cut.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import net from 'node:net'
import { sql } from 'kysely'
import { buildApp, type JusticeApp } from '../../src/app.js'
import { openDatabase } from '../../src/platform/db/index.js'
import type { JusticeService } from '../../src/platform/service.js'
import { createServerDatabase } from '../support/databases.js'
import { testConfig } from '../support/app.js'

/** A TCP proxy to the database server that the test can cut and restore. */
class CuttableProxy {
  private server: net.Server | undefined
  private sockets = new Set<net.Socket>()
  port = 0
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host)
      for (const s of [client, upstream]) {
        this.sockets.add(s)
        s.on('close', () => this.sockets.delete(s))
        s.on('error', () => {})
      }
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve))
    this.port = (this.server?.address() as net.AddressInfo).port
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
    this.server = undefined
  }
}

const reader: JusticeService = {
  id: 'reader',
  name: { en: 'Reader', cy: 'Darllenydd' },
  description: { en: 'Reads the database', cy: 'Yn darllen y gronfa ddata' },
  path: '/reader',
  listed: false,
  async plugin(app, { database }) {
    app.get('/reader', async () => {
      const result = await sql<{ n: number }>`select 1 as n`.execute(database.db)
      return { n: result.rows[0]?.n }
    })
  },
}

describe('database outage on the PostgreSQL server', { skip: process.env.TEST_DATABASE_URL ? undefined : 'TEST_DATABASE_URL is not set' }, () => {
  let proxy: CuttableProxy
  let justice: JusticeApp
  let drop: () => Promise<void>
  before(async () => {
    const created = await createServerDatabase()
    drop = created.drop
    const target = new URL(created.url)
    proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) })
    await proxy.open()
    const proxied = new URL(created.url)
    proxied.port = String(proxy.port)
    const database = await openDatabase({ databaseUrl: proxied.toString(), dataDir: '', poolMax: 4 })
    justice = await buildApp(testConfig({ databaseUrl: proxied.toString() }), { database, services: [reader], logger: false })
  })
  after(async () => {
    await justice?.app.close()
    await justice?.database.close().catch(() => {})
    await proxy?.cut()
    await drop?.()
  })

  test('503 page and health error while down; recovers when it returns', async () => {
    assert.equal((await justice.app.inject('/reader')).statusCode, 200)
    await proxy.cut()

    const page = await justice.app.inject('/reader')
    assert.equal(page.statusCode, 503)
    assert.match(page.body, /Sorry, the service is unavailable/)
    assert.equal(page.headers['retry-after'], '30')
    const health = await justice.app.inject('/health')
    assert.equal(health.statusCode, 503)
    const body = JSON.parse(health.body) as { status: string; checks: { database: string } }
    assert.equal(body.status, 'error')
    assert.match(body.checks.database, /^error: /)
    // Pages that need no database still work.
    assert.equal((await justice.app.inject('/cookies')).statusCode, 200)

    await proxy.open()
    let recovered = false
    for (let attempt = 0; attempt < 20 && !recovered; attempt++) {
      recovered = (await justice.app.inject('/reader')).statusCode === 200
      if (!recovered) await new Promise((r) => setTimeout(r, 250))
    }
    assert.ok(recovered, 'the app answers again once the database is back')
    assert.equal((await justice.app.inject('/health')).statusCode, 200)
  })
})

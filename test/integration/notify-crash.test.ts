/**
 * A worker process is killed in the middle of a send (GOV.UK Notify has the
 * message; the worker never hears back or records it). A restarted worker
 * picks the job up once pg-boss takes the first for dead, asks Notify for our
 * reference, finds the message, and records it: delivered exactly once.
 */
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { sql } from 'kysely'
import { loadConfig, type NotifyConfig } from '../../src/config.js'
import { migrateAll } from '../../src/app.js'
import { registerMessageTypes, sendMessage, startNotifyQueue, type MessageType } from '../../src/platform/notify/index.js'
import { createServerDatabase, databaseKinds, openTestDatabase, type TestDatabase } from '../support/databases.js'
import { openDatabase } from '../../src/platform/db/index.js'
import { EMAIL_TEMPLATE_ID, FAKE_API_KEY, FakeNotify } from '../support/fake-notify.js'
import { ROOT } from '../support/process.js'

const types: MessageType[] = [
  { type: 'probe-crash-test', channels: ['email'], personalisation: [], render: () => ({ subject: 'Crash test', body: 'Sent once.' }) },
]
const silent = { info: () => {}, warn: () => {}, error: () => {} }

for (const kind of databaseKinds()) {
  describe(`a worker killed mid-send on ${kind}`, () => {
    test('the restarted worker finds the message at Notify and does not send it again', async () => {
      const notify = new FakeNotify()
      await notify.start()
      const dataDir = mkdtempSync(join(tmpdir(), 'jd-notify-crash-'))
      const open = () => openTestDatabase(kind, kind === 'pglite' ? dataDir : undefined)
      let testDatabase: TestDatabase = await open()
      const serverUrl = testDatabase.url
      const environment: Record<string, string> = {
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: dataDir,
        NOTIFY_PROVIDER: 'notify',
        NOTIFY_API_KEY: FAKE_API_KEY,
        NOTIFY_BASE_URL: notify.url,
        NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE_ID,
        NOTIFY_RETRY_DELAY_SECONDS: '1',
        ...(serverUrl ? { DATABASE_URL: serverUrl } : {}),
      }
      // Sends taken for dead after 2 s, so the test is quick.
      const config: NotifyConfig = { ...loadConfig(environment).notify, expireSeconds: 2, pollingSeconds: 0.5, maintenanceSeconds: 1 }
      try {
        await migrateAll(testDatabase.database, [])
        registerMessageTypes(types)
        const setUp = await startNotifyQueue(testDatabase.database, config, { work: false, log: silent })
        const id = await testDatabase.database.db
          .transaction()
          .execute((trx) => sendMessage(trx, { type: 'probe-crash-test', to: { email: 'crash@example.com' }, lang: 'en', personalisation: {}, idempotencyKey: 'crash:1' }))
        await setUp.stop()
        // PGlite is one process's at a time: the worker gets the files.
        if (kind === 'pglite') await testDatabase.database.close()

        notify.script('crash@example.com', ['hold'])
        const worker = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'worker'], {
          cwd: ROOT,
          env: { ...process.env, ...environment },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        let output = ''
        worker.stdout.on('data', (c: Buffer) => (output += c.toString()))
        worker.stderr.on('data', (c: Buffer) => (output += c.toString()))
        const exited = once(worker, 'exit')
        const held = once(notify, 'held')
        const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`the worker did not send within 60 s:\n${output}`)), 60_000).unref())
        await Promise.race([held, timeout, exited.then(() => Promise.reject(new Error(`the worker exited early:\n${output}`)))])
        worker.kill('SIGKILL')
        await exited
        assert.equal(notify.sentTo(id).length, 1, 'Notify has the message from the killed worker')

        if (kind === 'pglite') testDatabase = await open()
        const status = async () =>
          (await sql<{ status: string; attempts: number }>`select status, attempts from notify_messages where id = ${id}`.execute(testDatabase.database.db)).rows[0]
        assert.equal((await status())?.status, 'sending', 'the killed worker never recorded the send')

        const restarted = await startNotifyQueue(testDatabase.database, config, { work: true, log: silent })
        try {
          const deadline = Date.now() + 30_000
          while ((await status())?.status !== 'sent' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
        } finally {
          await restarted.stop()
        }
        assert.deepEqual(await status(), { status: 'sent', attempts: 2 })
        assert.ok(notify.lookups.includes(id), 'the restarted worker asked Notify for our reference')
        assert.equal(notify.sends.filter((s) => s.reference === id).length, 1, 'sent exactly once')
        assert.equal(notify.sentTo(id).length, 1)
      } finally {
        await notify.stop()
        await testDatabase.drop()
        await testDatabase.database.close().catch(() => {})
      }
    })
  })
}

describe('several processes starting at once on one PostgreSQL database', { skip: !databaseKinds().includes('postgres') && 'TEST_DATABASE_URL is not set' }, () => {
  test('two `justice worker --drain` processes share the messages and send each once', async () => {
    const notify = new FakeNotify()
    await notify.start()
    const testDatabase = await openTestDatabase('postgres')
    const environment: Record<string, string> = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: testDatabase.url as string,
      NOTIFY_PROVIDER: 'notify',
      NOTIFY_API_KEY: FAKE_API_KEY,
      NOTIFY_BASE_URL: notify.url,
      NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE_ID,
    }
    try {
      await migrateAll(testDatabase.database, [])
      registerMessageTypes(types)
      const setUp = await startNotifyQueue(testDatabase.database, loadConfig(environment).notify, { work: false, log: silent })
      await setUp.stop()
      const ids: string[] = []
      for (let i = 0; i < 16; i++) {
        ids.push(await sendMessage(testDatabase.database.db, { type: 'probe-crash-test', to: { email: `many-${i}@example.com` }, lang: 'en', personalisation: {}, idempotencyKey: `many:${i}` }))
      }
      const workers = [1, 2].map(() => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'worker', '--drain'], { cwd: ROOT, env: { ...process.env, ...environment }, stdio: 'ignore' })
        return once(child, 'exit')
      })
      const codes = await Promise.all(workers)
      assert.deepEqual(codes.map(([code]) => code), [0, 0])
      const sent = await sql<{ n: number }>`select count(*)::int as n from notify_messages where status = 'sent'`.execute(testDatabase.database.db)
      assert.equal(sent.rows[0]?.n, ids.length)
      for (const id of ids) assert.equal(notify.sends.filter((s) => s.reference === id).length, 1, `message ${id} sent once`)
    } finally {
      await notify.stop()
      await testDatabase.drop()
    }
  })

  test('they set up the queues in turn instead of deadlocking', async () => {
    const server = await createServerDatabase()
    // One pool each, as separate processes would have.
    const databases = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ databaseUrl: server.url, dataDir: '', poolMax: 3 })))
    try {
      await migrateAll(databases[0]!, [])
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: server.url }).notify
      const queues = await Promise.all(databases.map((database) => startNotifyQueue(database, config, { work: false, log: silent })))
      await Promise.all(queues.map((q) => q.stop()))
      const created = await sql<{ n: number }>`select count(*)::int as n from pgboss.queue where name like 'notify-%'`.execute(databases[0]!.db)
      assert.equal(created.rows[0]?.n, 2)
    } finally {
      await Promise.all(databases.map((d) => d.close()))
      await server.drop()
    }
  })
})

/**
 * The `justice` command's staff and audit parts, end to end on an embedded
 * database in a temporary folder: create-admin prints a single-use set-up
 * link, the first development start makes one for a local admin, and audit
 * verify passes an untouched trail.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REFERENCE_DATA_DIR } from '../support/app.js'

test('justice staff create-admin and justice audit verify', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jd-cli-'))
  Object.assign(process.env, { NODE_ENV: 'test', DATA_DIR: dir, REFERENCE_DATA_DIR, LOG_LEVEL: 'silent', BASE_URL: 'https://justice.example', NOTIFY_WORKER: 'false' })
  delete process.env.DATABASE_URL
  const { run } = await import('../../src/cli.js')
  const lines: string[] = []
  const out = (l: string) => lines.push(l)

  // In development, the first start makes a set-up link for a local admin, once.
  assert.equal(await run(['migrate'], out), 0)
  const { loadConfig } = await import('../../src/config.js')
  const { openDatabase } = await import('../../src/platform/db/index.js')
  const { firstAdminLink } = await import('../../src/platform/staff/index.js')
  const config = { ...loadConfig(), env: 'development' as const }
  const database = await openDatabase({ databaseUrl: undefined, dataDir: dir })
  assert.equal(await firstAdminLink(database, { ...config, env: 'production' }), undefined, 'never outside development')
  assert.match((await firstAdminLink(database, config)) ?? '', /\/staff\/set-up\//)
  assert.equal(await firstAdminLink(database, config), undefined, 'only the first time')
  await database.close()
  lines.length = 0

  assert.equal(await run(['staff', 'create-admin', '--email', 'Head.Admin@justice.gov.uk', '--name', 'Head Admin'], out), 0)
  const text = lines.join('\n')
  assert.match(text, /Created head\.admin@justice\.gov\.uk as a platform admin/)
  assert.match(text, /https:\/\/justice\.example\/staff\/set-up\/[A-Za-z0-9_-]{43}/)
  assert.doesNotMatch(text, /password:/i, 'no default password, ever')
  lines.length = 0
  assert.equal(await run(['audit', 'verify'], out), 0)
  assert.match(lines.join('\n'), /The audit trail is intact: 2 events,/)
})

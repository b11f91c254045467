import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../config.js'

const dataDir = () => mkdtempSync(join(tmpdir(), 'jd-notify-config-'))
const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://localhost/justice',
  SESSION_SECRET: 'a-session-secret-that-is-long-enough-0123456789',
  BASE_URL: 'https://justice.example.gov.uk',
}
const KEY = 'live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0'

test('by default messages go to the outbox, with a worker in the web process and 90 days retention', () => {
  const notify = loadConfig({ DATA_DIR: dataDir() }).notify
  assert.equal(notify.provider, 'outbox')
  assert.equal(notify.worker, true)
  assert.equal(notify.retentionDays, 90)
  assert.deepEqual(notify.templateIds, {})
})

test('production needs NOTIFY_API_KEY only when the provider is Notify', () => {
  assert.doesNotThrow(() => loadConfig({ ...production, DATA_DIR: dataDir() }))
  assert.throws(() => loadConfig({ ...production, DATA_DIR: dataDir(), NOTIFY_PROVIDER: 'notify' }), /NOTIFY_API_KEY/)
  const notify = loadConfig({ ...production, DATA_DIR: dataDir(), NOTIFY_PROVIDER: 'notify', NOTIFY_API_KEY: KEY }).notify
  assert.equal(notify.apiKey, KEY)
})

test('templates per type come as JSON, and bad values are named', () => {
  const notify = loadConfig({ DATA_DIR: dataDir(), NOTIFY_TEMPLATE_IDS: '{"prison-visits-booked:email:cy":"abc"}', NOTIFY_WORKER: 'false' }).notify
  assert.deepEqual(notify.templateIds, { 'prison-visits-booked:email:cy': 'abc' })
  assert.equal(notify.worker, false)
  assert.throws(() => loadConfig({ DATA_DIR: dataDir(), NOTIFY_TEMPLATE_IDS: '[1,2' }), /NOTIFY_TEMPLATE_IDS/)
  assert.throws(() => loadConfig({ DATA_DIR: dataDir(), NOTIFY_API_KEY: 'short' }), /NOTIFY_API_KEY/)
  assert.throws(() => loadConfig({ DATA_DIR: dataDir(), NOTIFY_RETENTION_DAYS: '0' }), /NOTIFY_RETENTION_DAYS/)
})

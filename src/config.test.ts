import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, ENVIRONMENT_VARIABLES, PROJECT_ROOT, loadConfig } from './config.js'

test('development needs nothing: the session secret is generated once and kept', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jd-config-'))
  const first = loadConfig({ DATA_DIR: dir })
  const second = loadConfig({ DATA_DIR: dir })
  assert.equal(first.port, 3000)
  assert.equal(first.databaseUrl, undefined)
  assert.ok(first.sessionSecret.length >= 32)
  assert.equal(second.sessionSecret, first.sessionSecret)
})

test('production names each missing value it requires', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), (e: unknown) => e instanceof ConfigError && /DATABASE_URL, SESSION_SECRET, BASE_URL/.test(e.message))
  const ok = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', SESSION_SECRET: 'x'.repeat(32), BASE_URL: 'https://justice.example' })
  assert.equal(ok.host, '0.0.0.0')
  assert.throws(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', SESSION_SECRET: 'x'.repeat(32), BASE_URL: 'https://j.example', CSRF: 'false' }), ConfigError)
})

test('invalid values are refused with the variable named', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty', DATA_DIR: mkdtempSync(join(tmpdir(), 'jd-config-')) }), /PORT/)
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x', DATA_DIR: mkdtempSync(join(tmpdir(), 'jd-config-')) }), /DATABASE_URL/)
  assert.throws(() => loadConfig({ SESSION_SECRET: 'short' }), /SESSION_SECRET/)
})

test('every environment variable is documented in the README or docs/', () => {
  const docs = [join(PROJECT_ROOT, 'README.md'), ...readdirSync(join(PROJECT_ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(PROJECT_ROOT, 'docs', f))]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n')
  const undocumented = ENVIRONMENT_VARIABLES.filter((name) => !docs.includes('`' + name + '`'))
  assert.deepEqual(undocumented, [])
})

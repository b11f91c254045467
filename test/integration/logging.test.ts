/**
 * The access log in a real process: a crash exits without shutting down, and
 * the lines of its last turn of the event loop (which wait to be written
 * together, observability.ts) must still reach standard output.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = join(import.meta.dirname, '..', '..')

test('a crash in the same turn as a request still logs that request', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jd-crash-'))
  try {
    const script = `
      import { loadConfig } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src', 'config.ts')).href)}
      import { buildApp } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src', 'app.ts')).href)}
      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: ${JSON.stringify(dataDir)}, LOG_LEVEL: 'info' }, { sessionSecret: 'test-session-secret-that-is-long-enough-0123456789' })
      const { app } = await buildApp(config, { services: [], logger: { level: 'info' } })
      await app.inject('/ping')
      throw new Error('a bug, in the same turn')
    `
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    assert.notEqual(run.status, 0, 'the process crashed')
    assert.match(run.stderr, /a bug, in the same turn/)
    const answered = run.stdout.split('\n').filter((line) => line.includes('"msg":"request answered"'))
    assert.equal(answered.length, 1, `stdout: ${run.stdout.slice(-500)}`)
    assert.match(answered[0] ?? '', /"route":"\/ping","status":200/)
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})

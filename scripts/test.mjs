#!/usr/bin/env node
// Runs the test suites with Node's own test runner (TypeScript through tsx).
//
//   node scripts/test.mjs            every suite: unit, integration, browser
//   node scripts/test.mjs unit       tests beside the code (src/**/*.test.ts)
//   node scripts/test.mjs integration  test/integration: on PGlite, and on the
//                                    PostgreSQL server too when TEST_DATABASE_URL is set
//   node scripts/test.mjs browser    test/browser: Chromium through playwright-core
//
// Extra arguments after the suite are passed to node --test (e.g. a file).
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

function find(dir, pattern, out = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (name === 'node_modules' || name.startsWith('.')) continue
    if (statSync(full).isDirectory()) find(full, pattern, out)
    else if (pattern.test(full)) out.push(relative(root, full))
  }
  return out.sort()
}

const suites = {
  unit: () => find(join(root, 'src'), /\.test\.ts$/),
  integration: () => find(join(root, 'test', 'integration'), /\.test\.ts$/),
  browser: () => find(join(root, 'test', 'browser'), /\.test\.ts$/),
}

const [suiteArg, ...rest] = process.argv.slice(2)
const chosen = suiteArg && suiteArg in suites ? [suiteArg] : Object.keys(suites)
const extra = suiteArg && !(suiteArg in suites) ? [suiteArg, ...rest] : rest

let failed = false
for (const suite of chosen) {
  const files = extra.some((a) => !a.startsWith('-')) ? extra.filter((a) => !a.startsWith('-')) : suites[suite]()
  if (files.length === 0) continue
  const flags = extra.filter((a) => a.startsWith('-'))
  process.stdout.write(`\n# ${suite} tests (${files.length} files)\n`)
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', ...flags, ...files],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
  )
  if (result.status !== 0) failed = true
  if (extra.some((a) => !a.startsWith('-'))) break
}
process.exit(failed ? 1 : 0)

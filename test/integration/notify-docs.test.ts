/** docs/notifications.md lists every message type the app sends, with its channels and personalisation fields. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { allMessageTypes } from '../../src/app.js'
import { ROOT } from '../support/process.js'

test('every message type is documented with its channels and personalisation', () => {
  const docs = readFileSync(join(ROOT, 'docs', 'notifications.md'), 'utf8')
  const rows = new Map(
    docs
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => [/^\| `([^`]+)`/.exec(line)?.[1], line] as const),
  )
  const problems: string[] = []
  for (const type of allMessageTypes()) {
    const row = rows.get(type.type)
    if (!row) {
      problems.push(`${type.type} is not in docs/notifications.md`)
      continue
    }
    for (const channel of type.channels) if (!row.includes(channel === 'sms' ? 'sms' : 'email')) problems.push(`${type.type}: channel ${channel} not listed`)
    for (const field of type.personalisation) if (!row.includes('`' + field + '`')) problems.push(`${type.type}: field ${field} not listed`)
  }
  assert.deepEqual(problems, [])
})

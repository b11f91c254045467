import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ukMidnight } from './routes.js'

test('dates are London midnights, in winter and summer', () => {
  assert.equal(ukMidnight('2026-01-15')?.toISOString(), '2026-01-15T00:00:00.000Z')
  assert.equal(ukMidnight('2026-07-15')?.toISOString(), '2026-07-14T23:00:00.000Z')
  assert.equal(ukMidnight('2026-02-30'), undefined)
  assert.equal(ukMidnight('15/01/2026'), undefined)
})

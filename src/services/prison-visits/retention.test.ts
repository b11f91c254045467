import { test } from 'node:test'
import assert from 'node:assert/strict'
import { retentionCutoff } from './retention.js'

test('personal data goes the day after the retention period ends', () => {
  assert.equal(retentionCutoff('2026-11-29', 12), '2025-11-28')
  assert.equal(retentionCutoff('2026-03-31', 1), '2026-02-27') // no 31 February: the end of the month
  assert.equal(retentionCutoff('2026-01-15', 13), '2024-12-14')
})

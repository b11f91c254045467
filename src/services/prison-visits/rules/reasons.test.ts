import { test } from 'node:test'
import assert from 'node:assert/strict'
import { CANCELLATION_REASON_TEXT, CANCELLATION_REASONS, isCancellationReason, isRejectionReason, REJECTION_REASON_TEXT, REJECTION_REASONS } from './reasons.js'

test('PVB2 has fifteen rejection reasons and ten staff cancellation reasons, each in English and Welsh', () => {
  assert.equal(new Set(REJECTION_REASONS).size, 15)
  assert.equal(new Set(CANCELLATION_REASONS).size, 10)
  for (const r of REJECTION_REASONS) assert.ok(REJECTION_REASON_TEXT[r].en && REJECTION_REASON_TEXT[r].cy && REJECTION_REASON_TEXT[r].en !== REJECTION_REASON_TEXT[r].cy, r)
  for (const r of CANCELLATION_REASONS) assert.ok(CANCELLATION_REASON_TEXT[r].en && CANCELLATION_REASON_TEXT[r].cy && CANCELLATION_REASON_TEXT[r].en !== CANCELLATION_REASON_TEXT[r].cy, r)
  assert.equal(isRejectionReason('no_allowance'), true)
  assert.equal(isRejectionReason('visitor_cancelled'), false)
  assert.equal(isCancellationReason('booked_in_error'), true)
  assert.equal(isCancellationReason('duplicate_visit_request'), false)
})

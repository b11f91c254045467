import { test } from 'node:test'
import assert from 'node:assert/strict'
import { accrue, checkConvicted, checkRemand, DEFAULT_ALLOWANCE } from './allowance.js'

test('convicted prisoners earn orders every 28 days, carried over up to the cap', () => {
  assert.deepEqual(accrue({ balance: 0, accruedOn: '2026-11-01' }, '2026-11-28', DEFAULT_ALLOWANCE), { balance: 0, accruedOn: '2026-11-01' })
  assert.deepEqual(accrue({ balance: 0, accruedOn: '2026-11-01' }, '2026-11-29', DEFAULT_ALLOWANCE), { balance: 2, accruedOn: '2026-11-29' })
  assert.deepEqual(accrue({ balance: 1, accruedOn: '2026-01-01' }, '2026-03-01', DEFAULT_ALLOWANCE), { balance: 5, accruedOn: '2026-02-26' })
  assert.equal(accrue({ balance: 25, accruedOn: '2025-01-01' }, '2026-11-29', DEFAULT_ALLOWANCE).balance, 26)
  // An adjustment above the cap by staff is not taken away by accrual.
  assert.equal(accrue({ balance: 30, accruedOn: '2026-01-01' }, '2026-03-01', DEFAULT_ALLOWANCE).balance, 30)
})

test('with no orders left the visitor is told when the next is due', () => {
  assert.deepEqual(checkConvicted({ balance: 1, accruedOn: '2026-11-01' }, '2026-11-10', DEFAULT_ALLOWANCE), { available: true })
  assert.deepEqual(checkConvicted({ balance: 0, accruedOn: '2026-11-01' }, '2026-11-10', DEFAULT_ALLOWANCE), { available: false, nextDueOn: '2026-11-29' })
})

test('remand prisoners have a weekly limit', () => {
  assert.deepEqual(checkRemand(2, '2026-12-02', DEFAULT_ALLOWANCE), { available: true })
  assert.deepEqual(checkRemand(3, '2026-12-02', DEFAULT_ALLOWANCE), { available: false, nextDueOn: '2026-12-07' })
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { decideOutcome, type OutcomeFacts } from './outcome.js'

const base: OutcomeFacts = {
  placeHeld: true,
  allowance: { available: true },
  visitors: [{ name: 'Ann Smith', onList: true, bannedUntil: null, closedOnly: false }],
  prisonKeepsList: true,
  prisonerClosedOnly: false,
  visitDate: '2026-12-10',
}

test('booked at once when every condition holds', () => {
  assert.deepEqual(decideOutcome(base), { kind: 'booked' })
  assert.deepEqual(decideOutcome({ ...base, prisonKeepsList: false, visitors: [{ ...base.visitors[0]!, onList: false }] }), { kind: 'booked' })
})

test('without the held place the visitor chooses another time', () => {
  assert.deepEqual(decideOutcome({ ...base, placeHeld: false, allowance: { available: false, nextDueOn: '2026-12-20' } }), { kind: 'unavailable' })
})

test('otherwise a request, with every reason', () => {
  const outcome = decideOutcome({
    ...base,
    allowance: { available: false, nextDueOn: '2026-12-20' },
    visitors: [
      { name: 'Ann Smith', onList: false, bannedUntil: null, closedOnly: false },
      { name: 'Bob Smith', onList: true, bannedUntil: '2026-12-10', closedOnly: true },
    ],
  })
  assert.deepEqual(outcome, {
    kind: 'requested',
    reasons: [
      { kind: 'no-allowance', nextDueOn: '2026-12-20' },
      { kind: 'visitor-not-on-list', visitor: 'Ann Smith' },
      { kind: 'visitor-banned', visitor: 'Bob Smith' },
      { kind: 'closed-visit' },
    ],
  })
  // A ban that ended before the visit does not apply.
  assert.deepEqual(decideOutcome({ ...base, visitors: [{ ...base.visitors[0]!, bannedUntil: '2026-12-09' }] }), { kind: 'booked' })
  assert.deepEqual(decideOutcome({ ...base, prisonerClosedOnly: true }), { kind: 'requested', reasons: [{ kind: 'closed-visit' }] })
  assert.deepEqual(decideOutcome({ ...base, prisonerVisitsBanned: true }), { kind: 'requested', reasons: [{ kind: 'prisoner-restricted' }] })
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { canTransition, InvalidTransition, stateOn, transition, VISIT_STATES, visitorCanCancel, type VisitState } from './states.js'

test('only the allowed transitions are possible', () => {
  const allowed = new Set(['requested>booked', 'requested>rejected', 'requested>withdrawn', 'booked>cancelled', 'booked>completed'])
  for (const from of VISIT_STATES) {
    for (const to of VISIT_STATES) {
      assert.equal(canTransition(from, to), allowed.has(`${from}>${to}`), `${from} -> ${to}`)
    }
  }
  assert.throws(() => transition('cancelled', 'booked'), InvalidTransition)
  assert.equal(transition('requested', 'booked'), 'booked')
})

test('a booked visit in the past is completed', () => {
  assert.equal(stateOn('booked', '2026-01-01', '2026-01-02'), 'completed')
  assert.equal(stateOn('booked', '2026-01-02', '2026-01-02'), 'booked')
  assert.equal(stateOn('requested', '2026-01-01', '2026-01-02'), 'requested')
})

test('the visitor cancels future bookings and withdraws requests, never past visits', () => {
  const cases: [VisitState, string, VisitState | undefined][] = [
    ['booked', '2026-01-03', 'cancelled'],
    ['booked', '2026-01-02', undefined],
    ['booked', '2026-01-01', undefined],
    ['requested', '2026-01-03', 'withdrawn'],
    ['rejected', '2026-01-03', undefined],
    ['cancelled', '2026-01-03', undefined],
  ]
  for (const [state, date, expected] of cases) assert.equal(visitorCanCancel(state, date, '2026-01-02'), expected, `${state} ${date}`)
})

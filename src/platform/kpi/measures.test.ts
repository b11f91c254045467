import { test } from 'node:test'
import assert from 'node:assert/strict'
import { journeyMeasures, satisfactionMeasures } from './measures.js'

test('completion rate, drop-off by last page viewed, and digital take-up', () => {
  const m = journeyMeasures([
    { completed: true, channel: 'digital', lastPage: 'check-answers' },
    { completed: true, channel: 'assisted', lastPage: 'check-answers' },
    { completed: true, channel: 'digital', lastPage: 'check-answers' },
    { completed: false, channel: 'digital', lastPage: 'date-of-birth' },
    { completed: false, channel: 'digital', lastPage: 'date-of-birth' },
    { completed: false, channel: 'digital', lastPage: 'contact' },
    { completed: false, channel: 'digital', lastPage: null },
  ])
  assert.equal(m.started, 7)
  assert.equal(m.completed, 3)
  assert.equal(m.completionRate, 3 / 7)
  assert.deepEqual(m.dropOffByPage, [
    { page: 'date-of-birth', runs: 2 },
    { page: 'contact', runs: 1 },
  ])
  assert.equal(m.digitalTakeUp, 2 / 3)
})

test('no runs: no rates rather than a division by zero', () => {
  assert.deepEqual(journeyMeasures([]), { started: 0, completed: 0, completionRate: null, dropOffByPage: [], digitalTakeUp: null })
})

test('satisfaction: satisfied and very satisfied as a share of responses', () => {
  const s = satisfactionMeasures([5, 4, 3, 1, 5])
  assert.deepEqual(s.byRating, { 1: 1, 2: 0, 3: 1, 4: 1, 5: 2 })
  assert.equal(s.satisfied, 3 / 5)
  assert.equal(satisfactionMeasures([]).satisfied, null)
})

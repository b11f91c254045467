import { test } from 'node:test'
import assert from 'node:assert/strict'
import { hasPlace, placeNeeded, placesLeft } from './capacity.js'

test('a closed place is needed when the prisoner or any visitor is restricted', () => {
  assert.equal(placeNeeded(false, [false, false]), 'open')
  assert.equal(placeNeeded(true, []), 'closed')
  assert.equal(placeNeeded(false, [false, true]), 'closed')
})

test('open and closed places are counted separately and never below zero', () => {
  const use = { openCapacity: 2, closedCapacity: 1, openTaken: 2, closedTaken: 0 }
  assert.equal(hasPlace(use, 'open'), false)
  assert.equal(hasPlace(use, 'closed'), true)
  assert.equal(placesLeft({ ...use, openTaken: 5 }, 'open'), 0)
})

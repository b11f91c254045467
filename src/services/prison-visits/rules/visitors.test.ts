import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DEFAULT_VISITOR_LIMITS, normalisePrisonerNumber, sameName, visitorProblems } from './visitors.js'

const today = '2026-11-29'

test('the lead visitor must be 18 or over', () => {
  assert.deepEqual(visitorProblems(['2008-11-29'], DEFAULT_VISITOR_LIMITS, today), [])
  assert.deepEqual(visitorProblems(['2008-11-30'], DEFAULT_VISITOR_LIMITS, today), ['lead-visitor-under-18'])
})

test('each broken limit is named', () => {
  const adult = '1980-01-01'
  const child = '2020-01-01'
  assert.deepEqual(visitorProblems([adult, adult, adult, child, child, child], DEFAULT_VISITOR_LIMITS, today), [])
  assert.deepEqual(visitorProblems([adult, adult, adult, adult], DEFAULT_VISITOR_LIMITS, today), ['too-many-adults'])
  assert.deepEqual(visitorProblems([adult, child, child, child, child, child, child], DEFAULT_VISITOR_LIMITS, today), ['too-many-visitors'])
  // A prison where adulthood starts at 10 counts a 12-year-old as an adult.
  assert.deepEqual(visitorProblems([adult, adult, adult, '2014-01-01'], { ...DEFAULT_VISITOR_LIMITS, adultAge: 10 }, today), ['too-many-adults'])
})

test('prisoner numbers are uppercased, trimmed and checked', () => {
  assert.equal(normalisePrisonerNumber(' a1234bc '), 'A1234BC')
  assert.equal(normalisePrisonerNumber('A1234B'), undefined)
  assert.equal(normalisePrisonerNumber('11234BC'), undefined)
  assert.equal(normalisePrisonerNumber('A1234BCD'), undefined)
})

test('names match whatever the case, accents and spacing', () => {
  assert.equal(sameName('Siân Lloyd-Jones', 'SIAN LLOYD JONES'), true)
  assert.equal(sameName('Sian', 'Sean'), false)
  assert.equal(sameName('', ''), false)
})

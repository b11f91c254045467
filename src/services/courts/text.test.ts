import { test } from 'node:test'
import assert from 'node:assert/strict'
import { distanceMiles, roundMiles } from './geo.js'
import { editDistance, normaliseText, wordMatch } from './text.js'

test('case, accents, apostrophes and punctuation do not matter', () => {
  assert.equal(normaliseText("King’s Lynn Magistrates' Court"), 'kings lynn magistrates court')
  assert.equal(normaliseText('Llys Ynadon Caerdydd – Ŵyr'), 'llys ynadon caerdydd wyr')
  assert.equal(normaliseText('Bath & Wells'), 'bath and wells')
})

test('edit distance counts typos, including swapped letters', () => {
  assert.equal(editDistance('combind', 'combined', 2), 1)
  assert.equal(editDistance('cmobined', 'combined', 2), 1)
  assert.equal(editDistance('leeds', 'leeds', 2), 0)
  assert.equal(editDistance('leeds', 'bristol', 2), 3)
  assert.equal(editDistance('kitten', 'sitting', 3), 3)
})

test('words match exactly, by prefix or within a typo allowance', () => {
  assert.equal(wordMatch('leeds', 'leeds'), 1)
  assert.equal(wordMatch('comb', 'combined'), 0.8)
  assert.equal(wordMatch('combind', 'combined'), 0.6)
  assert.equal(wordMatch('lee', 'leo'), 0, 'short words must be exact')
  assert.equal(wordMatch('manchestr', 'leeds'), 0)
})

test('great-circle distance in miles', () => {
  // One degree along a meridian is 2πR/360 = 69.09 miles on a sphere of radius 3958.8 miles.
  assert.equal(roundMiles(distanceMiles(50, 0, 51, 0)), 69.1)
  // A quarter of the way round the equator is πR/2 = 6218.5 miles.
  assert.equal(roundMiles(distanceMiles(0, 0, 0, 90)), 6218.5)
  assert.equal(distanceMiles(53.8, -1.55, 53.8, -1.55), 0)
  assert.equal(roundMiles(1.04), 1)
  assert.equal(roundMiles(1.05), 1.1)
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { prisonMatches, PRISON_MATCHES_SCRIPT } from './prison-matches.js'

const names = ['Wandsworth', 'Wayland', 'Cardiff', 'Berwyn', 'Bristol', 'Isle of Wight', 'Hatfield Lakes', 'Parc', 'Wakefield', 'Caerdydd']

test('an empty query lists every prison, as the select does', () => {
  assert.deepEqual(prisonMatches('', names), names)
  assert.deepEqual(prisonMatches('  ', names), names)
})

test('names that start with the query come first, then word starts, then the rest that contain it', () => {
  assert.deepEqual(prisonMatches('wa', names), ['Wakefield', 'Wandsworth', 'Wayland'])
  assert.deepEqual(prisonMatches('wight', names), ['Isle of Wight'])
  assert.deepEqual(prisonMatches('of wi', names), ['Isle of Wight'])
  assert.deepEqual(prisonMatches('field', names), ['Hatfield Lakes', 'Wakefield'])
  assert.deepEqual(prisonMatches('CARDIFF', names), ['Cardiff'], 'any case')
})

test('a letter or two out still finds the prison', () => {
  assert.deepEqual(prisonMatches('wandswoth', names), ['Wandsworth'], 'a letter missed')
  assert.deepEqual(prisonMatches('cradiff', names), ['Cardiff'], 'two letters swapped')
  assert.deepEqual(prisonMatches('bristel', names), ['Bristol'], 'a letter wrong')
  assert.deepEqual(prisonMatches('isle of wihgt', names), ['Isle of Wight'], 'in any word')
  assert.deepEqual(prisonMatches('hatfeild lakes', names), ['Hatfield Lakes'])
})

test('short words must match exactly, and a long way off matches nothing', () => {
  assert.deepEqual(prisonMatches('pa', names), ['Parc'])
  assert.deepEqual(prisonMatches('xyz', names), [])
  assert.deepEqual(prisonMatches('cambridge', names), [])
  assert.deepEqual(prisonMatches('brstl', names), [], 'two letters out of a six-letter word is too far')
})

test('the browser runs the same function from its own source', () => {
  const fromSource = new Function('query', 'names', `${PRISON_MATCHES_SCRIPT}\nreturn prisonMatches(query, names)`) as (q: string, n: string[]) => string[]
  for (const query of ['', 'wa', 'wandswoth', 'cradiff', 'xyz']) assert.deepEqual(fromSource(query, names), prisonMatches(query, names), query)
})

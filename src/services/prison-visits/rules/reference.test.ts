import { test } from 'node:test'
import assert from 'node:assert/strict'
import { newReference, normaliseReference, REFERENCE } from './reference.js'

test('references are 8 Crockford base32 characters', () => {
  for (let i = 0; i < 200; i++) assert.match(newReference(), REFERENCE)
  assert.equal(newReference(() => Buffer.alloc(5)), '00000000')
  assert.equal(newReference(() => Buffer.alloc(5, 0xff)), 'ZZZZZZZZ')
})

test('typed references are read the Crockford way', () => {
  assert.equal(normaliseReference('abcd-efgh'), 'ABCDEFGH')
  assert.equal(normaliseReference('o1il 2345'), '01112345')
  assert.equal(normaliseReference('ABCDEFGU'), undefined)
  assert.equal(normaliseReference('ABC'), undefined)
})

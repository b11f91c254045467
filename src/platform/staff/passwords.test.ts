import { test } from 'node:test'
import assert from 'node:assert/strict'
import { hashPassword, isCommonPassword, passwordProblem, verifyPassword } from './passwords.js'

test('argon2id hashes verify only the right password', async () => {
  const h = await hashPassword('a long and unusual passphrase')
  assert.match(h, /^\$argon2id\$/)
  assert.equal(await verifyPassword(h, 'a long and unusual passphrase'), true)
  assert.equal(await verifyPassword(h, 'a long and unusual passphrasE'), false)
  assert.equal(await verifyPassword(null, 'anything at all'), false)
})

test('common passwords are refused, whatever their case', () => {
  assert.equal(isCommonPassword('password1234'), true)
  assert.equal(isCommonPassword('qwertyuiop12'), true)
  assert.equal(isCommonPassword('PASSWORD'), true)
  assert.equal(isCommonPassword('violet kettle seventeen'), false)
})

test('password rules', () => {
  const email = 'sam.jones@justice.gov.uk'
  assert.equal(passwordProblem('', '', email), 'missing')
  assert.equal(passwordProblem('short pass', 'short pass', email), 'tooShort')
  assert.equal(passwordProblem('123456789012', '123456789012', email), 'common')
  assert.equal(passwordProblem('sam.jones-is-me', 'sam.jones-is-me', email), 'containsEmail')
  assert.equal(passwordProblem('violet kettle seventeen', 'violet kettle 17', email), 'mismatch')
  assert.equal(passwordProblem('violet kettle seventeen', 'violet kettle seventeen', email), undefined)
})

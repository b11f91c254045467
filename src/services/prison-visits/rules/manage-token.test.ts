import { test } from 'node:test'
import assert from 'node:assert/strict'
import { signManageToken, verifyManageToken } from './manage-token.js'

const secret = 'x'.repeat(32)
const now = new Date('2026-11-29T12:00:00Z')

test('a manage token names its visit until it expires', () => {
  const token = signManageToken('visit-1', new Date(now.getTime() + 60_000), secret)
  assert.equal(verifyManageToken(token, secret, now), 'visit-1')
  assert.equal(verifyManageToken(token, secret, new Date(now.getTime() + 120_000)), undefined)
})

test('a forged, altered or foreign token is refused', () => {
  const token = signManageToken('visit-1', new Date(now.getTime() + 60_000), secret)
  assert.equal(verifyManageToken(token.replace('visit-1', 'visit-2'), secret, now), undefined)
  assert.equal(verifyManageToken(token, 'y'.repeat(32), now), undefined)
  assert.equal(verifyManageToken('nonsense', secret, now), undefined)
  const [id, , sig] = token.split('.')
  assert.equal(verifyManageToken(`${id}.zzzzzzzz.${sig}`, secret, now), undefined)
})

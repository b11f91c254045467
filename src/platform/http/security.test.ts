import { test } from 'node:test'
import assert from 'node:assert/strict'
import { contentSecurityPolicy } from './security.js'

test('the CSP allows scripts only from our origin or with the nonce', () => {
  const csp = contentSecurityPolicy('abc123', false)
  assert.match(csp, /script-src 'self' 'nonce-abc123'/)
  assert.match(csp, /frame-ancestors 'none'/)
  assert.match(csp, /object-src 'none'/)
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/)
  assert.doesNotMatch(csp, /upgrade-insecure-requests/)
  assert.match(contentSecurityPolicy('x', true), /upgrade-insecure-requests/)
})

test('nonces are 144-bit, base64, and never repeat', async () => {
  const { nextNonce } = await import('./security.js')
  const seen = new Set<string>()
  for (let i = 0; i < 2000; i++) {
    const nonce = nextNonce()
    assert.match(nonce, /^[A-Za-z0-9+/]{24}$/)
    seen.add(nonce)
  }
  assert.equal(seen.size, 2000)
})

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

test('everything else, styles, fonts and fetches among it, is from our origin only', () => {
  const csp = contentSecurityPolicy('abc123', true)
  assert.match(csp, /^default-src 'self'; /)
  assert.match(csp, /img-src 'self' data:/)
  assert.match(csp, /base-uri 'self'/)
  assert.match(csp, /form-action 'self'/)
  // A directive of its own could only widen what default-src allows.
  assert.doesNotMatch(csp, /(style|font|connect|manifest|worker|media|frame)-src/)
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

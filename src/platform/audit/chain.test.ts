import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ChainVerifier, GENESIS_HASH, REDACTED, canonicalJson, eventHash, redact, type ChainedEvent } from './chain.js'

function chain(n: number): (ChainedEvent & { hash: string })[] {
  const events: (ChainedEvent & { hash: string })[] = []
  let prevHash = GENESIS_HASH
  for (let id = 1; id <= n; id++) {
    const e: ChainedEvent = {
      id, at: new Date(Date.UTC(2026, 0, 1, 0, id)), actorId: 'u1', actorEmail: 'a@example.gov.uk', action: 'court.update',
      recordType: 'court', recordId: String(id), before: { name: 'A', open: true }, after: { open: false, name: 'B' },
      ip: '127.0.0.1', userAgent: 'test', requestId: `r${id}`, prevHash,
    }
    const hash = eventHash(e)
    events.push({ ...e, hash })
    prevHash = hash
  }
  return events
}

function verify(events: (ChainedEvent & { hash: string })[], head: { lastId: number; lastHash: string }) {
  const v = new ChainVerifier()
  for (const e of events) v.add(e)
  return v.finish(head)
}

test('canonical JSON does not depend on key order', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }), canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }))
  assert.notEqual(canonicalJson({ a: 1 }), canonicalJson({ a: '1' }))
})

test('an untouched chain verifies', () => {
  const events = chain(5)
  assert.deepEqual(verify(events, { lastId: 5, lastHash: events[4]!.hash }), [])
})

test('an edited, deleted or truncated chain does not', () => {
  const events = chain(5)
  const head = { lastId: 5, lastHash: events[4]!.hash }
  const edited = events.map((e) => (e.id === 3 ? { ...e, after: { open: true, name: 'B' } } : e))
  assert.equal(verify(edited, head)[0]?.id, 3)
  const deleted = events.filter((e) => e.id !== 2)
  assert.ok(verify(deleted, head).some((p) => p.id === 3))
  assert.ok(verify(events.slice(0, 4), head).length > 0, 'deleting the newest row is caught by the head')
})

test('secrets are redacted wherever they are, dates become strings', () => {
  const r = redact({ email: 'a@b', passwordHash: 'x', nested: [{ totpSecret: 's', code: 'ABC' }], at: new Date(0), none: undefined }) as Record<string, unknown>
  assert.equal(r.passwordHash, REDACTED)
  assert.deepEqual(r.nested, [{ totpSecret: REDACTED, code: 'ABC' }])
  assert.equal(r.at, '1970-01-01T00:00:00.000Z')
  assert.equal('none' in r, false)
  assert.equal(redact(undefined), null)
})

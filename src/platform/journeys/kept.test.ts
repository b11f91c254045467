import { test } from 'node:test'
import assert from 'node:assert/strict'
import { KeptDrafts } from './kept.js'
import type { Draft } from './repository.js'

const T = 1_800_000_000_000
const draft = (answers: Record<string, unknown>, expiresAt = new Date(T + 86_400_000), updatedAt = new Date(T + Number(answers.a ?? 0))): Draft =>
  ({ id: 'd1', session_id: 's1', answers, form: {}, status: 'open', expires_at: expiresAt, updated_at: updatedAt }) as unknown as Draft

test('a kept draft is found only under its own stamp, and only for a minute', () => {
  const kept = new KeptDrafts()
  const stamp = kept.keep('s1', draft({ a: 1 }), T)
  assert.deepEqual(kept.find('s1', stamp, T + 1000)?.draft?.answers, { a: 1 })
  assert.equal(kept.find('s1', undefined, T), undefined, 'no stamp: read the database')
  assert.equal(kept.find('s1', stamp + 'x', T), undefined, 'another stamp: another process wrote since')
  assert.equal(kept.find('s2', stamp, T), undefined, 'another session')
  assert.equal(kept.find('s1', stamp, T + 60_001), undefined, 'too old')
})

test('keeping again gives a new stamp; the old one no longer matches', () => {
  const kept = new KeptDrafts()
  const first = kept.keep('s1', draft({ a: 1 }), T)
  const second = kept.keep('s1', draft({ a: 2 }), T + 10)
  assert.notEqual(first, second)
  assert.equal(kept.find('s1', first, T + 20), undefined)
  assert.deepEqual(kept.find('s1', second, T + 20)?.draft?.answers, { a: 2 })
})

test('checked against the row after a minute: unchanged keeps its stamp, changed gets a new one', () => {
  const kept = new KeptDrafts()
  const stamp = kept.keep('s1', draft({ a: 1 }), T)
  assert.equal(kept.find('s1', stamp, T + 61_000), undefined, 'read the row again')
  assert.equal(kept.keep('s1', draft({ a: 1 }), T + 61_000), stamp, 'the same row')
  assert.ok(kept.find('s1', stamp, T + 62_000), 'trusted for another minute')
  assert.notEqual(kept.keep('s1', draft({ a: 2 }), T + 62_000), stamp, 'a changed row')
  const none = kept.keep('s2', undefined, T)
  assert.equal(kept.keep('s2', undefined, T + 61_000), none)
})

test('a read that began before a change was kept does not replace it; a later read does', () => {
  const kept = new KeptDrafts()
  const stamp = kept.keep('s1', draft({ a: 2 }), T)
  assert.equal(kept.keep('s1', draft({ a: 1 }), T + 5, T - 1), stamp, 'began before: it may have missed the change')
  assert.deepEqual(kept.find('s1', stamp, T + 6)?.draft?.answers, { a: 2 })
  assert.notEqual(kept.keep('s1', draft({ a: 3 }), T + 7, T + 6), stamp, 'began after')
})

test('a draft too big to keep is not kept, and forgets what was', () => {
  const kept = new KeptDrafts()
  const stamp = kept.keep('s1', draft({ a: 1 }), T)
  assert.equal(kept.keep('s1', draft({ a: 2, text: 'x'.repeat(9000) }), T), undefined)
  assert.equal(kept.find('s1', stamp, T), undefined)
})

test('stamps from two processes never match each other', () => {
  const a = new KeptDrafts()
  const b = new KeptDrafts()
  const stamp = a.keep('s1', draft({ a: 1 }), T)
  b.keep('s1', draft({ a: 0 }), T)
  assert.equal(b.find('s1', stamp, T), undefined)
})

test('"no draft" is kept too, and forgetting drops it', () => {
  const kept = new KeptDrafts()
  const stamp = kept.keep('s1', undefined, T)
  assert.deepEqual(kept.find('s1', stamp, T), { draft: undefined })
  kept.forget('s1')
  assert.equal(kept.find('s1', stamp, T), undefined)
})

test('a draft past its own expiry is never used', () => {
  const kept = new KeptDrafts()
  const stamp = kept.keep('s1', draft({}, new Date(T + 500)), T)
  assert.ok(kept.find('s1', stamp, T + 499))
  assert.equal(kept.find('s1', stamp, T + 500), undefined)
})

test('the oldest session is forgotten first when full', () => {
  const kept = new KeptDrafts(2)
  const one = kept.keep('s1', undefined, T)
  const two = kept.keep('s2', undefined, T)
  kept.keep('s1', undefined, T) // s1 again: now the newest
  const three = kept.keep('s3', undefined, T)
  assert.equal(kept.find('s2', two, T), undefined)
  assert.ok(kept.find('s3', three, T))
  assert.ok(kept.find('s1', one, T))
})

test("a session's end is trusted for a minute after this process extended it, and never past it", () => {
  const kept = new KeptDrafts()
  assert.equal(kept.sessionEnds('s1', T), undefined)
  kept.extended('s1', T + 1_800_000, T)
  assert.equal(kept.sessionEnds('s1', T + 59_000), T + 1_800_000)
  assert.equal(kept.sessionEnds('s1', T + 60_001), undefined, 'ask the database again')
  kept.extended('s2', T + 100, T)
  assert.equal(kept.sessionEnds('s2', T + 100), undefined, 'ended')
})

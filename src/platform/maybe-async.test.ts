import { test } from 'node:test'
import assert from 'node:assert/strict'
import { andThen, eventual, handled, isAsync, ready } from './maybe-async.js'

test('a promise is told from a value', () => {
  assert.equal(isAsync(Promise.resolve(1)), true)
  assert.equal(isAsync(1), false)
  assert.equal(isAsync(undefined), false)
  assert.equal(isAsync(null), false)
  assert.equal(isAsync({ then: 'not a function' }), false)
  // A Fastify reply is thenable, so that it can be awaited until it is sent: an answer, not a wait.
  assert.equal(isAsync({ then: (done: () => void) => done() }), false)
})

test('andThen goes on at once with a value that is here', () => {
  const seen: number[] = []
  const result = andThen(2, (n) => {
    seen.push(n)
    return n * 3
  })
  assert.equal(result, 6)
  assert.deepEqual(seen, [2])
})

test('andThen goes on later with a promise, and passes on its failure', async () => {
  const result = andThen(Promise.resolve(2), (n) => n * 3)
  assert.equal(isAsync(result), true)
  assert.equal(await result, 6)
  await assert.rejects(async () => andThen(Promise.reject(new Error('down')), () => 1), /down/)
})

test('a route handler is given the promise, or nothing once it has answered', () => {
  const later = Promise.resolve('page')
  assert.equal(handled(later), later)
  const sentReply = { sent: true, then: (done: () => void) => done() }
  assert.equal(handled(sentReply), undefined)
})

test('an eventual value is the promise until it has fulfilled, then the value at once', async () => {
  let fulfil: (n: number) => void = () => undefined
  const later = eventual(new Promise<number>((resolve) => (fulfil = resolve)))
  assert.equal(later.now(), later.promise)
  fulfil(7)
  await later.promise
  assert.equal(later.now(), 7)
  assert.equal(ready(3).now(), 3)
  assert.equal(await ready(3).promise, 3)
})

test('an eventual value that failed stays the failed promise, and causes no unhandled rejection', async () => {
  const failed = eventual(Promise.reject(new Error('down')))
  await assert.rejects(failed.promise, /down/)
  assert.equal(failed.now(), failed.promise)
})

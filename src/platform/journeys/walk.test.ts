import { test } from 'node:test'
import assert from 'node:assert/strict'
import { z } from 'zod'
import { html } from '../ui/html.js'
import { CHECK_ANSWERS, defineJourney, questionPage } from './journey.js'
import { afterAnswer, answersOnPath, isReachable, previousPage, walk } from './walk.js'
import type { Journey } from './journey.js'

const page = (path: string) => questionPage({ path, title: { en: path, cy: path }, schema: () => z.object({ v: z.string() }), questions: () => html`` })

// a -> b -> (b.v === 'yes' ? c : d) -> d -> check
const journey = defineJourney({
  id: 'test',
  service: 'test',
  pages: { a: page('a'), b: page('b'), c: page('c'), d: page('d') },
  next: { b: (answers) => (answers.b?.v === 'yes' ? 'c' : 'd') },
  submit: async () => ({ reference: 'R' }),
  confirmation: { title: { en: 'Done', cy: 'Wedi gorffen' } },
}) as unknown as Journey

test('the path stops at the first unanswered page', () => {
  assert.deepEqual(walk(journey, {}), { path: ['a'], firstUnanswered: 'a', complete: false })
  assert.deepEqual(walk(journey, { a: { v: '1' } }), { path: ['a', 'b'], firstUnanswered: 'b', complete: false })
  const w = walk(journey, { a: { v: '1' }, b: { v: 'no' }, d: { v: '1' } })
  assert.deepEqual(w, { path: ['a', 'b', 'd'], firstUnanswered: CHECK_ANSWERS, complete: true })
})

test('only pages on the path are reachable; check answers only when complete', () => {
  const w = walk(journey, { a: { v: '1' }, b: { v: 'no' } })
  assert.equal(isReachable(w, 'a'), true)
  assert.equal(isReachable(w, 'd'), true)
  assert.equal(isReachable(w, 'c'), false, 'a page on the other branch')
  assert.equal(isReachable(w, CHECK_ANSWERS), false)
})

test('the back link follows the user’s own path', () => {
  const no = walk(journey, { a: { v: '1' }, b: { v: 'no' }, d: { v: '1' } })
  assert.equal(previousPage(no, 'd'), 'b')
  assert.equal(previousPage(no, 'a'), undefined)
  assert.equal(previousPage(no, CHECK_ANSWERS), 'd')
  const yes = walk(journey, { a: { v: '1' }, b: { v: 'yes' }, c: { v: '1' }, d: { v: '1' } })
  assert.equal(previousPage(yes, 'd'), 'c')
})

test('a change that opens a branch walks through it before check answers', () => {
  const answers = { a: { v: '1' }, b: { v: 'yes' }, d: { v: '1' } }
  assert.equal(afterAnswer(journey, 'b', answers, true), 'c')
  assert.equal(afterAnswer(journey, 'b', { ...answers, c: { v: '2' } }, true), CHECK_ANSWERS)
  assert.equal(afterAnswer(journey, 'b', answers, false), 'c', 'without change, simply the next page')
  assert.equal(afterAnswer(journey, 'b', { ...answers, b: { v: 'no' } }, true), CHECK_ANSWERS)
})

test('answers on a branch the user left are dropped', () => {
  const answers = { a: { v: '1' }, b: { v: 'no' }, c: { v: 'old' }, d: { v: '1' } }
  assert.deepEqual(answersOnPath(walk(journey, answers), answers), { a: { v: '1' }, b: { v: 'no' }, d: { v: '1' } })
})

test('a journey that loops, or names a page that does not exist, is refused', () => {
  const loop = defineJourney({
    id: 'loop',
    service: 'test',
    pages: { a: page('a'), b: page('b') },
    next: { b: () => 'a' },
    submit: async () => ({ reference: 'R' }),
    confirmation: { title: { en: 'Done', cy: 'Wedi gorffen' } },
  }) as unknown as Journey
  assert.throws(() => walk(loop, { a: { v: '1' }, b: { v: '1' } }), /loops back to a/)
  assert.throws(() =>
    defineJourney({ id: 'x', service: 'x', pages: { a: page('same'), b: page('same') }, submit: async () => ({ reference: 'R' }), confirmation: { title: { en: '', cy: '' } } }),
  )
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Kysely } from 'kysely'
import type { PlatformTables } from '../db/index.js'
import { countJourneyEvents, writeCountedEvents, type JourneyEvent } from './repository.js'

/** Just enough of Kysely for an insert: records each statement's rows, or fails while `down`. */
function fakeDatabase() {
  const inserts: unknown[][] = []
  const state = { down: false }
  const db = {
    insertInto: () => ({
      values: (rows: unknown[]) => ({
        execute: async () => {
          if (state.down) throw new Error('connection refused')
          inserts.push(rows)
        },
      }),
    }),
  } as unknown as Kysely<PlatformTables>
  return { db, inserts, state }
}

const view: JourneyEvent = { service: 's', journey: 'j', runId: 'r', event: 'page-viewed', page: 'p', channel: 'digital' }
const many = (n: number) => Array.from({ length: n }, () => view)

test('counts wait, then go in one insert with the time they were counted', async () => {
  const { db, inserts } = fakeDatabase()
  countJourneyEvents(db, [view])
  countJourneyEvents(db, [view, { ...view, event: 'validation-error', field: 'name' }])
  assert.equal(inserts.length, 0, 'nothing written on the request')
  await writeCountedEvents(db)
  assert.equal(inserts.length, 1)
  assert.equal(inserts[0]!.length, 3)
  assert.ok((inserts[0]![0] as { occurred_at: Date }).occurred_at instanceof Date)
})

test('a large backlog is written in statements of at most 500 rows', async () => {
  const { db, inserts } = fakeDatabase()
  countJourneyEvents(db, many(1200))
  await writeCountedEvents(db)
  assert.deepEqual(inserts.map((rows) => rows.length), [500, 500, 200])
})

test('while the database is away counts wait, bounded, with one warning; then they are written', async () => {
  const { db, inserts, state } = fakeDatabase()
  const warnings: string[] = []
  state.down = true
  countJourneyEvents(db, [view], (message) => warnings.push(message))
  await writeCountedEvents(db)
  countJourneyEvents(db, many(6000))
  await writeCountedEvents(db)
  assert.equal(inserts.length, 0)
  assert.ok(warnings.some((w) => /trying again/.test(w)))
  assert.ok(warnings.some((w) => /oldest \d+ dropped/.test(w)))
  state.down = false
  await writeCountedEvents(db)
  assert.equal(inserts.flat().length, 5000, 'the newest 5,000 kept')
})

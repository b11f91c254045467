import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { openDatabase } from './index.js'
import { migrate, runStatements, type Migration } from './migrations.js'

const table = (name: string): Migration => ({ name, up: (db) => runStatements(db, [`create table ${name.replace('/', '_')} (id int)`]) })

test('each migration runs once, in the order listed, and a module may add to its own list later', async () => {
  const database = await openDatabase({ databaseUrl: undefined, dataDir: '', inMemory: true })
  try {
    const db = database.db as never
    assert.deepEqual(await migrate(db, [table('a/one'), table('b/one')]), ['a/one', 'b/one'])
    assert.deepEqual(await migrate(db, [table('a/one'), table('a/two'), table('b/one')]), ['a/two'])
    assert.deepEqual(await migrate(db, [table('a/one'), table('a/two'), table('b/one')]), [])
  } finally {
    await database.close()
  }
})

test('a failing migration leaves nothing half done', async () => {
  const database = await openDatabase({ databaseUrl: undefined, dataDir: '', inMemory: true })
  try {
    const db = database.db as never
    const broken: Migration = { name: 'c/broken', up: (d) => runStatements(d, ['create table c_ok (id int)', 'create table nonsense (']) }
    await assert.rejects(migrate(db, [table('c/first'), broken]), /Migration c\/broken failed/)
    const tables = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name in ('c_first', 'c_ok')`.execute(database.db)
    assert.equal(tables.rows[0]?.n, 0)
    await assert.rejects(migrate(db, [table('d/x'), table('d/x')]), /Two migrations are named d\/x/)
  } finally {
    await database.close()
  }
})

/**
 * Test databases. Every integration test runs on embedded PGlite, and again on
 * the PostgreSQL server when TEST_DATABASE_URL is set (as .ci/run sets it).
 * Each test file gets a database of its own on the server, so files run in
 * parallel without seeing each other's rows.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDatabase, type Database } from '../../src/platform/db/index.js'

export type DatabaseKind = 'pglite' | 'postgres'

export function databaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
}

export interface TestDatabase {
  database: Database
  /** The URL of the server database, for tests that start a second process. */
  url: string | undefined
  drop(): Promise<void>
}

/** Creates an empty database on the server; returns its URL. */
export async function createServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set')
  const name = `jd_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}

export async function openTestDatabase(kind: DatabaseKind, dataDir?: string): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ databaseUrl: undefined, dataDir: dataDir ?? '', inMemory: !dataDir })
    return { database, url: undefined, drop: async () => {} }
  }
  const { url, drop } = await createServerDatabase()
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolMax: 10 })
  return {
    database,
    url,
    drop: async () => {
      await database.close().catch(() => {})
      await drop()
    },
  }
}

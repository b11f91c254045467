/**
 * The database: PostgreSQL either way. Embedded PGlite (real Postgres compiled
 * to WASM, in-process) by default, so a laptop needs nothing installed; a
 * PostgreSQL server when DATABASE_URL is set. One dialect, one set of
 * migrations for both.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Kysely, PostgresDialect, sql } from 'kysely'
import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import type { PlatformTables } from './schema.js'

export type { PlatformTables } from './schema.js'

export interface DatabaseOptions {
  databaseUrl: string | undefined
  dataDir: string
  poolMax?: number
  /** Use an in-memory PGlite (tests). */
  inMemory?: boolean
}

export interface Database {
  /** Typed for the platform's tables; services widen it with `withTables<T>()`. */
  db: Kysely<PlatformTables>
  kind: 'pglite' | 'postgres'
  /** Where the data lives, for logs: a folder, or the server's host and database. */
  location: string
  /** Runs `select 1` within the timeout; throws if the database cannot answer. */
  ping(timeoutMs?: number): Promise<void>
  close(): Promise<void>
  /** The embedded database, when that is what this is (pg-boss needs its `exec`). */
  pglite?: PGlite
  pool?: pg.Pool
}

// PostgreSQL returns bigint (int8) and numeric as strings to be safe; counts
// here are far below 2^53, so parse them as numbers.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v))

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolMax ?? 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
    })
    // A connection lost while idle in the pool, or while checked out between
    // queries, must not crash the process: the next query fails with a clear
    // error (a 503), and the pool reconnects when the server is back.
    pool.on('error', () => {})
    pool.on('connect', (client) => client.on('error', () => {}))
    const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) })
    const url = new URL(options.databaseUrl)
    return {
      db,
      kind: 'postgres',
      location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
      pool,
      ping: (timeoutMs = 2000) => ping(db, timeoutMs),
      close: () => db.destroy(),
    }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { PGliteDialect } = await import('kysely-pglite-dialect')
  let pglite: PGlite
  let location: string
  if (options.inMemory) {
    pglite = new PGlite()
    location = 'memory'
  } else {
    location = join(options.dataDir, 'pglite')
    mkdirSync(location, { recursive: true })
    pglite = new PGlite(location)
  }
  await pglite.waitReady
  const db = new Kysely<PlatformTables>({ dialect: new PGliteDialect(pglite) })
  return {
    db,
    kind: 'pglite',
    location,
    pglite,
    ping: (timeoutMs = 2000) => ping(db, timeoutMs),
    close: () => db.destroy(),
  }
}

async function ping(db: Kysely<PlatformTables>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      sql`select 1`.execute(db),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}

/** Widens the database type to include a service's own tables. */
export function withTables<T>(db: Kysely<PlatformTables>): Kysely<PlatformTables & T> {
  return db as unknown as Kysely<PlatformTables & T>
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
])

/** True when an error means the database cannot be reached, rather than a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let e: unknown = error
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true
    const message = (e as { message?: unknown }).message
    if (typeof message === 'string' && /timeout exceeded when trying to connect|Connection terminated|connection terminated|no answer within/i.test(message)) {
      return true
    }
    e = (e as { cause?: unknown }).cause
  }
  return false
}

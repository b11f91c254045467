/**
 * pg-boss in our own database. Jobs are written through whichever connection
 * the caller holds, so a job enqueued inside a transaction commits or rolls
 * back with it.
 *
 * On PGlite there is one connection, which Kysely hands out one user at a
 * time; pg-boss must queue for it like everyone else, or its polling would run
 * inside someone else's open transaction. So pg-boss's SQL goes through
 * Kysely's connection, and the multi-statement scripts it sends without
 * parameters (schema set-up, maintenance) go to PGlite's `exec`, which is the
 * only PGlite call that takes more than one statement.
 */
import { CompiledQuery } from 'kysely'
import PgBoss from 'pg-boss'
import type { Database } from '../db/index.js'
import type { AnyKysely } from './types.js'

export const SEND_QUEUE = 'notify-send'
export const RETENTION_QUEUE = 'notify-retention'
export const SCHEMA = 'pgboss'

export interface SendJob {
  messageId: string
}

type BossDb = PgBoss.Db
type QueryResult = { rows: unknown[] }

/** pg-boss's SQL through a Kysely connection or transaction (parameterised, one statement). */
export function kyselyBossDb(db: AnyKysely): BossDb {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values.map((v) => (v === undefined ? null : v))))
      return { rows: [...result.rows] }
    },
  }
}

/** pg-boss's connection for its own work (polling, maintenance, set-up). */
export function bossDb(database: Database): BossDb {
  const pglite = database.pglite
  if (pglite) {
    return {
      async executeSql(text: string, values?: unknown[]) {
        return database.db.connection().execute(async (connection) => {
          if (values && values.length > 0) return kyselyBossDb(connection).executeSql(text, values)
          const results = await pglite.exec(text)
          // As node-postgres answers: one result for one statement, a list for several.
          return (results.length === 1 ? results[0] : results) as unknown as QueryResult
        })
      },
    }
  }
  const pool = database.pool
  if (!pool) throw new Error('The database has neither a PGlite instance nor a pool')
  return { executeSql: (text: string, values?: unknown[]) => pool.query(text, values) as Promise<QueryResult> }
}

/**
 * Writes jobs only, through the connection it is given each time; it never
 * starts, so it holds no timers and may be shared by every app in a process.
 */
const sender = new PgBoss({
  schema: SCHEMA,
  db: {
    executeSql() {
      throw new Error('notify: jobs are written through the caller’s connection')
    },
  },
})

export async function enqueueSend(db: AnyKysely, job: SendJob): Promise<void> {
  const id = await sender.send(SEND_QUEUE, { ...job }, { db: kyselyBossDb(db) })
  if (!id) throw new Error(`The ${SEND_QUEUE} queue does not exist: the notify module sets it up when the app or worker starts`)
}

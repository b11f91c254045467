/**
 * Migrations: each module (the platform, each service) contributes an ordered
 * list of uniquely named migrations (`platform/sessions`). They run in the
 * order the app lists them, each once, recorded by name in
 * `schema_migrations`. Because a migration is known by its name alone, a
 * module may add migrations to the end of its own list without disturbing
 * anyone else's.
 *
 * All pending migrations run in one transaction under an advisory lock:
 * PostgreSQL's DDL is transactional, so a failure leaves nothing half done,
 * and two processes starting together migrate once.
 */
import { sql, type Kysely } from 'kysely'

export interface Migration {
  name: string
  up(db: Kysely<unknown>): Promise<void>
}

/** Runs SQL statements one by one (PGlite's query protocol takes one per call). */
export async function runStatements(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

/** An arbitrary constant naming our migration lock among the database's advisory locks. */
const MIGRATION_LOCK = 727_401_2026

export async function migrate(db: Kysely<unknown>, migrations: readonly Migration[]): Promise<string[]> {
  const names = new Set<string>()
  for (const m of migrations) {
    if (names.has(m.name)) throw new Error(`Two migrations are named ${m.name}`)
    names.add(m.name)
  }
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx)
    await sql`create table if not exists schema_migrations (
      name text primary key,
      run_at timestamptz not null default now()
    )`.execute(trx)
    const done = new Set((await sql<{ name: string }>`select name from schema_migrations`.execute(trx)).rows.map((r) => r.name))
    const ran: string[] = []
    for (const migration of migrations) {
      if (done.has(migration.name)) continue
      try {
        await migration.up(trx)
      } catch (error) {
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error })
      }
      await sql`insert into schema_migrations (name) values (${migration.name})`.execute(trx)
      ran.push(migration.name)
    }
    return ran
  })
}

export const platformMigrations: Migration[] = [
  {
    name: 'platform/sessions',
    up: (db) =>
      runStatements(db, [
        `create table sessions (
          id text primary key,
          data jsonb not null default '{}',
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          expires_at timestamptz not null
        )`,
        `create index sessions_expires_at on sessions (expires_at)`,
      ]),
  },
  {
    name: 'platform/reference-data',
    up: (db) =>
      runStatements(db, [
        `create table reference_data_imports (
          kind text primary key,
          source text not null,
          imported_at timestamptz not null default now(),
          summary jsonb not null default '{}'
        )`,
        `create table postcode_districts (
          outcode text primary key,
          lat double precision not null,
          lon double precision not null,
          postcode_units integer not null
        )`,
        `create table postcode_sectors (
          sector text primary key,
          lat double precision not null,
          lon double precision not null,
          postcode_units integer not null
        )`,
        `create table postcode_councils (
          area text not null,
          level text not null check (level in ('sector', 'district')),
          la_code text not null,
          la_name text not null,
          share double precision not null,
          primary key (level, area)
        )`,
        `create table local_authorities (
          la_code text primary key,
          la_name text not null,
          official_name text not null,
          boundary_line_name text not null,
          la_type text not null,
          nation text not null,
          postcodes integer not null
        )`,
      ]),
  },
]

/**
 * Migrations: each module (the platform, each service) contributes an ordered
 * list. Names are prefixed with the module (`platform/0001-sessions`) and run
 * in the order given, through Kysely's migrator, which takes a lock so that
 * two processes starting together do not both migrate.
 */
import { Migrator, sql, type Kysely, type Migration as KyselyMigration, type MigrationProvider } from 'kysely'

export interface Migration {
  name: string
  up(db: Kysely<unknown>): Promise<void>
}

/** Runs SQL statements one by one (PGlite's query protocol takes one per call). */
export async function runStatements(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function migrate(db: Kysely<unknown>, migrations: readonly Migration[]): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const all: Record<string, KyselyMigration> = {}
      migrations.forEach((m, index) => {
        // Kysely orders by name; a zero-padded position keeps the declared order.
        all[`${String(index).padStart(4, '0')} ${m.name}`] = { up: (db) => m.up(db) }
      })
      return all
    },
  }
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message}`, { cause: error })
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
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

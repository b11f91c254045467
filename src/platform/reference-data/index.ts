/**
 * Reference data: the platform runs the importers; each importer belongs to
 * the module that owns the data (postcodes to the platform, courts and
 * prisons to their services). Start-up imports whatever has never been
 * imported, from REFERENCE_DATA_DIR, and says what it could not find.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import type { PlatformTables } from '../db/index.js'

export interface ImportLog {
  info(message: string): void
  warn(message: string): void
}

export interface ImportSummary {
  /** Rows by table or kind, for the record and the command's output. */
  counts: Record<string, number>
  /** Rows kept despite faults, or skipped, with the reason. */
  problems: string[]
}

export interface ReferenceDataImporter {
  /** The name used by `justice import <kind>`. */
  kind: string
  /** The sub-folder of REFERENCE_DATA_DIR it reads by default. */
  folder: string
  /** A file whose presence shows the folder holds this data. */
  marker: string
  /** Imports from `dir`, idempotently: running it twice duplicates nothing. */
  run(db: Kysely<PlatformTables>, dir: string, log: ImportLog): Promise<ImportSummary>
  /** Other kinds that must be imported first (postcodes before courts). */
  after?: readonly string[]
}

export async function runImport(
  db: Kysely<PlatformTables>,
  importer: ReferenceDataImporter,
  dir: string,
  log: ImportLog,
): Promise<ImportSummary> {
  if (!existsSync(join(dir, importer.marker))) {
    throw new Error(`${dir} does not hold ${importer.kind} data (no ${importer.marker})`)
  }
  const summary = await importer.run(db, dir, log)
  await db
    .insertInto('reference_data_imports')
    .values({ kind: importer.kind, source: dir, imported_at: new Date(), summary: JSON.stringify(summary) })
    .onConflict((oc) =>
      oc.column('kind').doUpdateSet({ source: dir, imported_at: new Date(), summary: JSON.stringify(summary) }),
    )
    .execute()
  return summary
}

export async function importedKinds(db: Kysely<PlatformTables>): Promise<Set<string>> {
  const rows = await db.selectFrom('reference_data_imports').select('kind').execute()
  return new Set(rows.map((r) => r.kind))
}

/** Orders importers so that each runs after those it depends on. */
export function inDependencyOrder(importers: readonly ReferenceDataImporter[]): ReferenceDataImporter[] {
  const byKind = new Map(importers.map((i) => [i.kind, i]))
  const ordered: ReferenceDataImporter[] = []
  const seen = new Set<string>()
  const visit = (i: ReferenceDataImporter): void => {
    if (seen.has(i.kind)) return
    seen.add(i.kind)
    for (const dep of i.after ?? []) {
      const d = byKind.get(dep)
      if (d) visit(d)
    }
    ordered.push(i)
  }
  importers.forEach(visit)
  return ordered
}

/** An arbitrary constant naming the reference-data import lock among the database's advisory locks. */
const IMPORT_LOCK = 727_401_2027

/**
 * Imports each kind that has never been imported, if its folder is there.
 * Returns what it could not find, so start-up can say so without failing.
 *
 * Processes starting together on one empty database take turns under an
 * advisory lock held on one connection: the first imports, the others wait
 * and then find the data already there.
 */
export async function importMissing(
  db: Kysely<PlatformTables>,
  importers: readonly ReferenceDataImporter[],
  referenceDataDir: string,
  log: ImportLog,
): Promise<{ imported: string[]; missing: string[] }> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${IMPORT_LOCK})`.execute(conn)
    try {
      return await importMissingLocked(conn, importers, referenceDataDir, log)
    } finally {
      await sql`select pg_advisory_unlock(${IMPORT_LOCK})`.execute(conn)
    }
  })
}

async function importMissingLocked(
  db: Kysely<PlatformTables>,
  importers: readonly ReferenceDataImporter[],
  referenceDataDir: string,
  log: ImportLog,
): Promise<{ imported: string[]; missing: string[] }> {
  const done = await importedKinds(db)
  const imported: string[] = []
  const missing: string[] = []
  for (const importer of inDependencyOrder(importers)) {
    if (done.has(importer.kind)) continue
    const dir = join(referenceDataDir, importer.folder)
    if (!existsSync(join(dir, importer.marker))) {
      missing.push(importer.kind)
      log.warn(`No ${importer.kind} reference data at ${dir}: pages that need it will say so. Import later with \`justice import ${importer.kind} <dir>\`.`)
      continue
    }
    const started = Date.now()
    const summary = await runImport(db, importer, dir, log)
    imported.push(importer.kind)
    log.info(`Imported ${importer.kind} from ${dir} in ${Date.now() - started} ms: ${formatCounts(summary.counts)}`)
    if (summary.problems.length > 0) log.warn(`${importer.kind}: ${summary.problems.length} rows had faults (see \`justice import ${importer.kind}\` output)`)
  }
  return { imported, missing }
}

export function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')
}

/**
 * Inserts rows in batches, replacing existing rows on key conflict, so that an
 * import is idempotent. Table and column names come from our own code.
 */
export async function upsertRows<Row extends Record<string, unknown>>(
  db: Kysely<PlatformTables>,
  table: string,
  key: readonly string[],
  rows: readonly Row[],
  batchSize = 1000,
): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0] as Row)
  const updates = columns.filter((c) => !key.includes(c))
  const untyped = db as unknown as Kysely<Record<string, Record<string, unknown>>>
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize)
    await untyped
      .insertInto(table)
      .values(batch as Record<string, unknown>[])
      .onConflict((oc) => {
        const target = oc.columns(key as string[])
        if (updates.length === 0) return target.doNothing()
        return target.doUpdateSet(Object.fromEntries(updates.map((c) => [c, sql.ref(`excluded.${c}`)])))
      })
      .execute()
  }
}

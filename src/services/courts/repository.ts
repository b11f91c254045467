/** SQL for the court finder. Reads load whole tables once, for the in-memory index. */
import { sql, type Kysely, type Selectable } from 'kysely'
import { withTables, type PlatformTables } from '../../platform/db/index.js'
import type { AuditTables } from '../../platform/audit/index.js'
import type { CourtTables, CourtsTable } from './schema.js'

export type CourtDb = Kysely<PlatformTables & CourtTables>

export function courtDb(db: Kysely<PlatformTables>): CourtDb {
  return withTables<CourtTables>(db)
}

/** Columns staff may edit, so a re-import must leave them alone once edited. */
export const EDITABLE_COLUMNS = [
  'fact_id', 'name', 'name_cy', 'displayed', 'lat', 'lon', 'region', 'country', 'in_person', 'access_scheme',
  'service_centre', 'service_centre_intro', 'welsh_enabled', 'court_types', 'codes', 'areas_of_law', 'areas_of_law_spoe',
  'addresses', 'opening_times', 'contacts', 'emails', 'dx_codes', 'facilities', 'parking', 'additional_links',
  'local_authorities_by_area_of_law', 'postcode_prefixes_served', 'alert', 'info', 'directions', 'image_file', 'source_updated_at',
] as const

export type EditableColumn = (typeof EDITABLE_COLUMNS)[number]

/** Fields staff have edited, by court, before an import overwrites anything. */
export async function staffEditedFields(db: CourtDb): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('courts')
    .select(['slug', 'staff_edited_fields'])
    .where(sql<boolean>`jsonb_array_length(staff_edited_fields) > 0`)
    .execute()
  return new Map(rows.map((r) => [r.slug, r.staff_edited_fields]))
}

/**
 * Inserts or updates courts in batches. A column that staff have edited keeps
 * its value: the decision is made in SQL, row by row, so there is no window
 * between reading the edits and writing.
 */
export async function upsertCourts(db: CourtDb, rows: readonly Record<string, unknown>[], batchSize = 100): Promise<void> {
  const untyped = db as unknown as Kysely<Record<string, Record<string, unknown>>>
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize)
    await untyped
      .insertInto('courts')
      .values(batch as Record<string, unknown>[])
      .onConflict((oc) =>
        oc.column('slug').doUpdateSet({
          ...Object.fromEntries(
            EDITABLE_COLUMNS.map((c) => [
              c,
              sql`case when jsonb_exists(courts.staff_edited_fields, ${c}) then ${sql.ref(`courts.${c}`)} else ${sql.ref(`excluded.${c}`)} end`,
            ]),
          ),
          import_problems: sql.ref('excluded.import_problems'),
          imported_at: sql.ref('excluded.imported_at'),
        }),
      )
      .execute()
  }
}

/** Replaces a whole table's rows in one transaction: lookups carry no staff edits. */
export async function replaceRows(db: CourtDb, table: keyof CourtTables, rows: readonly Record<string, unknown>[], batchSize = 1000): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const untyped = trx as unknown as Kysely<Record<string, Record<string, unknown>>>
    await untyped.deleteFrom(table).execute()
    for (let i = 0; i < rows.length; i += batchSize) {
      await untyped.insertInto(table).values(rows.slice(i, i + batchSize) as Record<string, unknown>[]).execute()
    }
  })
}

export async function loadAuthorities(db: CourtDb) {
  return db.selectFrom('local_authorities').select(['la_code', 'la_name', 'official_name', 'boundary_line_name', 'nation']).execute()
}

export type CourtRecord = Selectable<CourtsTable>

/** Everything the index needs, in one go at start and after each change. */
export async function loadCourtData(db: CourtDb) {
  const [courts, areasOfLaw, serviceAreas, services, postcodes, councilCourts, councilMatches, sectors, districts, councils, authorities] = await Promise.all([
    db.selectFrom('courts').selectAll().orderBy('name').execute(),
    db.selectFrom('court_areas_of_law').selectAll().orderBy('name').execute(),
    db.selectFrom('court_service_areas').selectAll().orderBy('sort_order').orderBy('name').execute(),
    db.selectFrom('court_services').selectAll().orderBy('sort_order').execute(),
    db.selectFrom('court_postcodes').select(['prefix', 'court_slug']).execute(),
    db.selectFrom('court_council_courts').selectAll().execute(),
    db.selectFrom('court_council_matches').selectAll().execute(),
    db.selectFrom('postcode_sectors').select(['sector', 'lat', 'lon']).execute(),
    db.selectFrom('postcode_districts').select(['outcode', 'lat', 'lon']).execute(),
    db.selectFrom('postcode_councils').select(['area', 'level', 'la_code', 'la_name', 'share']).execute(),
    db.selectFrom('local_authorities').select(['la_code', 'la_name']).execute(),
  ])
  return { courts, areasOfLaw, serviceAreas, services, postcodes, councilCourts, councilMatches, sectors, districts, councils, authorities }
}

export type CourtData = Awaited<ReturnType<typeof loadCourtData>>

export type SaveResult = { kind: 'saved'; version: number } | { kind: 'conflict'; currentVersion: number } | { kind: 'notFound' }

/**
 * Saves a staff edit to some of a court's columns, only if nobody has saved
 * since the editor read version `expectedVersion` (optimistic concurrency),
 * and marks the columns as staff-edited so that a re-import keeps them.
 * Returns the court's columns as they were, for the audit record.
 */
export async function saveCourtChanges(
  db: CourtDb,
  slug: string,
  expectedVersion: number,
  changes: Partial<Record<EditableColumn, unknown>>,
  /** Runs in the same transaction once saved, so an audit record and the change commit together. */
  onSaved?: (trx: Kysely<PlatformTables>, before: Record<string, unknown>, version: number) => Promise<void>,
): Promise<SaveResult & { before?: Record<string, unknown> }> {
  const columns = Object.keys(changes) as EditableColumn[]
  if (columns.length === 0) throw new Error('no changes to save')
  for (const c of columns) if (!(EDITABLE_COLUMNS as readonly string[]).includes(c)) throw new Error(`${c} cannot be edited`)
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('courts').selectAll().where('slug', '=', slug).forUpdate().executeTakeFirst()
    if (!current) return { kind: 'notFound' as const }
    if (current.version !== expectedVersion) return { kind: 'conflict' as const, currentVersion: current.version }
    const values: Record<string, unknown> = {}
    for (const c of columns) {
      const v = changes[c]
      values[c] = v !== null && typeof v === 'object' ? JSON.stringify(v) : v
    }
    const edited = [...new Set([...current.staff_edited_fields, ...columns])].sort()
    const updated = await (trx as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .updateTable('courts')
      .set({ ...values, staff_edited_fields: JSON.stringify(edited), version: sql`version + 1`, updated_at: new Date() })
      .where('slug', '=', slug)
      .where('version', '=', expectedVersion)
      .returning('version')
      .executeTakeFirstOrThrow()
    const before = Object.fromEntries(columns.map((c) => [c, (current as Record<string, unknown>)[c]]))
    await onSaved?.(trx as unknown as Kysely<PlatformTables>, before, updated.version as number)
    return { kind: 'saved' as const, version: updated.version as number, before }
  })
}

/** A fingerprint of the court data, so each process can tell cheaply when another has changed it. */
export async function courtDataStamp(db: CourtDb): Promise<string> {
  const row = await sql<{ stamp: string }>`select coalesce(max(updated_at)::text, '') || '/' || coalesce(max(imported_at)::text, '') || '/' || count(*)::text as stamp from courts`.execute(db)
  return row.rows[0]?.stamp ?? ''
}

export interface CourtHistoryEntry {
  at: Date
  actor_email: string | null
  after: unknown
}

/** Staff changes to a court, newest first, from the audit trail. */
export async function courtHistory(db: CourtDb, slug: string, limit = 50): Promise<CourtHistoryEntry[]> {
  const audit = db as unknown as Kysely<AuditTables>
  return audit
    .selectFrom('audit_events')
    .select(['at', 'actor_email', 'after'])
    .where('record_type', '=', 'court')
    .where('record_id', '=', slug)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

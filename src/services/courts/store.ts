/**
 * The in-memory court index, one per database: built on first use (or at
 * start, by onStart), rebuilt after an import or a staff edit. Requests read
 * the current index and never wait on the database for a search.
 */
import type { Kysely } from 'kysely'
import type { PlatformTables } from '../../platform/db/index.js'
import { courtDb, loadCourtData } from './repository.js'
import { sanitiseCourtHtml } from './sanitise.js'
import { buildCourtIndex, type CourtIndex } from './search.js'

const indexes = new WeakMap<object, Promise<CourtIndex>>()

export function courtIndex(db: Kysely<PlatformTables>): Promise<CourtIndex> {
  let index = indexes.get(db)
  if (!index) {
    index = load(db)
    // A failed load (database down) must not stick: the next request tries again.
    index.catch(() => indexes.delete(db))
    indexes.set(db, index)
  }
  return index
}

/** Rebuilds the index from the database; the old one serves requests until the new one is ready. */
export async function refreshCourtIndex(db: Kysely<PlatformTables>): Promise<CourtIndex> {
  const index = await load(db)
  indexes.set(db, Promise.resolve(index))
  return index
}

async function load(db: Kysely<PlatformTables>): Promise<CourtIndex> {
  const data = await loadCourtData(courtDb(db))
  // Cleaned again here, once per rebuild, so markup that reached the database
  // some other way than the importer or the staff pages still cannot carry script.
  for (const court of data.courts) {
    court.info = sanitiseCourtHtml(court.info)
    court.facilities = court.facilities.map((f) => ({ ...f, description: sanitiseCourtHtml(f.description) }))
  }
  return buildCourtIndex(data)
}

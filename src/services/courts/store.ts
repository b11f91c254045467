/**
 * The in-memory court index, one per database: built on first use (or at
 * start, by onStart), rebuilt after an import or a staff edit. Requests read
 * the current index and never wait on the database for a search.
 */
import type { Kysely } from 'kysely'
import type { PlatformTables } from '../../platform/db/index.js'
import { courtDataStamp, courtDb, loadCourtData, saveCourtChanges, type EditableColumn } from './repository.js'
import { sanitiseCourtHtml } from './sanitise.js'
import { buildCourtIndex, type CourtIndex } from './search.js'
import { eventual, ready, type Eventual, type MaybeAsync } from '../../platform/maybe-async.js'

const indexes = new WeakMap<object, Eventual<CourtIndex>>()

export function courtIndex(db: Kysely<PlatformTables>): Promise<CourtIndex> {
  return currentIndex(db).promise
}

/** The current index: at once when it has been built, as a page's handler wants it (an `await` costs a turn of the microtask queue). */
export function currentCourtIndex(db: Kysely<PlatformTables>): MaybeAsync<CourtIndex> {
  return currentIndex(db).now()
}

function currentIndex(db: Kysely<PlatformTables>): Eventual<CourtIndex> {
  let index = indexes.get(db)
  if (!index) {
    const building = eventual(load(db))
    // A failed load (database down) must not stick: the next request tries again. Only its own
    // entry goes: a refresh may have put a newer index there meanwhile.
    building.promise.catch(() => indexes.get(db) === building && indexes.delete(db))
    indexes.set(db, building)
    index = building
  }
  return index
}

/** Rebuilds the index from the database; the old one serves requests until the new one is ready. */
export async function refreshCourtIndex(db: Kysely<PlatformTables>): Promise<CourtIndex> {
  const index = await load(db)
  indexes.set(db, ready(index))
  return index
}

async function load(db: Kysely<PlatformTables>): Promise<CourtIndex> {
  const data = await loadCourtData(courtDb(db))
  // Cleaned again here, once per rebuild, so markup that reached the database
  // some other way than the importer or the staff pages still cannot carry script.
  for (const court of data.courts) {
    // Catchments live in their own tables; these copies would only take memory in every process.
    court.postcode_prefixes_served = []
    court.local_authorities_by_area_of_law = {}
    court.import_problems = []
    court.info = sanitiseCourtHtml(court.info)
    court.facilities = court.facilities.map((f) => ({ ...f, description: sanitiseCourtHtml(f.description) }))
  }
  return buildCourtIndex(data)
}

/**
 * Another process (a second web server, the import command) may change the
 * data. Each process checks a one-row fingerprint now and then and rebuilds
 * when it moved: one tiny query per interval, never one per request.
 */
export function watchCourtData(db: Kysely<PlatformTables>, intervalMs = 30_000): () => void {
  let last: string | undefined
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    courtDataStamp(courtDb(db))
      .then(async (stamp) => {
        if (last !== undefined && stamp !== last) await refreshCourtIndex(db)
        last = stamp
      })
      .catch(() => {})
      .finally(() => {
        running = false
      })
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}

/** Saves a staff edit (see saveCourtChanges) and rebuilds this process's index when it is saved. */
export async function editCourt(
  db: Kysely<PlatformTables>,
  slug: string,
  expectedVersion: number,
  changes: Partial<Record<EditableColumn, unknown>>,
  onSaved?: Parameters<typeof saveCourtChanges>[4],
) {
  const result = await saveCourtChanges(courtDb(db), slug, expectedVersion, changes, onSaved)
  if (result.kind === 'saved') await refreshCourtIndex(db)
  return result
}

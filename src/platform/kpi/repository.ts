/** SQL for journey events and satisfaction responses. */
import { sql, type Kysely } from 'kysely'
import { withTables, type PlatformTables } from '../db/index.js'
import type { JourneyEventKind, KpiTables } from './schema.js'
import { journeyMeasures, satisfactionMeasures, type JourneyMeasures, type RunSummary, type SatisfactionMeasures } from './measures.js'

export type { JourneyEventKind, KpiTables } from './schema.js'

export interface JourneyEvent {
  service: string
  journey: string
  runId: string | null
  event: JourneyEventKind
  page?: string | null
  field?: string | null
  channel: 'digital' | 'assisted'
}

export async function recordJourneyEvents(db: Kysely<PlatformTables>, events: readonly JourneyEvent[]): Promise<void> {
  if (events.length === 0) return
  await withTables<KpiTables>(db)
    .insertInto('journey_events')
    .values(events.map((e) => eventRow(e)))
    .execute()
}

function eventRow(e: JourneyEvent, at?: Date) {
  return { service: e.service, journey: e.journey, run_id: e.runId, event: e.event, page: e.page ?? null, field: e.field ?? null, channel: e.channel, ...(at ? { occurred_at: at } : {}) }
}

/** How long counted events wait before they are written, and how many go in one insert (8 parameters each). */
const COUNT_WRITE_MS = 250
const COUNT_WRITE_BATCH = 500
/** While the database cannot take them: how many wait at most (the oldest go first), how often and how many times to try again. */
const COUNT_KEPT_MAX = 5000
const COUNT_RETRY_MS = 5000
const COUNT_RETRIES = 12

interface CountedEvents {
  waiting: { event: JourneyEvent; at: Date }[]
  timer: NodeJS.Timeout | undefined
  writing: Promise<void>
  /** Writes failed in a row; while above 0, writes wait for the retry timer. */
  failures: number
  warn: (message: string, error?: unknown) => void
}
const counted = new WeakMap<Kysely<PlatformTables>, CountedEvents>()

/**
 * Counts page views, validation errors and starts without a database round
 * trip on the request: they are measures, not records anyone acts on, and an
 * insert per page shown costs more than the page. They are written together a
 * quarter of a second later (at once when 500 wait). Reading the measures
 * (`measureJourney`, `validationErrorsByField`) writes what waits first, so
 * nothing counted in this process is missing from a measure it reads; so does
 * closing the app, before the database closes. A crash loses what waits: a
 * quarter second of counts, or, while the database is away, up to 5,000, which
 * are tried again every 5 seconds for a minute and then dropped with a warning.
 * The event that ends a run (`completed`) is written in the submission's own
 * transaction with `recordJourneyEvents`.
 */
export function countJourneyEvents(db: Kysely<PlatformTables>, events: readonly JourneyEvent[], warn?: CountedEvents['warn']): void {
  if (events.length === 0) return
  let c = counted.get(db)
  if (!c) counted.set(db, (c = { waiting: [], timer: undefined, writing: Promise.resolve(), failures: 0, warn: warn ?? (() => {}) }))
  if (warn) c.warn = warn
  const at = new Date()
  for (const event of events) c.waiting.push({ event, at })
  if (c.failures > 0) return
  if (c.waiting.length >= COUNT_WRITE_BATCH) void writeCountedEvents(db)
  else if (!c.timer) {
    c.timer = setTimeout(() => void writeCountedEvents(db), COUNT_WRITE_MS)
    c.timer.unref()
  }
}

/** Writes the events counted so far; resolves when they, and any write already under way, are in (or have failed). */
export function writeCountedEvents(db: Kysely<PlatformTables>): Promise<void> {
  const c = counted.get(db)
  if (!c) return Promise.resolve()
  clearTimeout(c.timer)
  c.timer = undefined
  const batch = c.waiting
  c.waiting = []
  c.writing = c.writing.then(async () => {
    for (let i = 0; i < batch.length; i += COUNT_WRITE_BATCH) {
      const chunk = batch.slice(i, i + COUNT_WRITE_BATCH)
      try {
        await withTables<KpiTables>(db)
          .insertInto('journey_events')
          .values(chunk.map(({ event, at }) => eventRow(event, at)))
          .execute()
        c.failures = 0
      } catch (error) {
        countsNotWritten(db, c, batch.slice(i), error)
        return
      }
    }
  })
  return c.writing
}

function countsNotWritten(db: Kysely<PlatformTables>, c: CountedEvents, unwritten: CountedEvents['waiting'], error: unknown): void {
  c.failures += 1
  if (c.failures > COUNT_RETRIES) {
    c.warn(`journey counts not written after ${COUNT_RETRIES} tries; ${unwritten.length + c.waiting.length} dropped`, error)
    c.waiting = []
    c.failures = 0
    return
  }
  const all = [...unwritten, ...c.waiting]
  if (all.length > COUNT_KEPT_MAX) c.warn(`journey counts waiting for the database: the oldest ${all.length - COUNT_KEPT_MAX} dropped`)
  c.waiting = all.slice(-COUNT_KEPT_MAX)
  if (c.failures === 1) c.warn('journey counts could not be written; trying again every few seconds', error)
  clearTimeout(c.timer)
  c.timer = setTimeout(() => void writeCountedEvents(db), COUNT_RETRY_MS)
  c.timer.unref()
}

/** The measures of one journey over runs started since `since`. */
export async function measureJourney(db: Kysely<PlatformTables>, service: string, journey: string, since = new Date(0)): Promise<JourneyMeasures> {
  await writeCountedEvents(db)
  const rows = await withTables<KpiTables>(db)
    .selectFrom('journey_events')
    .select([
      'run_id',
      sql<boolean>`bool_or(event = 'completed')`.as('completed'),
      sql<'digital' | 'assisted'>`max(channel)`.as('channel'),
      sql<string | null>`(array_agg(page order by occurred_at desc, id desc) filter (where event = 'page-viewed'))[1]`.as('last_page'),
    ])
    .where('service', '=', service)
    .where('journey', '=', journey)
    .where('run_id', 'is not', null)
    .groupBy('run_id')
    .having(sql<boolean>`bool_or(event = 'started') and min(occurred_at) >= ${since}`)
    .execute()
  const runs: RunSummary[] = rows.map((r) => ({ completed: Boolean(r.completed), channel: r.channel, lastPage: r.last_page }))
  return journeyMeasures(runs)
}

/** Every journey that has recorded events, by service. */
export async function measuredJourneys(db: Kysely<PlatformTables>): Promise<{ service: string; journey: string }[]> {
  await writeCountedEvents(db)
  return withTables<KpiTables>(db).selectFrom('journey_events').select(['service', 'journey']).distinct().orderBy('service').orderBy('journey').execute()
}

/** Validation errors by page and field: which questions people find hard. */
export async function validationErrorsByField(
  db: Kysely<PlatformTables>,
  service: string,
  journey: string,
  since = new Date(0),
): Promise<{ page: string; field: string; errors: number }[]> {
  await writeCountedEvents(db)
  const rows = await withTables<KpiTables>(db)
    .selectFrom('journey_events')
    .select(['page', 'field', sql<number>`count(*)::int`.as('errors')])
    .where('service', '=', service)
    .where('journey', '=', journey)
    .where('event', '=', 'validation-error')
    .where('occurred_at', '>=', since)
    .groupBy(['page', 'field'])
    .orderBy('errors', 'desc')
    .execute()
  return rows.map((r) => ({ page: r.page ?? '', field: r.field ?? '', errors: Number(r.errors) }))
}

export async function recordSatisfaction(
  db: Kysely<PlatformTables>,
  response: { service: string; journey: string | null; rating: number; comment: string | null },
): Promise<void> {
  await withTables<KpiTables>(db).insertInto('satisfaction_responses').values(response).execute()
}

export async function measureSatisfaction(db: Kysely<PlatformTables>, service: string, since = new Date(0)): Promise<SatisfactionMeasures> {
  const rows = await withTables<KpiTables>(db)
    .selectFrom('satisfaction_responses')
    .select('rating')
    .where('service', '=', service)
    .where('created_at', '>=', since)
    .execute()
  return satisfactionMeasures(rows.map((r) => Number(r.rating)))
}

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
    .values(
      events.map((e) => ({
        service: e.service,
        journey: e.journey,
        run_id: e.runId,
        event: e.event,
        page: e.page ?? null,
        field: e.field ?? null,
        channel: e.channel,
      })),
    )
    .execute()
}

/** How long counted events wait before they are written, and how many make a write at once. */
const COUNT_WRITE_MS = 250
const COUNT_WRITE_BATCH = 500
/** Events kept while the database cannot take them; beyond this the oldest are dropped. */
const COUNT_KEPT_MAX = 20_000

interface CountedEvents {
  waiting: { event: JourneyEvent; at: Date }[]
  timer: NodeJS.Timeout | undefined
  writing: Promise<void>
}
const counted = new WeakMap<Kysely<PlatformTables>, CountedEvents>()

/**
 * Counts page views and validation errors without a database round trip on
 * the request: they are measures, not records anyone acts on, and an insert per
 * page shown costs more than the page. They are written together in one insert
 * a quarter of a second later (at once when 500 wait). Reading the measures
 * (`measureJourney`, `validationErrorsByField`) and closing the app write what
 * waits first, so nothing counted in this process is missing from a measure it
 * reads. A crash loses at most that quarter second of counts; an event that ends a
 * run (`completed`) is recorded in its own transaction with `recordJourneyEvents`.
 */
export function countJourneyEvents(db: Kysely<PlatformTables>, events: readonly JourneyEvent[]): void {
  if (events.length === 0) return
  let c = counted.get(db)
  if (!c) counted.set(db, (c = { waiting: [], timer: undefined, writing: Promise.resolve() }))
  const at = new Date()
  for (const event of events) c.waiting.push({ event, at })
  if (c.waiting.length >= COUNT_WRITE_BATCH) void writeCountedEvents(db)
  else if (!c.timer) {
    c.timer = setTimeout(() => void writeCountedEvents(db), COUNT_WRITE_MS)
    c.timer.unref()
  }
}

/** Writes the events counted so far; resolves when they, and any write already under way, are in. */
export function writeCountedEvents(db: Kysely<PlatformTables>): Promise<void> {
  const c = counted.get(db)
  if (!c) return Promise.resolve()
  clearTimeout(c.timer)
  c.timer = undefined
  const batch = c.waiting
  c.waiting = []
  c.writing = c.writing.then(async () => {
    if (batch.length === 0) return
    try {
      await withTables<KpiTables>(db)
        .insertInto('journey_events')
        .values(batch.map(({ event: e, at }) => ({ service: e.service, journey: e.journey, run_id: e.runId, event: e.event, page: e.page ?? null, field: e.field ?? null, channel: e.channel, occurred_at: at })))
        .execute()
    } catch {
      // The database is away: the counts wait for the next write (the next event counted schedules one), up to a limit.
      c.waiting = [...batch, ...c.waiting].slice(-COUNT_KEPT_MAX)
    }
  })
  return c.writing
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

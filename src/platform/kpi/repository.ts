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

/** The measures of one journey over runs started since `since`. */
export async function measureJourney(db: Kysely<PlatformTables>, service: string, journey: string, since = new Date(0)): Promise<JourneyMeasures> {
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
  return withTables<KpiTables>(db).selectFrom('journey_events').select(['service', 'journey']).distinct().orderBy('service').orderBy('journey').execute()
}

/** Validation errors by page and field: which questions people find hard. */
export async function validationErrorsByField(
  db: Kysely<PlatformTables>,
  service: string,
  journey: string,
  since = new Date(0),
): Promise<{ page: string; field: string; errors: number }[]> {
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

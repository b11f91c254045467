/** Measures of the services: journey events and satisfaction. Nothing here identifies a person. */
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export type JourneyEventKind = 'started' | 'page-viewed' | 'validation-error' | 'completed'

export interface JourneyEventsTable {
  id: Generated<number>
  service: string
  journey: string
  /** A random id per journey run (not the draft's id), or null for a view before a run starts. */
  run_id: string | null
  event: JourneyEventKind
  /** The page's key, never its answers. */
  page: string | null
  /** The field with a validation error, never the value entered. */
  field: string | null
  channel: 'digital' | 'assisted'
  occurred_at: Timestamp
}

export interface SatisfactionResponsesTable {
  id: Generated<number>
  service: string
  journey: string | null
  /** 1 very dissatisfied … 5 very satisfied. */
  rating: number
  comment: string | null
  created_at: Timestamp
}

export interface KpiTables {
  journey_events: JourneyEventsTable
  satisfaction_responses: SatisfactionResponsesTable
}

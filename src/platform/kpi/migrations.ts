/** Tables for the service measures. */
import { sql } from 'kysely'
import type { Migration } from '../db/migrations.js'

export const kpiMigrations: Migration[] = [
  {
    name: 'platform/kpi-journey-events',
    async up(db) {
      for (const statement of [
        `create table journey_events (
          id bigserial primary key,
          service text not null,
          journey text not null,
          run_id text,
          event text not null check (event in ('started', 'page-viewed', 'validation-error', 'completed')),
          page text,
          field text,
          channel text not null check (channel in ('digital', 'assisted')),
          occurred_at timestamptz not null default now()
        )`,
        `create index journey_events_journey on journey_events (service, journey, occurred_at)`,
        `create index journey_events_run on journey_events (run_id)`,
        `create table satisfaction_responses (
          id bigserial primary key,
          service text not null,
          journey text,
          rating smallint not null check (rating between 1 and 5),
          comment text,
          created_at timestamptz not null default now()
        )`,
        `create index satisfaction_responses_service on satisfaction_responses (service, created_at)`,
      ]) {
        await sql.raw(statement).execute(db)
      }
    },
  },
]

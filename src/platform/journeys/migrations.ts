/** The journey engine's tables. Plain SQL, one statement per call (PGlite takes one at a time). */
import { sql } from 'kysely'
import type { Migration } from '../db/migrations.js'

export const journeyMigrations: Migration[] = [
  {
    name: 'platform/journey-drafts',
    async up(db) {
      for (const statement of [
        `create table journey_drafts (
          id text primary key,
          service text not null,
          journey text not null,
          session_id text,
          answers jsonb not null default '{}',
          form jsonb not null default '{}',
          status text not null default 'open' check (status in ('open', 'submitted')),
          reference text,
          saved boolean not null default false,
          run_id text not null,
          channel text not null default 'digital' check (channel in ('digital', 'assisted')),
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          expires_at timestamptz not null,
          submitted_at timestamptz
        )`,
        `create index journey_drafts_session on journey_drafts (session_id, service, journey)`,
        `create index journey_drafts_expires_at on journey_drafts (expires_at)`,
        `create table journey_return_links (
          token_hash text primary key,
          draft_id text not null references journey_drafts (id) on delete cascade,
          created_at timestamptz not null default now(),
          expires_at timestamptz not null,
          used_at timestamptz
        )`,
        `create index journey_return_links_draft on journey_return_links (draft_id)`,
      ]) {
        await sql.raw(statement).execute(db)
      }
    },
  },
]

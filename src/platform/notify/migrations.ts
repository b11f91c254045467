import { runStatements, type Migration } from '../db/migrations.js'

export const notifyMigrations: Migration[] = [
  {
    name: 'platform/notify-messages',
    up: (db) =>
      runStatements(db, [
        `create table notify_messages (
          id uuid primary key,
          idempotency_key text not null,
          type text not null,
          channel text not null check (channel in ('email', 'sms')),
          lang text not null check (lang in ('en', 'cy')),
          recipient text,
          subject text,
          body text,
          personalisation jsonb,
          provider text check (provider in ('outbox', 'notify')),
          status text not null,
          attempts integer not null default 0,
          lease_until timestamptz,
          provider_id text,
          last_error text,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          sent_at timestamptz,
          status_at timestamptz,
          redacted_at timestamptz,
          unique (idempotency_key, channel)
        )`,
        `create index notify_messages_created_at on notify_messages (created_at desc)`,
        `create index notify_messages_pending on notify_messages (status) where status in ('queued', 'sending', 'retrying')`,
        `create index notify_messages_provider_id on notify_messages (provider_id)`,
      ]),
  },
]

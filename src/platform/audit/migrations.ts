import { runStatements, type Migration } from '../db/migrations.js'
import { GENESIS_HASH } from './chain.js'

export const auditMigrations: Migration[] = [
  {
    name: 'audit/events',
    up: (db) =>
      runStatements(db, [
        `create table audit_events (
          id bigint primary key,
          at timestamptz not null,
          actor_id text,
          actor_email text,
          action text not null,
          record_type text,
          record_id text,
          before jsonb,
          after jsonb,
          ip text,
          user_agent text,
          request_id text,
          prev_hash text not null,
          hash text not null
        )`,
        `create index audit_events_actor on audit_events (actor_email, id)`,
        `create index audit_events_record on audit_events (record_type, record_id, id)`,
        `create index audit_events_action on audit_events (action, id)`,
        `create index audit_events_at on audit_events (at)`,
        `create table audit_chain_head (
          id integer primary key check (id = 1),
          last_id bigint not null,
          last_hash text not null
        )`,
        `insert into audit_chain_head (id, last_id, last_hash) values (1, 0, '${GENESIS_HASH}')`,
        // Append-only: the application can add events but never change or remove one.
        // (A table owner can still disable the trigger; in production the app's role should not own it.)
        `create function audit_events_append_only() returns trigger language plpgsql as $$
          begin
            raise exception 'audit events are append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
          end
        $$`,
        `create trigger audit_events_no_change before update or delete on audit_events
          for each row execute function audit_events_append_only()`,
        `create trigger audit_events_no_truncate before truncate on audit_events
          for each statement execute function audit_events_append_only()`,
      ]),
  },
]

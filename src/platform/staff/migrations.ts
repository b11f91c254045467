import { runStatements, type Migration } from '../db/migrations.js'

export const staffMigrations: Migration[] = [
  {
    name: 'staff/accounts',
    up: (db) =>
      runStatements(db, [
        `create table staff_users (
          id text primary key,
          email text not null unique check (email = lower(email)),
          name text not null,
          password_hash text,
          totp_secret text,
          totp_last_step bigint,
          status text not null default 'active' check (status in ('active', 'deactivated')),
          failed_attempts integer not null default 0,
          locked_until timestamptz,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`,
        `create table staff_grants (
          id serial primary key,
          user_id text not null references staff_users (id),
          role text not null,
          scope_kind text not null check (scope_kind in ('all', 'region', 'courts', 'prisons')),
          scope_values jsonb not null default '[]',
          created_at timestamptz not null default now()
        )`,
        `create index staff_grants_user on staff_grants (user_id)`,
        `create table staff_recovery_codes (
          user_id text not null references staff_users (id),
          code_hash text not null,
          used_at timestamptz,
          primary key (user_id, code_hash)
        )`,
        `create table staff_links (
          token_hash text primary key,
          user_id text not null references staff_users (id),
          purpose text not null check (purpose in ('set-up', 'password-reset')),
          expires_at timestamptz not null,
          used_at timestamptz,
          created_at timestamptz not null default now()
        )`,
        `create table staff_sign_in_failures (
          ip text not null,
          at timestamptz not null default now()
        )`,
        `create index staff_sign_in_failures_ip on staff_sign_in_failures (ip, at)`,
        // Signing out everywhere and deactivation find a person's sessions by this.
        `create index sessions_staff_user on sessions ((data->'staff'->>'userId'))`,
      ]),
  },
]

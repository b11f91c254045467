/** SQL for messages. */
import { sql, type Kysely, type Selectable } from 'kysely'
import type { NotifyMessagesTable, NotifyTables } from './schema.js'
import type { AnyKysely, Channel, MessageStatus, ProviderName } from './types.js'

export type MessageRow = Selectable<NotifyMessagesTable>
type Db = Kysely<NotifyTables>

export function notifyDb(db: AnyKysely): Db {
  return db as unknown as Db
}

export interface NewMessage {
  id: string
  idempotencyKey: string
  type: string
  channel: Channel
  lang: 'en' | 'cy'
  recipient: string
  subject: string | null
  body: string
  personalisation: Record<string, string>
}

/** Inserts a message unless one with the same key and channel exists; says which. */
export async function insertMessage(db: Db, m: NewMessage): Promise<{ id: string; inserted: boolean }> {
  const inserted = await db
    .insertInto('notify_messages')
    .values({
      id: m.id,
      idempotency_key: m.idempotencyKey,
      type: m.type,
      channel: m.channel,
      lang: m.lang,
      recipient: m.recipient,
      subject: m.subject,
      body: m.body,
      personalisation: JSON.stringify(m.personalisation),
      status: 'queued',
    })
    .onConflict((oc) => oc.columns(['idempotency_key', 'channel']).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (inserted) return { id: inserted.id, inserted: true }
  const existing = await db
    .selectFrom('notify_messages')
    .select('id')
    .where('idempotency_key', '=', m.idempotencyKey)
    .where('channel', '=', m.channel)
    .executeTakeFirstOrThrow()
  return { id: existing.id, inserted: false }
}

/**
 * Takes a message for sending: only one worker at a time holds it, until the
 * lease runs out (the worker died). Returns nothing when it is done already or
 * another worker holds it.
 */
export async function claimMessage(db: Db, id: string, leaseSeconds: number): Promise<MessageRow | undefined> {
  return db
    .updateTable('notify_messages')
    .set({
      status: 'sending',
      attempts: sql`attempts + 1`,
      lease_until: sql`now() + make_interval(secs => ${leaseSeconds})`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'retrying', 'sending'])
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
    .returningAll()
    .executeTakeFirst()
}

export async function findMessage(db: Db, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('notify_messages').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function markSent(db: Db, id: string, provider: ProviderName, providerId: string | null): Promise<void> {
  await db
    .updateTable('notify_messages')
    .set({ status: 'sent', provider, provider_id: providerId, lease_until: null, sent_at: sql`now()`, updated_at: sql`now()`, status_at: null })
    .where('id', '=', id)
    // A delivery receipt may already have said more than "sent".
    .where('status', '=', 'sending')
    .execute()
}

export async function markRetrying(db: Db, id: string, reason: string): Promise<void> {
  await db
    .updateTable('notify_messages')
    .set({ status: 'retrying', last_error: reason, lease_until: null, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute()
}

export async function markFailed(db: Db, id: string, provider: ProviderName, reason: string): Promise<void> {
  await db
    .updateTable('notify_messages')
    .set({ status: 'failed', provider, last_error: reason, lease_until: null, updated_at: sql`now()`, status_at: sql`now()` })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'sending', 'retrying'])
    .execute()
}

/** A delivery receipt: found by Notify's id, or by our reference. Returns whether a message matched. */
export async function recordDeliveryStatus(
  db: Db,
  receipt: { providerId: string; reference: string | null; status: MessageStatus; at: Date | null },
): Promise<boolean> {
  const updated = await db
    .updateTable('notify_messages')
    .set({ status: receipt.status, status_at: receipt.at ?? sql`now()`, updated_at: sql`now()`, provider_id: receipt.providerId, lease_until: null })
    .where((eb) =>
      receipt.reference && /^[0-9a-f-]{36}$/i.test(receipt.reference)
        ? eb.or([eb('provider_id', '=', receipt.providerId), eb('id', '=', receipt.reference)])
        : eb('provider_id', '=', receipt.providerId),
    )
    .executeTakeFirst()
  return Number(updated.numUpdatedRows) > 0
}

export async function latestMessages(db: Db, limit: number): Promise<MessageRow[]> {
  return db.selectFrom('notify_messages').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute()
}

export async function pendingCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('notify_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['queued', 'sending', 'retrying'])
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Forgets who a message went to and what it said; its type, status and dates stay for counts. */
export async function redactOlderThan(db: Db, days: number): Promise<number> {
  const result = await db
    .updateTable('notify_messages')
    .set({ recipient: null, subject: null, body: null, personalisation: null, last_error: null, redacted_at: sql`now()` })
    .where('redacted_at', 'is', null)
    .where('created_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .where('status', 'not in', ['queued', 'sending', 'retrying'])
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function statusCounts(db: Db): Promise<{ type: string; channel: string; status: string; count: number }[]> {
  const rows = await db
    .selectFrom('notify_messages')
    .select(['type', 'channel', 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['type', 'channel', 'status'])
    .orderBy('type')
    .orderBy('channel')
    .orderBy('status')
    .execute()
  return rows.map((r) => ({ ...r, count: Number(r.count) }))
}

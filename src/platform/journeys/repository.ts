/** SQL for drafts, save-and-return links and the journey's use of the sessions table. */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { sql, type Kysely, type Selectable } from 'kysely'
import { withTables, type PlatformTables } from '../db/index.js'
import type { JourneyDraftsTable, JourneyTables } from './schema.js'

export type Draft = Selectable<JourneyDraftsTable>
type Db = Kysely<PlatformTables>

const tables = (db: Db) => withTables<JourneyTables>(db)

export function newDraftId(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** The newest live draft of a journey in this session. */
export async function findSessionDraft(db: Db, sessionId: string, service: string, journey: string): Promise<Draft | undefined> {
  return tables(db)
    .selectFrom('journey_drafts')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('service', '=', service)
    .where('journey', '=', journey)
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** A draft by id, locked until the transaction ends (submission, saving an answer). */
export async function lockDraft(trx: Db, id: string): Promise<Draft | undefined> {
  return tables(trx).selectFrom('journey_drafts').selectAll().where('id', '=', id).where('expires_at', '>', new Date()).forUpdate().executeTakeFirst()
}

export async function createDraft(
  db: Db,
  draft: { service: string; journey: string; sessionId: string; channel: 'digital' | 'assisted'; expiresAt: Date },
): Promise<Draft> {
  return tables(db)
    .insertInto('journey_drafts')
    .values({
      id: newDraftId(),
      service: draft.service,
      journey: draft.journey,
      session_id: draft.sessionId,
      answers: '{}',
      form: '{}',
      status: 'open',
      saved: false,
      run_id: randomUUID(),
      channel: draft.channel,
      expires_at: draft.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Saves answers; returns the draft as it now is. */
export async function updateDraft(
  db: Db,
  id: string,
  change: { answers: Record<string, unknown>; form: Record<string, unknown>; expiresAt: Date; saved?: boolean },
): Promise<Draft | undefined> {
  return tables(db)
    .updateTable('journey_drafts')
    .set({
      answers: JSON.stringify(change.answers),
      form: JSON.stringify(change.form),
      updated_at: new Date(),
      expires_at: change.expiresAt,
      ...(change.saved !== undefined ? { saved: change.saved } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}

/** Marks a draft submitted and forgets its answers: the service's own record now holds them. */
export async function markSubmitted(db: Db, id: string, reference: string, expiresAt: Date): Promise<void> {
  await tables(db)
    .updateTable('journey_drafts')
    .set({ status: 'submitted', reference, answers: '{}', form: '{}', submitted_at: new Date(), updated_at: new Date(), expires_at: expiresAt })
    .where('id', '=', id)
    .execute()
}

export async function bindDraftToSession(db: Db, id: string, sessionId: string): Promise<void> {
  await tables(db).updateTable('journey_drafts').set({ session_id: sessionId, updated_at: new Date() }).where('id', '=', id).execute()
}

export async function deleteDraft(db: Db, id: string): Promise<void> {
  await tables(db).deleteFrom('journey_drafts').where('id', '=', id).execute()
}

/** How many links a draft has had: each is an email sent, so they are limited. */
export async function countReturnLinks(db: Db, draftId: string): Promise<number> {
  const rows = await tables(db).selectFrom('journey_return_links').select('token_hash').where('draft_id', '=', draftId).execute()
  return rows.length
}

/** A new single-use link for a draft; any earlier link stops working. Returns the token for the URL. */
export async function createReturnLink(db: Db, draftId: string, expiresAt: Date): Promise<string> {
  const now = new Date()
  await tables(db).updateTable('journey_return_links').set({ used_at: now }).where('draft_id', '=', draftId).where('used_at', 'is', null).execute()
  const token = randomBytes(32).toString('base64url')
  await tables(db).insertInto('journey_return_links').values({ token_hash: hashToken(token), draft_id: draftId, expires_at: expiresAt }).execute()
  return token
}

/** The draft a link opens, if the link is unused and unexpired (without using it). */
export async function peekReturnLink(db: Db, token: string): Promise<Draft | undefined> {
  return tables(db)
    .selectFrom('journey_return_links as l')
    .innerJoin('journey_drafts as d', 'd.id', 'l.draft_id')
    .selectAll('d')
    .where('l.token_hash', '=', hashToken(token))
    .where('l.used_at', 'is', null)
    .where('l.expires_at', '>', new Date())
    .where('d.expires_at', '>', new Date())
    .where('d.status', '=', 'open')
    .executeTakeFirst()
}

/** Uses a link: returns its draft's id once, and never again. */
export async function useReturnLink(db: Db, token: string): Promise<string | undefined> {
  const row = await tables(db)
    .updateTable('journey_return_links')
    .set({ used_at: new Date() })
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning('draft_id')
    .executeTakeFirst()
  return row?.draft_id
}

/** Deletes expired drafts (and, by cascade, their links). Returns how many. */
export async function deleteExpiredDrafts(db: Db, now = new Date()): Promise<number> {
  const result = await tables(db).deleteFrom('journey_drafts').where('expires_at', '<=', now).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/**
 * Keeps a session alive for another `ttlMs`, creating its row if needed
 * without touching data another module keeps in it (a staff sign-in).
 */
export async function touchSession(db: Db, sessionId: string, ttlMs: number): Promise<Date> {
  const now = new Date()
  const expires = new Date(now.getTime() + ttlMs)
  await db
    .insertInto('sessions')
    .values({ id: sessionId, data: '{}', created_at: now, updated_at: now, expires_at: expires })
    // Never shortens: another module (a staff sign-in) may keep the same session for longer.
    .onConflict((oc) => oc.column('id').doUpdateSet({ updated_at: now, expires_at: sql<Date>`greatest(sessions.expires_at, ${expires})` }))
    .execute()
  return expires
}

/** When a session ends; undefined when it has no row. */
export async function sessionExpiry(db: Db, sessionId: string): Promise<Date | undefined> {
  const row = await db.selectFrom('sessions').select('expires_at').where('id', '=', sessionId).executeTakeFirst()
  return row ? new Date(row.expires_at) : undefined
}

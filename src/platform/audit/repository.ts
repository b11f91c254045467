/** The audit viewer's SQL: filtered events, newest first. */
import type { Kysely, Selectable } from 'kysely'
import { withTables } from '../db/index.js'
import type { PlatformTables } from '../db/schema.js'
import type { AuditEventsTable, AuditTables } from './schema.js'
import type { ChainedEvent } from './chain.js'

export interface AuditFilters {
  person?: string
  recordType?: string
  recordId?: string
  action?: string
  /** Inclusive, as dates in UK time. */
  from?: Date
  /** Exclusive: the start of the day after the "to" date. */
  before?: Date
}

/** An audit event as stored: every field, with its place in the hash chain. */
export type AuditRow = ChainedEvent & { hash: string }

/** The one mapping from a stored row to an event, for the viewer and for verification alike. */
export function toAuditRow(r: Selectable<AuditEventsTable>): AuditRow {
  return {
    id: Number(r.id),
    at: r.at,
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    action: r.action,
    recordType: r.record_type,
    recordId: r.record_id,
    before: r.before,
    after: r.after,
    ip: r.ip,
    userAgent: r.user_agent,
    requestId: r.request_id,
    prevHash: r.prev_hash,
    hash: r.hash,
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c)
}

export async function findEvents(database: Kysely<PlatformTables>, filters: AuditFilters, limit: number): Promise<AuditRow[]> {
  const db = withTables<AuditTables>(database)
  let q = db.selectFrom('audit_events').selectAll()
  if (filters.person) q = q.where('actor_email', 'ilike', `%${escapeLike(filters.person)}%`)
  if (filters.recordType) q = q.where('record_type', '=', filters.recordType)
  if (filters.recordId) q = q.where('record_id', '=', filters.recordId)
  // An action filter matches the action and everything under it: `staff.sign-in` finds `staff.sign-in.failed`.
  if (filters.action) q = q.where((eb) => eb.or([eb('action', '=', filters.action!), eb('action', 'like', `${escapeLike(filters.action!)}.%`)]))
  if (filters.from) q = q.where('at', '>=', filters.from)
  if (filters.before) q = q.where('at', '<', filters.before)
  const rows = await q.orderBy('id', 'desc').limit(limit).execute()
  return rows.map(toAuditRow)
}

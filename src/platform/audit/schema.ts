/** The audit module's tables. */
import type { ColumnType } from 'kysely'

type Json = ColumnType<unknown, string | null, never>

export interface AuditEventsTable {
  id: number
  at: ColumnType<Date, Date, never>
  actor_id: string | null
  actor_email: string | null
  action: string
  record_type: string | null
  record_id: string | null
  before: Json
  after: Json
  ip: string | null
  user_agent: string | null
  request_id: string | null
  prev_hash: string
  hash: string
}

/** One row: the newest event's id and hash. Locking it serialises writers. */
export interface AuditChainHeadTable {
  id: number
  last_id: number
  last_hash: string
}

export interface AuditTables {
  audit_events: AuditEventsTable
  audit_chain_head: AuditChainHeadTable
}

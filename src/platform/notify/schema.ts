/** The notify module's tables. */
import type { ColumnType, Generated } from 'kysely'
import type { Channel, MessageStatus, ProviderName } from './types.js'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>

export interface NotifyMessagesTable {
  /** Ours; sent to Notify as `reference`, so a retry can ask Notify whether it already has it. */
  id: string
  idempotency_key: string
  type: string
  channel: Channel
  lang: 'en' | 'cy'
  /** Null once the retention period has passed. */
  recipient: string | null
  subject: string | null
  body: string | null
  personalisation: ColumnType<Record<string, string> | null, string | null, string | null>
  /** Which provider took it; null until a worker has tried. */
  provider: ProviderName | null
  status: MessageStatus
  attempts: Generated<number>
  /** While a send is in flight: no other worker may send before then. */
  lease_until: NullableTimestamp
  /** Notify's notification id. */
  provider_id: string | null
  last_error: string | null
  created_at: Timestamp
  updated_at: Timestamp
  sent_at: NullableTimestamp
  status_at: NullableTimestamp
  redacted_at: NullableTimestamp
}

export interface NotifyTables {
  notify_messages: NotifyMessagesTable
}

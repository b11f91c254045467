/** The journey engine's tables. */
import type { ColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, string, string>

export interface JourneyDraftsTable {
  /** Unguessable: 32 random bytes. */
  id: string
  service: string
  journey: string
  /** The session this draft belongs to; changes when a saved draft is restored. */
  session_id: string | null
  /** Each answered page's converted value, by page key. */
  answers: Json<Record<string, unknown>>
  /** Each page's form values as typed, by page key, so a page shows exactly what was entered. */
  form: Json<Record<string, Record<string, string | string[]>>>
  status: 'open' | 'submitted'
  reference: string | null
  /** True once the user chose "Save and come back later": kept longer. */
  saved: boolean
  /** A random id for measures, so journey events never carry the draft's id. */
  run_id: string
  channel: 'digital' | 'assisted'
  created_at: Timestamp
  updated_at: Timestamp
  expires_at: Timestamp
  submitted_at: Timestamp | null
}

export interface JourneyReturnLinksTable {
  /** SHA-256 of the token in the emailed link; the token itself is never stored. */
  token_hash: string
  draft_id: string
  created_at: Timestamp
  expires_at: Timestamp
  used_at: Timestamp | null
}

export interface JourneyTables {
  journey_drafts: JourneyDraftsTable
  journey_return_links: JourneyReturnLinksTable
}

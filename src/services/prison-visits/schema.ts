/** The prison visits service's tables. */
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** Calendar dates are stored as ISO text, `YYYY-MM-DD` (see migrations.ts). */
type DateColumn = string
/** Has a default in the database, so inserts may leave it out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>

export interface PrisonsTable {
  code: string
  name: string
  name_cy: string | null
  enabled: boolean
  private: boolean
  closed: boolean
  address: string | null
  address_cy: string | null
  postcode: string | null
  email: string | null
  phone: string | null
  adult_age: number
  lead_days: number
  booking_window_days: number
  works_weekends: boolean
  max_visitors: Defaulted<number>
  max_adults: Defaulted<number>
  orders_per_28_days: Defaulted<number>
  carry_over_cap: Defaulted<number>
  remand_weekly_limit: Defaulted<number>
  keeps_visitor_list: Defaulted<boolean>
  /** Fields staff have changed, which a re-import leaves alone. */
  staff_edited: ColumnType<string[], string[] | undefined, string[]>
  updated_at: Timestamp
}

export interface SessionTemplatesTable {
  id: Generated<number>
  prison_code: string
  /** Where an imported template came from (`pvb2:mon:14:00-16:00`); null for staff-made ones. */
  source_key: string | null
  day_of_week: number
  start_time: string
  end_time: string
  open_capacity: number
  closed_capacity: number
  valid_from: DateColumn | null
  valid_to: DateColumn | null
  frequency_weeks: number
  room: string | null
  staff_edited: Generated<boolean>
  /** Removed by staff: kept so that a re-import does not bring it back. */
  removed: Generated<boolean>
}

export interface BlockedDatesTable {
  id: Generated<number>
  prison_code: string
  date: DateColumn
  /** '' blocks the whole day. */
  start_time: string
  reason: string | null
  source: 'import' | 'staff'
  removed: Generated<boolean>
}

export interface OneOffSessionsTable {
  id: Generated<number>
  prison_code: string
  date: DateColumn
  start_time: string
  end_time: string
  open_capacity: number
  closed_capacity: number
  source: 'import' | 'staff'
  removed: Generated<boolean>
}

export interface BankHolidaysTable {
  date: DateColumn
  title: string
}

/** One row per session that has ever been held or booked: the row that is locked while places are counted. */
export interface SessionSlotsTable {
  id: Generated<number>
  prison_code: string
  date: DateColumn
  start_time: string
  end_time: string
}

export interface HoldsTable {
  id: string
  slot_id: number
  place: 'open' | 'closed'
  /** The journey (session id) holding it: one hold per owner. */
  owner: string
  expires_at: Timestamp
}

export interface VisitsTable {
  id: string
  reference: string
  prison_code: string
  slot_id: number
  date: DateColumn
  start_time: string
  end_time: string
  place: 'open' | 'closed'
  prisoner_number: string
  state: 'requested' | 'booked' | 'rejected' | 'withdrawn' | 'cancelled' | 'completed'
  channel: 'digital' | 'assisted'
  contact_email: string | null
  contact_phone: string | null
  lang: 'en' | 'cy'
  additional_support: string | null
  request_reasons: ColumnType<unknown[], string | undefined, string>
  allowance_used: boolean
  rejection_reasons: ColumnType<string[], string[] | undefined, string[]>
  cancellation_reasons: ColumnType<string[], string[] | undefined, string[]>
  staff_message: string | null
  cancelled_by: 'visitor' | 'staff' | null
  overbooked: Generated<boolean>
  created_at: Timestamp
  updated_at: Timestamp
  decided_at: Timestamp | null
  /** Set when the retention job removed the visitors' personal data. */
  anonymised_at: Timestamp | null
}

export interface VisitVisitorsTable {
  id: Generated<number>
  visit_id: string
  position: number
  first_name: string
  last_name: string
  date_of_birth: DateColumn | null
  not_allowed: Generated<boolean>
}

export interface PrisonersTable {
  number: string
  first_name: string
  last_name: string
  date_of_birth: DateColumn
  prison_code: string
  category: 'convicted' | 'remand'
  allowance_balance: number
  allowance_accrued_on: DateColumn
  closed_visits_only: boolean
  /** No visits at all (PVB2's prisoner_banned). */
  visits_banned: boolean
  synthetic: Defaulted<boolean>
}

export interface ApprovedVisitorsTable {
  id: Generated<number>
  prisoner_number: string
  first_name: string
  last_name: string
  date_of_birth: DateColumn | null
  banned_until: DateColumn | null
  closed_visits_only: boolean
}

export interface AllowanceChangesTable {
  id: Generated<number>
  prisoner_number: string
  change: number
  reason: string
  visit_id: string | null
  staff_id: string | null
  at: Timestamp
}

export interface LookupAttemptsTable {
  key: string
  at: Timestamp
}

export interface PrisonVisitsTables {
  prison_visits_prisons: PrisonsTable
  prison_visits_session_templates: SessionTemplatesTable
  prison_visits_blocked_dates: BlockedDatesTable
  prison_visits_one_off_sessions: OneOffSessionsTable
  prison_visits_bank_holidays: BankHolidaysTable
  prison_visits_session_slots: SessionSlotsTable
  prison_visits_holds: HoldsTable
  prison_visits_visits: VisitsTable
  prison_visits_visitors: VisitVisitorsTable
  prison_visits_prisoners: PrisonersTable
  prison_visits_approved_visitors: ApprovedVisitorsTable
  prison_visits_allowance_changes: AllowanceChangesTable
  prison_visits_lookup_attempts: LookupAttemptsTable
}

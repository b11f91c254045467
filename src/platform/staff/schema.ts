/** The staff module's tables. */
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export interface StaffUsersTable {
  id: string
  /** Lower case; unique. */
  email: string
  name: string
  /** argon2id; null until the person sets up their account. */
  password_hash: string | null
  /** Base32 TOTP secret; null until enrolled (or after a two-factor reset). */
  totp_secret: string | null
  /** The last TOTP time step accepted, so a code cannot be used twice. */
  totp_last_step: number | null
  status: 'active' | 'deactivated'
  failed_attempts: Generated<number>
  locked_until: Timestamp | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface StaffGrantsTable {
  id: Generated<number>
  user_id: string
  role: string
  scope_kind: 'all' | 'region' | 'courts' | 'prisons'
  /** Region names or court/prison codes; empty for `all`. */
  scope_values: ColumnType<string[], string, string>
  created_at: Generated<Date>
}

export interface StaffRecoveryCodesTable {
  user_id: string
  code_hash: string
  used_at: Timestamp | null
}

export interface StaffLinksTable {
  /** SHA-256 of the token in the link; the token itself is never stored. */
  token_hash: string
  user_id: string
  purpose: 'set-up' | 'password-reset'
  expires_at: Timestamp
  used_at: Timestamp | null
  created_at: Generated<Date>
}

export interface StaffSignInFailuresTable {
  ip: string
  at: Timestamp
}

export interface StaffTables {
  staff_users: StaffUsersTable
  staff_grants: StaffGrantsTable
  staff_recovery_codes: StaffRecoveryCodesTable
  staff_links: StaffLinksTable
  staff_sign_in_failures: StaffSignInFailuresTable
}

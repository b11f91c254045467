/** The staff module's SQL. */
import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import { withTables } from '../db/index.js'
import type { PlatformTables } from '../db/schema.js'
import type { Grant, Scope } from './access.js'
import type { StaffTables, StaffUsersTable } from './schema.js'
import { newLinkToken, sha256 } from './two-factor.js'

export type StaffDb = Kysely<PlatformTables & StaffTables>
type Db = StaffDb | Transaction<PlatformTables & StaffTables>

export function staffDb(db: Kysely<PlatformTables>): StaffDb {
  return withTables<StaffTables>(db)
}

export interface StaffUser {
  id: string
  email: string
  name: string
  status: 'active' | 'deactivated'
  passwordHash: string | null
  totpSecret: string | null
  totpLastStep: number | null
  failedAttempts: number
  lockedUntil: Date | null
  createdAt: Date
}

type UserRow = Selectable<StaffUsersTable>

function toUser(r: UserRow): StaffUser {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    status: r.status,
    passwordHash: r.password_hash,
    totpSecret: r.totp_secret,
    totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
    failedAttempts: r.failed_attempts,
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export async function findUserByEmail(db: Db, email: string): Promise<StaffUser | undefined> {
  const r = await db.selectFrom('staff_users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst()
  return r && toUser(r)
}

export async function findUser(db: Db, id: string): Promise<StaffUser | undefined> {
  const r = await db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst()
  return r && toUser(r)
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db.selectFrom('staff_users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(r.n)
}

export async function listUsers(db: Db): Promise<(StaffUser & { grants: Grant[] })[]> {
  const users = await db.selectFrom('staff_users').selectAll().orderBy('name').orderBy('email').limit(1000).execute()
  const grants = await grantsFor(db, users.map((u) => u.id))
  return users.map((u) => ({ ...toUser(u), grants: grants.get(u.id) ?? [] }))
}

export async function createUser(db: Db, user: { email: string; name: string }): Promise<StaffUser> {
  const r = await db
    .insertInto('staff_users')
    .values({ id: randomUUID(), email: normaliseEmail(user.email), name: user.name.trim(), password_hash: null, totp_secret: null, totp_last_step: null, status: 'active', locked_until: null })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toUser(r)
}

function toGrant(r: { role: string; scope_kind: Scope['kind']; scope_values: string[] }): Grant {
  return { role: r.role, scope: r.scope_kind === 'all' ? { kind: 'all' } : { kind: r.scope_kind, values: r.scope_values } }
}

async function grantsFor(db: Db, userIds: string[]): Promise<Map<string, Grant[]>> {
  const out = new Map<string, Grant[]>()
  if (userIds.length === 0) return out
  const rows = await db.selectFrom('staff_grants').select(['user_id', 'role', 'scope_kind', 'scope_values']).where('user_id', 'in', userIds).orderBy('id').execute()
  for (const r of rows) {
    const list = out.get(r.user_id) ?? []
    list.push(toGrant(r))
    out.set(r.user_id, list)
  }
  return out
}

export async function userGrants(db: Db, userId: string): Promise<Grant[]> {
  return (await grantsFor(db, [userId])).get(userId) ?? []
}

/** The signed-in person and their grants, if they are still active: checked on every staff request. */
export async function activeUserWithGrants(db: Db, userId: string): Promise<{ user: StaffUser; grants: Grant[] } | undefined> {
  const user = await findUser(db, userId)
  if (!user || user.status !== 'active') return undefined
  return { user, grants: await userGrants(db, userId) }
}

export async function replaceGrants(db: Db, userId: string, grants: readonly Grant[]): Promise<void> {
  await db.deleteFrom('staff_grants').where('user_id', '=', userId).execute()
  if (grants.length === 0) return
  await db
    .insertInto('staff_grants')
    .values(grants.map((g) => ({ user_id: userId, role: g.role, scope_kind: g.scope.kind, scope_values: JSON.stringify(g.scope.kind === 'all' ? [] : g.scope.values) })))
    .execute()
}

export async function setStatus(db: Db, userId: string, status: 'active' | 'deactivated'): Promise<void> {
  await db.updateTable('staff_users').set({ status, updated_at: new Date() }).where('id', '=', userId).execute()
}

// --- sign-in attempts ---------------------------------------------------------

export const MAX_FAILED_ATTEMPTS = 5
export const LOCKOUT_MS = 15 * 60 * 1000
export const IP_WINDOW_MS = 15 * 60 * 1000

/** Counts a failed attempt against an account; the fifth locks it. */
export async function recordAccountFailure(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('staff_users')
    .set((eb) => ({
      failed_attempts: sql<number>`case when ${eb.ref('failed_attempts')} + 1 >= ${MAX_FAILED_ATTEMPTS} then 0 else ${eb.ref('failed_attempts')} + 1 end`,
      locked_until: sql<Date | null>`case when ${eb.ref('failed_attempts')} + 1 >= ${MAX_FAILED_ATTEMPTS} then ${new Date(Date.now() + LOCKOUT_MS)}::timestamptz else ${eb.ref('locked_until')} end`,
    }))
    .where('id', '=', userId)
    .execute()
}

export async function clearAccountFailures(db: Db, userId: string): Promise<void> {
  await db.updateTable('staff_users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', userId).execute()
}

export function isLocked(user: StaffUser, now = new Date()): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now
}

export async function recordIpFailure(db: Db, ip: string): Promise<void> {
  await db.insertInto('staff_sign_in_failures').values({ ip, at: new Date() }).execute()
  // Keeps the table small without a scheduled job.
  if (Math.random() < 0.01) await db.deleteFrom('staff_sign_in_failures').where('at', '<', new Date(Date.now() - 24 * 60 * 60 * 1000)).execute()
}

export async function ipFailures(db: Db, ip: string): Promise<number> {
  const r = await db
    .selectFrom('staff_sign_in_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip)
    .where('at', '>', new Date(Date.now() - IP_WINDOW_MS))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Accepts a TOTP time step only if it is newer than the last one used: a code cannot be replayed. */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const r = await db
    .updateTable('staff_users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

// --- two-factor and passwords -------------------------------------------------

/** Seals every TOTP secret stored in clear (from before sealing); returns how many. */
export async function sealStoredTotpSecrets(db: Db, seal: (secret: string) => string): Promise<number> {
  const rows = await db.selectFrom('staff_users').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).where('totp_secret', 'not like', 'v1.%').execute()
  for (const row of rows) {
    // Conditional on the value read, so two processes starting together cannot seal a secret twice.
    await db.updateTable('staff_users').set({ totp_secret: seal(row.totp_secret!) }).where('id', '=', row.id).where('totp_secret', '=', row.totp_secret).execute()
  }
  return rows.length
}

export async function completeSetUp(db: Db, userId: string, values: { passwordHash?: string; totpSecret: string; totpStep: number; recoveryCodes: string[] }): Promise<void> {
  await db
    .updateTable('staff_users')
    .set({
      ...(values.passwordHash ? { password_hash: values.passwordHash } : {}),
      totp_secret: values.totpSecret,
      totp_last_step: values.totpStep,
      failed_attempts: 0,
      locked_until: null,
      updated_at: new Date(),
    })
    .where('id', '=', userId)
    .execute()
  await db.deleteFrom('staff_recovery_codes').where('user_id', '=', userId).execute()
  await db
    .insertInto('staff_recovery_codes')
    .values(values.recoveryCodes.map((c) => ({ user_id: userId, code_hash: sha256(c), used_at: null })))
    .execute()
}

export async function resetTwoFactor(db: Db, userId: string): Promise<void> {
  await db.updateTable('staff_users').set({ totp_secret: null, totp_last_step: null, updated_at: new Date() }).where('id', '=', userId).execute()
  await db.deleteFrom('staff_recovery_codes').where('user_id', '=', userId).execute()
}

export async function setPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('staff_users').set({ password_hash: passwordHash, failed_attempts: 0, locked_until: null, updated_at: new Date() }).where('id', '=', userId).execute()
}

/** Uses a recovery code once; false if it is wrong or already used. */
export async function useRecoveryCode(db: Db, userId: string, code: string): Promise<boolean> {
  const r = await db
    .updateTable('staff_recovery_codes')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', sha256(code))
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function unusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const r = await db.selectFrom('staff_recovery_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow()
  return Number(r.n)
}

// --- links ---------------------------------------------------------------------

export const SET_UP_LINK_MS = 72 * 60 * 60 * 1000
export const RESET_LINK_MS = 60 * 60 * 1000

/** Makes a single-use link token; any earlier unused link of the same purpose stops working. */
export async function createLink(db: Db, userId: string, purpose: 'set-up' | 'password-reset'): Promise<{ token: string; expiresAt: Date }> {
  const token = newLinkToken()
  const expiresAt = new Date(Date.now() + (purpose === 'set-up' ? SET_UP_LINK_MS : RESET_LINK_MS))
  await db.updateTable('staff_links').set({ used_at: new Date() }).where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute()
  await db.insertInto('staff_links').values({ token_hash: sha256(token), user_id: userId, purpose, expires_at: expiresAt, used_at: null }).execute()
  return { token, expiresAt }
}

/** How many links of a kind a person has been sent lately: password reset emails are limited, so the form cannot be used to flood an inbox. */
export async function recentLinks(db: Db, userId: string, purpose: 'set-up' | 'password-reset', withinMs: number): Promise<number> {
  const r = await db
    .selectFrom('staff_links')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('created_at', '>', new Date(Date.now() - withinMs))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** The person a link is for, if it is unused and in date. */
export async function findLink(db: Db, token: string, purpose: 'set-up' | 'password-reset'): Promise<{ userId: string; tokenHash: string } | undefined> {
  const r = await db
    .selectFrom('staff_links')
    .select(['user_id', 'token_hash'])
    .where('token_hash', '=', sha256(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst()
  return r && { userId: r.user_id, tokenHash: r.token_hash }
}

/** Marks a link used; false if someone used it first. */
export async function useLink(db: Db, tokenHash: string): Promise<boolean> {
  const r = await db.updateTable('staff_links').set({ used_at: new Date() }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

// --- sessions --------------------------------------------------------------------

/** Ends every session a person has: sign out everywhere, deactivation, password or two-factor reset. */
export async function endSessionsOf(db: Db, userId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where(sql<boolean>`data->'staff'->>'userId' = ${userId}`).executeTakeFirst()
  return Number(r.numDeletedRows)
}

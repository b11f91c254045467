/**
 * Staff accounts, sign-in, roles and scopes. See docs/staff-access.md.
 *
 * A staff route declares who may use it, or the app does not start:
 *
 *   import { requireRole } from '../../platform/staff/index.js'
 *   app.get<{ Params: { prison: string } }>('/staff/prison-visits/:prison', {
 *     config: { staff: requireRole('visits-staff', { prison: (r) => r.params.prison }) },
 *   }, handler)
 */
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.js'
import type { Database } from '../db/index.js'
import { registerStaffGuard, type StaffTimeouts } from './guard.js'
import { registerSignIn } from './routes/sign-in.js'
import { registerSso } from './routes/sso.js'
import { registerSetUp } from './routes/set-up.js'
import { registerUsers } from './routes/users.js'
import { createUser, countUsers, createLink, findUserByEmail, replaceGrants, sealStoredTotpSecrets, staffDb, userGrants } from './repository.js'
import { TotpSecretBox } from './two-factor.js'
import { audit } from '../audit/index.js'
import { registerAuditViewer } from '../audit/routes.js'

export {
  requireRole,
  staffPublic,
  signedInStaff,
  defineStaffRoles,
  staffRoles,
  scopeCondition,
  grantsAllow,
  PLATFORM_ROLES,
  type Grant,
  type Scope,
  type Place,
  type PlaceKind,
  type StaffRole,
  type StaffAccessRule,
} from './access.js'
export type { StaffContext } from './guard.js'
export { staffMigrations } from './migrations.js'
export { messageTypes } from './messages.js'
export type { StaffTables } from './schema.js'
export { staffPage, staffContext, type StaffIdentity } from './pages/layout.js'
export { identityOf } from './describe.js'

export const DEFAULT_TIMEOUTS: StaffTimeouts = { idleMs: 30 * 60 * 1000, absoluteMs: 12 * 60 * 60 * 1000 }

/** Registers the guard (before any other staff route) and the staff side's own pages. */
export function registerStaff(app: FastifyInstance, options: { config: Config; database: Database; timeouts?: Partial<StaffTimeouts> }): void {
  const db = options.database.db
  const timeouts = { ...DEFAULT_TIMEOUTS, idleMs: options.config.staffIdleTimeoutMinutes * 60 * 1000, ...options.timeouts }
  registerStaffGuard(app, db, timeouts)
  const secrets = new TotpSecretBox(options.config.sessionSecret)
  registerSignIn(app, db, timeouts, { sso: Boolean(options.config.staffSso), secrets })
  if (options.config.staffSso) registerSso(app, db, timeouts, { ...options.config.staffSso, baseUrl: options.config.baseUrl, production: options.config.production })
  registerSetUp(app, db, { baseUrl: options.config.baseUrl, secrets })
  // Secrets stored before they were sealed are sealed now, once, by whichever process starts first.
  app.addHook('onReady', async () => {
    const sealed = await sealStoredTotpSecrets(staffDb(db), (secret) => secrets.seal(secret))
    if (sealed > 0) app.log.info(`Sealed ${sealed} staff TOTP secrets stored before sealing`)
  })
  registerUsers(app, db, { baseUrl: options.config.baseUrl })
  registerAuditViewer(app, db)
}

/**
 * A platform admin with a single-use set-up link, for the first account
 * (`justice staff create-admin`). There is no default password: whoever has
 * the link chooses one and connects an authenticator app.
 */
export async function createAdmin(database: Database, baseUrl: string, email: string, name = 'Platform admin'): Promise<{ link: string; created: boolean }> {
  return database.db.transaction().execute(async (trx) => {
    const sdb = staffDb(trx)
    let user = await findUserByEmail(sdb, email)
    const created = !user
    user ??= await createUser(sdb, { email, name })
    const grants = await userGrants(sdb, user.id)
    if (!grants.some((g) => g.role === 'platform-admin' && g.scope.kind === 'all')) {
      await replaceGrants(sdb, user.id, [...grants, { role: 'platform-admin', scope: { kind: 'all' } }])
    }
    const { token } = await createLink(sdb, user.id, 'set-up')
    await audit(trx, { actorEmail: 'justice staff create-admin', requestId: 'cli' }, { action: 'staff.user.create-admin', recordType: 'staff-user', recordId: user.id, after: { email: user.email, role: 'platform-admin' } })
    return { link: `${baseUrl}/staff/set-up/${token}`, created }
  })
}

/** In development, the first start prints a set-up link for a local admin, so nobody needs a default password. */
export async function firstAdminLink(database: Database, config: Config): Promise<string | undefined> {
  if (config.env !== 'development') return undefined
  if ((await countUsers(staffDb(database.db))) > 0) return undefined
  return (await createAdmin(database, config.baseUrl, 'admin@localhost.test', 'Local admin')).link
}

/** `justice staff create-admin --email x [--name y]` */
export async function runStaffCommand(args: string[], database: Database, config: Config, out: (line: string) => void): Promise<number> {
  const [sub, ...rest] = args
  const flag = (name: string) => {
    const i = rest.indexOf(`--${name}`)
    return i >= 0 ? rest[i + 1] : undefined
  }
  const email = flag('email')
  if (sub !== 'create-admin' || !email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
    out('Usage: justice staff create-admin --email name@justice.gov.uk [--name "Full name"]')
    return 1
  }
  const { link, created } = await createAdmin(database, config.baseUrl, email, flag('name') ?? 'Platform admin')
  out(`${created ? 'Created' : 'Found'} ${email.toLowerCase()} as a platform admin.`)
  out(`Set-up link (works once, for 3 days): ${link}`)
  return 0
}

/** Signing in (password, then TOTP or a recovery code), signing out, and signing out everywhere. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { PlatformTables } from '../../db/schema.js'
import { csrfToken, ensureSession, loadSessionData, rotateSession, saveSessionData } from '../../http/session.js'
import { pageContext } from '../../http/pages.js'
import { audit } from '../../audit/index.js'
import { safeReturnTo, signedInStaff, staffPublic } from '../access.js'
import { makeContext, type StaffSessionState, type StaffTimeouts } from '../guard.js'
import { staffText } from '../locales/index.js'
import { messagePage, recoveryCodePage, signInPage, signOutPage, twoFactorPage } from '../pages/sign-in.js'
import { verifyPassword } from '../passwords.js'
import {
  claimTotpStep,
  clearAccountFailures,
  endSessionsOf,
  findUser,
  findUserByEmail,
  ipFailures,
  isLocked,
  recordAccountFailure,
  recordIpFailure,
  staffDb,
  unusedRecoveryCodes,
  useRecoveryCode,
  type StaffUser,
} from '../repository.js'
import { normaliseRecoveryCode, totpStep, type TotpSecretBox } from '../two-factor.js'

/** Failed attempts from one IP address in 15 minutes before it must wait (a whole office may share one). */
export const IP_FAILURE_LIMIT = 50
/** How long the second step may take after the password. */
const PENDING_MS = 5 * 60 * 1000

interface PendingSignIn {
  userId: string
  at: number
  returnTo?: string
}

const credentials = z.object({ email: z.string().trim().max(320).catch(''), password: z.string().max(1000).catch(''), returnTo: z.string().optional().catch(undefined) })
const codeForm = z.object({ code: z.string().max(100).catch('') })

export function registerSignIn(app: FastifyInstance, db: Kysely<PlatformTables>, timeouts: StaffTimeouts, options: { sso: boolean; secrets: TotpSecretBox }): void {
  const sdb = staffDb(db)
  const pub = { config: { staff: staffPublic() } }

  app.get<{ Querystring: { returnTo?: string } }>('/staff/sign-in', pub, async (request, reply) => {
    if (request.staff) return reply.redirect(safeReturnTo(request.query.returnTo) ?? '/staff', 303)
    const data = await loadSessionData(db, request.sessionId)
    const ended = data.staffEnded as 'timeout' | 'ended' | undefined
    // Each notice is shown once.
    if (ended || data.staffExpired) await saveSessionData(db, request.sessionId!, { ...data, staffEnded: undefined, staffExpired: undefined })
    const notice = ended === 'timeout' ? 'timedOut' : ended === 'ended' ? 'ended' : data.staffExpired ? 'expired' : undefined
    return reply.page(signInPage(pageContext(request), { csrf: csrfToken(request, reply), email: '', returnTo: safeReturnTo(request.query.returnTo), notice, sso: options.sso }))
  })

  app.post('/staff/sign-in', pub, async (request, reply) => {
    const t = staffText(request.lang).signIn
    const form = credentials.parse(request.body ?? {})
    const returnTo = safeReturnTo(form.returnTo)
    const again = (errors: { field: string; text: string }[], status = 200) =>
      reply.page(signInPage(pageContext(request), { csrf: csrfToken(request, reply), email: form.email, returnTo, errors, sso: options.sso }), status)

    const missing = [
      ...(form.email ? [] : [{ field: 'email', text: t.missingEmail }]),
      ...(form.password ? [] : [{ field: 'password', text: t.missingPassword }]),
    ]
    if (missing.length > 0) return again(missing)
    if ((await ipFailures(sdb, request.ip)) >= IP_FAILURE_LIMIT) return again([{ field: 'email', text: t.tooMany }], 429)

    const user = await findUserByEmail(sdb, form.email)
    // The hash is checked even when there is no account or it is locked, so timing does not tell which.
    const passwordOk = await verifyPassword(user?.passwordHash, form.password)
    const usable = user && user.status === 'active' && user.totpSecret && !isLocked(user)
    if (!usable || !passwordOk) {
      await db.transaction().execute(async (trx) => {
        const tdb = staffDb(trx)
        if (user && !isLocked(user)) await recordAccountFailure(tdb, user.id)
        await recordIpFailure(tdb, request.ip)
        await audit(trx, request, { action: 'staff.sign-in.failed', recordType: 'staff-user', recordId: user?.id, after: { email: form.email.toLowerCase(), stage: 'password', locked: user ? isLocked(user) : undefined } })
      })
      // One message whatever went wrong, so it never reveals whether an email has an account.
      return again([{ field: 'email', text: t.wrong }])
    }
    const data = await loadSessionData(db, request.sessionId)
    const pending: PendingSignIn = { userId: user.id, at: Date.now(), returnTo }
    const id = ensureSession(request, reply)
    await saveSessionData(db, id, { ...data, staffPending: pending, staffExpired: undefined })
    return reply.redirect('/staff/sign-in/two-factor', 303)
  })

  /** The person between the password and the second step, if they are still within time. */
  async function pendingUser(request: FastifyRequest): Promise<{ user: StaffUser; pending: PendingSignIn; data: Record<string, unknown> } | undefined> {
    const data = await loadSessionData(db, request.sessionId)
    const pending = data.staffPending as PendingSignIn | undefined
    if (!pending || Date.now() - pending.at > PENDING_MS) return undefined
    const user = await findUser(sdb, pending.userId)
    if (!user || user.status !== 'active' || !user.totpSecret || isLocked(user)) return undefined
    return { user, pending, data }
  }

  async function startAgain(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    if (request.sessionId) {
      const data = await loadSessionData(db, request.sessionId)
      if (data.staffPending) await saveSessionData(db, request.sessionId, { ...data, staffPending: undefined, staffExpired: true })
    }
    return reply.redirect('/staff/sign-in', 303)
  }

  async function secondStepFailed(request: FastifyRequest, user: StaffUser, stage: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await recordAccountFailure(staffDb(trx), user.id)
      await recordIpFailure(staffDb(trx), request.ip)
      await audit(trx, request, { action: 'staff.sign-in.failed', recordType: 'staff-user', recordId: user.id, after: { email: user.email, stage } })
    })
  }

  app.get('/staff/sign-in/two-factor', pub, async (request, reply) => {
    if (!(await pendingUser(request))) return startAgain(request, reply)
    return reply.page(twoFactorPage(pageContext(request), { csrf: csrfToken(request, reply) }))
  })

  app.post('/staff/sign-in/two-factor', pub, async (request, reply) => {
    const t = staffText(request.lang).twoFactor
    const found = await pendingUser(request)
    if (!found) return startAgain(request, reply)
    const { code } = codeForm.parse(request.body ?? {})
    if (!code.trim()) return reply.page(twoFactorPage(pageContext(request), { csrf: csrfToken(request, reply), errors: [{ field: 'code', text: t.missing }] }))
    const secret = options.secrets.open(found.user.totpSecret!)
    const step = secret === undefined ? undefined : totpStep(secret, code)
    // claimTotpStep refuses a step already used: a code seen over someone's shoulder cannot be replayed.
    if (step === undefined || !(await claimTotpStep(sdb, found.user.id, step))) {
      await secondStepFailed(request, found.user, 'two-factor')
      return reply.page(twoFactorPage(pageContext(request), { csrf: csrfToken(request, reply), errors: [{ field: 'code', text: t.wrong }] }))
    }
    return completeSignIn(db, timeouts, request, reply, found.user, found.data, found.pending.returnTo, 'totp')
  })

  app.get('/staff/sign-in/recovery-code', pub, async (request, reply) => {
    if (!(await pendingUser(request))) return startAgain(request, reply)
    return reply.page(recoveryCodePage(pageContext(request), { csrf: csrfToken(request, reply) }))
  })

  app.post('/staff/sign-in/recovery-code', pub, async (request, reply) => {
    const t = staffText(request.lang).recovery
    const found = await pendingUser(request)
    if (!found) return startAgain(request, reply)
    const { code } = codeForm.parse(request.body ?? {})
    if (!code.trim()) return reply.page(recoveryCodePage(pageContext(request), { csrf: csrfToken(request, reply), errors: [{ field: 'code', text: t.missing }] }))
    if (!(await useRecoveryCode(sdb, found.user.id, normaliseRecoveryCode(code)))) {
      await secondStepFailed(request, found.user, 'recovery-code')
      return reply.page(recoveryCodePage(pageContext(request), { csrf: csrfToken(request, reply), errors: [{ field: 'code', text: t.wrong }] }))
    }
    request.log.info({ remaining: await unusedRecoveryCodes(sdb, found.user.id) }, 'recovery code used')
    return completeSignIn(db, timeouts, request, reply, found.user, found.data, found.pending.returnTo, 'recovery-code')
  })

  // Signing out is a POST (from a button) so another site cannot sign people out; the GET asks for it.
  app.get('/staff/sign-out', { config: { staff: signedInStaff() } }, (request, reply) =>
    reply.page(signOutPage(pageContext(request), { csrf: csrfToken(request, reply) })),
  )

  app.post('/staff/sign-out', { config: { staff: staffPublic() } }, async (request, reply) => {
    if (request.staff) {
      await audit(db, request, { action: 'staff.sign-out', recordType: 'staff-user', recordId: request.staff.user.id })
      await db.deleteFrom('sessions').where('id', '=', request.sessionId!).execute()
      await rotateSession(db, request, reply)
    }
    return reply.redirect('/staff/signed-out', 303)
  })

  app.post('/staff/sign-out-everywhere', { config: { staff: signedInStaff() } }, async (request, reply) => {
    const staff = request.staff!
    await db.transaction().execute(async (trx) => {
      const ended = await endSessionsOf(staffDb(trx), staff.user.id)
      await audit(trx, request, { action: 'staff.sign-out-everywhere', recordType: 'staff-user', recordId: staff.user.id, after: { sessionsEnded: ended } })
    })
    await rotateSession(db, request, reply)
    return reply.redirect('/staff/signed-out?everywhere=yes', 303)
  })

  app.get<{ Querystring: { everywhere?: string } }>('/staff/signed-out', pub, (request, reply) => {
    const t = staffText(request.lang).signedOut
    return reply.page(messagePage(pageContext(request), { title: request.query.everywhere === 'yes' ? t.everywhere : t.title, paragraphs: [], link: { href: '/staff/sign-in', text: t.again } }))
  })
}

/** The end of every way of signing in: a new session id, the staff state in the session row, an audit event. */
export async function completeSignIn(
  db: Kysely<PlatformTables>,
  timeouts: StaffTimeouts,
  request: FastifyRequest,
  reply: FastifyReply,
  user: StaffUser,
  data: Record<string, unknown>,
  returnTo: string | undefined,
  method: 'totp' | 'recovery-code' | 'sso',
): Promise<FastifyReply> {
  await clearAccountFailures(staffDb(db), user.id)
  // A new session id at sign-in: an id planted before it (session fixation) is now worthless.
  const id = await rotateSession(db, request, reply)
  const now = Date.now()
  const state: StaffSessionState = { userId: user.id, signedInAt: now, lastSeenAt: now }
  await saveSessionData(db, id, { ...data, staffPending: undefined, staffExpired: undefined, staffEnded: undefined, staffSso: undefined, staff: state }, timeouts.absoluteMs)
  request.staff = makeContext({ id: user.id, email: user.email, name: user.name }, [])
  await audit(db, request, { action: 'staff.sign-in', recordType: 'staff-user', recordId: user.id, after: { method } })
  return reply.redirect(safeReturnTo(returnTo) ?? '/staff', 303)
}

/** Setting up an account from a link (password and authenticator app), and resetting a password. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { PlatformTables } from '../../db/schema.js'
import { csrfToken, ensureSession, loadSessionData, saveSessionData } from '../../http/session.js'
import { pageContext } from '../../http/pages.js'
import { audit } from '../../audit/index.js'
import { sendMessage } from '../../notify/index.js'
import { formatDate, formatTime, type Language } from '../../i18n/index.js'
import { staffPublic } from '../access.js'
import { staffText } from '../locales/index.js'
import type { FieldError } from '../pages/layout.js'
import { messagePage } from '../pages/sign-in.js'
import { newPasswordPage, recoveryCodesPage, resetRequestPage, setUpPage } from '../pages/set-up.js'
import { hashPassword, passwordProblem } from '../passwords.js'
import { RESET_LINK_MS, claimTotpStep, completeSetUp, createLink, endSessionsOf, findLink, findUser, findUserByEmail, ipFailures, isLocked, recentLinks, recordAccountFailure, recordIpFailure, setPassword, staffDb, useLink, type StaffDb } from '../repository.js'
import { IP_FAILURE_LIMIT } from './sign-in.js'
import { enrolmentQrCode, formatSecret, newRecoveryCodes, newTotpSecret, sha256, totpStep, type TotpSecretBox } from '../two-factor.js'

const setUpForm = z.object({ password: z.string().max(1000).catch(''), confirm: z.string().max(1000).catch(''), code: z.string().max(100).catch('') })
const EMAIL = z.email()
/** Password reset emails a person can be sent in an hour; more requests get the same answer and no email. */
const RESETS_PER_HOUR = 3

/** When a link stops working, as the email says it. */
export function linkExpiry(expiresAt: Date, lang: Language): string {
  return `${formatTime(expiresAt, lang)} ${lang === 'cy' ? 'ar' : 'on'} ${formatDate(expiresAt, lang)}`
}

/** Creates a set-up link and emails it, in the caller's transaction. Returns the link. */
export async function sendSetUpLink(trx: StaffDb, baseUrl: string, user: { id: string; email: string; name: string }, lang: Language): Promise<string> {
  const { token, expiresAt } = await createLink(trx, user.id, 'set-up')
  const link = `${baseUrl}/staff/set-up/${token}`
  await sendMessage(trx, {
    type: 'staff-set-up-link',
    to: { email: user.email },
    lang,
    personalisation: { name: user.name, link, expires: linkExpiry(expiresAt, lang) },
    idempotencyKey: `staff-set-up:${sha256(token).slice(0, 32)}`,
  })
  return link
}

function passwordError(lang: Language, problem: ReturnType<typeof passwordProblem>): FieldError | undefined {
  if (!problem) return undefined
  return { field: problem === 'mismatch' ? 'confirm' : 'password', text: staffText(lang).passwordErrors[problem] }
}

export function registerSetUp(app: FastifyInstance, db: Kysely<PlatformTables>, options: { baseUrl: string; secrets: TotpSecretBox }): void {
  const sdb = staffDb(db)
  const pub = { config: { staff: staffPublic() } }

  function invalidLink(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const t = staffText(request.lang).setUp
    return reply.page(messagePage(pageContext(request), { title: t.invalidTitle, paragraphs: [t.invalidBody] }), 404)
  }

  /** The TOTP secret offered for this link, kept server-side in the session so the form can be shown again. */
  async function offeredSecret(request: FastifyRequest, reply: FastifyReply, tokenHash: string, fresh: boolean): Promise<string | undefined> {
    const id = ensureSession(request, reply)
    const data = await loadSessionData(db, id)
    const offered = data.staffSetUp as { tokenHash: string; secret: string } | undefined
    const kept = offered?.tokenHash === tokenHash ? options.secrets.open(offered.secret) : undefined
    if (kept !== undefined || !fresh) return kept
    const secret = newTotpSecret()
    await saveSessionData(db, id, { ...data, staffSetUp: { tokenHash, secret: options.secrets.seal(secret) } })
    return secret
  }

  async function showSetUp(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply, user: { email: string; name: string; passwordHash: string | null }, secret: string, errors?: FieldError[]) {
    return reply.page(
      setUpPage(pageContext(request), {
        csrf: csrfToken(request, reply),
        action: `/staff/set-up/${request.params.token}`,
        name: user.name,
        choosePassword: !user.passwordHash,
        qrCode: await enrolmentQrCode(secret, user.email),
        manualKey: formatSecret(secret),
        errors,
      }),
    )
  }

  app.get<{ Params: { token: string } }>('/staff/set-up/:token', pub, async (request, reply) => {
    const link = await findLink(sdb, request.params.token, 'set-up')
    const user = link && (await findUser(sdb, link.userId))
    if (!link || !user || user.status !== 'active') return invalidLink(request, reply)
    const secret = (await offeredSecret(request, reply, link.tokenHash, true))!
    return showSetUp(request, reply, user, secret)
  })

  app.post<{ Params: { token: string } }>('/staff/set-up/:token', pub, async (request, reply) => {
    const link = await findLink(sdb, request.params.token, 'set-up')
    const user = link && (await findUser(sdb, link.userId))
    if (!link || !user || user.status !== 'active') return invalidLink(request, reply)
    const secret = await offeredSecret(request, reply, link.tokenHash, false)
    if (!secret) return reply.redirect(`/staff/set-up/${request.params.token}`, 303)
    const t = staffText(request.lang)
    const form = setUpForm.parse(request.body ?? {})
    const errors: FieldError[] = []
    const choosePassword = !user.passwordHash
    if (choosePassword) {
      const e = passwordError(request.lang, passwordProblem(form.password, form.confirm, user.email))
      if (e) errors.push(e)
    }
    const step = totpStep(secret, form.code)
    if (step === undefined) errors.push({ field: 'code', text: form.code.trim() ? t.twoFactor.wrong : t.twoFactor.missing })
    if (errors.length > 0) return showSetUp(request, reply, user, secret, errors)

    const passwordHash = choosePassword ? await hashPassword(form.password) : undefined
    const codes = newRecoveryCodes()
    const done = await db.transaction().execute(async (trx) => {
      const tdb = staffDb(trx)
      if (!(await useLink(tdb, link.tokenHash))) return false
      await completeSetUp(tdb, user.id, { passwordHash, totpSecret: options.secrets.seal(secret), totpStep: step!, recoveryCodes: codes })
      await endSessionsOf(tdb, user.id)
      await audit(trx, request, { action: 'staff.account.set-up', recordType: 'staff-user', recordId: user.id, after: { password: choosePassword ? 'set' : 'unchanged', twoFactor: 'enrolled', recoveryCodes: codes.length } })
      return true
    })
    if (!done) return invalidLink(request, reply)
    const data = await loadSessionData(db, request.sessionId)
    await saveSessionData(db, request.sessionId!, { ...data, staffSetUp: undefined })
    return reply.page(recoveryCodesPage(pageContext(request), codes))
  })

  app.get('/staff/password-reset', pub, (request, reply) => reply.page(resetRequestPage(pageContext(request), { csrf: csrfToken(request, reply), email: '' })))

  app.post('/staff/password-reset', pub, async (request, reply) => {
    const t = staffText(request.lang).reset
    const email = z.object({ email: z.string().trim().max(320).catch('') }).parse(request.body ?? {}).email
    const problem = !email ? t.missingEmail : EMAIL.safeParse(email).success ? undefined : t.invalidEmail
    if (problem) return reply.page(resetRequestPage(pageContext(request), { csrf: csrfToken(request, reply), email, errors: [{ field: 'email', text: problem }] }))
    const user = await findUserByEmail(sdb, email)
    if (user && user.status === 'active' && user.passwordHash && user.totpSecret && (await recentLinks(sdb, user.id, 'password-reset', RESET_LINK_MS)) < RESETS_PER_HOUR) {
      await db.transaction().execute(async (trx) => {
        const tdb = staffDb(trx)
        const { token, expiresAt } = await createLink(tdb, user.id, 'password-reset')
        await sendMessage(trx, {
          type: 'staff-password-reset',
          to: { email: user.email },
          lang: request.lang,
          personalisation: { link: `${options.baseUrl}/staff/password-reset/${token}`, expires: linkExpiry(expiresAt, request.lang) },
          idempotencyKey: `staff-password-reset:${sha256(token).slice(0, 32)}`,
        })
        await audit(trx, request, { action: 'staff.password-reset.requested', recordType: 'staff-user', recordId: user.id })
      })
    }
    // The same answer whether or not there is an account.
    return reply.page(messagePage(pageContext(request), { title: t.sentTitle, paragraphs: [t.sent] }))
  })

  app.get<{ Params: { token: string } }>('/staff/password-reset/:token', pub, async (request, reply) => {
    if (!(await findLink(sdb, request.params.token, 'password-reset'))) return invalidLink(request, reply)
    return reply.page(newPasswordPage(pageContext(request), { csrf: csrfToken(request, reply), action: `/staff/password-reset/${request.params.token}` }))
  })

  app.post<{ Params: { token: string } }>('/staff/password-reset/:token', pub, async (request, reply) => {
    const link = await findLink(sdb, request.params.token, 'password-reset')
    const user = link && (await findUser(sdb, link.userId))
    if (!link || !user || user.status !== 'active' || !user.totpSecret) return invalidLink(request, reply)
    const t = staffText(request.lang)
    const form = setUpForm.parse(request.body ?? {})
    const errors: FieldError[] = []
    // The code on this page is a second factor like the one at sign-in, so the
    // same lockout and per-address limit apply: otherwise the link's hour would
    // be enough to guess it.
    if (isLocked(user) || (await ipFailures(sdb, request.ip)) >= IP_FAILURE_LIMIT) {
      errors.push({ field: 'code', text: t.signIn.tooMany })
      return reply.page(newPasswordPage(pageContext(request), { csrf: csrfToken(request, reply), action: `/staff/password-reset/${request.params.token}`, errors }), 429)
    }
    const e = passwordError(request.lang, passwordProblem(form.password, form.confirm, user.email))
    if (e) errors.push(e)
    // A reset link alone is not enough: whoever reads the email must also have the authenticator app.
    const secret = options.secrets.open(user.totpSecret)
    const step = secret === undefined ? undefined : totpStep(secret, form.code)
    if (step === undefined || (errors.length === 0 && !(await claimTotpStep(sdb, user.id, step)))) {
      errors.push({ field: 'code', text: form.code.trim() ? t.twoFactor.wrong : t.twoFactor.missing })
      if (form.code.trim()) {
        await db.transaction().execute(async (trx) => {
          await recordAccountFailure(staffDb(trx), user.id)
          await recordIpFailure(staffDb(trx), request.ip)
          await audit(trx, request, { action: 'staff.password-reset.failed', recordType: 'staff-user', recordId: user.id, after: { stage: 'two-factor' } })
        })
      }
    }
    if (errors.length > 0) return reply.page(newPasswordPage(pageContext(request), { csrf: csrfToken(request, reply), action: `/staff/password-reset/${request.params.token}`, errors }))
    const passwordHash = await hashPassword(form.password)
    const done = await db.transaction().execute(async (trx) => {
      const tdb = staffDb(trx)
      if (!(await useLink(tdb, link.tokenHash))) return false
      await setPassword(tdb, user.id, passwordHash)
      await endSessionsOf(tdb, user.id)
      await audit(trx, request, { action: 'staff.password-reset', recordType: 'staff-user', recordId: user.id, after: { password: 'changed' } })
      return true
    })
    if (!done) return invalidLink(request, reply)
    return reply.page(messagePage(pageContext(request), { title: t.reset.doneTitle, paragraphs: [t.reset.done], link: { href: '/staff/sign-in', text: t.signedOut.again } }))
  })
}

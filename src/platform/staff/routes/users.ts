/** Staff home, and managing users (platform admins). Every change is audited. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { PlatformTables } from '../../db/schema.js'
import { csrfToken, loadSessionData, saveSessionData } from '../../http/session.js'
import { pageContext } from '../../http/pages.js'
import { notFound } from '../../http/errors.js'
import { audit } from '../../audit/index.js'
import { requireRole, signedInStaff, staffRoles, staffRole, type Grant, type Scope } from '../access.js'
import { describeScope, identityOf, roleName } from '../describe.js'
import { staffText } from '../locales/index.js'
import { staffHomePage } from '../pages/home.js'
import type { FieldError } from '../pages/layout.js'
import { grantsPage, invitePage, userPage, usersPage, type UserSummary } from '../pages/users.js'
import { createUser, endSessionsOf, findUser, findUserByEmail, isLocked, listUsers, replaceGrants, resetTwoFactor, setStatus, staffDb, unusedRecoveryCodes, userGrants, type StaffUser } from '../repository.js'
import { sendSetUpLink } from './set-up.js'

const admin = { config: { staff: requireRole('platform-admin') } }
const inviteForm = z.object({ name: z.string().trim().max(200).catch(''), email: z.string().trim().max(320).catch('') })
const grantForm = z.object({ role: z.string().max(100).catch(''), scope: z.string().max(20).catch(''), values: z.string().max(2000).catch('') })
const UUID = /^[0-9a-f-]{36}$/

function summary(user: StaffUser, grants: readonly Grant[], lang: 'en' | 'cy'): UserSummary {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    status: user.status === 'deactivated' ? 'deactivated' : user.passwordHash && user.totpSecret ? 'active' : 'not-set-up',
    roles: [...new Set(grants.map((g) => roleName(g.role, lang)))],
  }
}

/** A grant's record for the audit trail. */
function grantRecord(grants: readonly Grant[]): { role: string; scope: string; values?: string[] }[] {
  return grants.map((g) => ({ role: g.role, scope: g.scope.kind, ...(g.scope.kind === 'all' ? {} : { values: g.scope.values }) }))
}

export function registerUsers(app: FastifyInstance, db: Kysely<PlatformTables>, options: { baseUrl: string }): void {
  const sdb = staffDb(db)

  /** A one-off message for the next page (after a redirect), kept in the session row. */
  async function flash(request: FastifyRequest, text?: string): Promise<string | undefined> {
    const data = await loadSessionData(db, request.sessionId)
    if (text !== undefined) {
      await saveSessionData(db, request.sessionId!, { ...data, staffNotice: text })
      return undefined
    }
    if (typeof data.staffNotice !== 'string') return undefined
    await saveSessionData(db, request.sessionId!, { ...data, staffNotice: undefined })
    return data.staffNotice
  }

  app.get('/staff', { config: { staff: signedInStaff() } }, (request, reply) => {
    const staff = request.staff!
    const lang = request.lang
    const work = staff.grants.map((g) => {
      const role = staffRole(g.role)
      return { role: roleName(g.role, lang), scope: describeScope(g.scope, lang), link: role?.home && { href: role.home.url, text: role.home.name[lang] } }
    })
    return reply.page(staffHomePage(pageContext(request), { identity: identityOf(staff, lang), csrf: csrfToken(request, reply), work }))
  })

  app.get('/staff/users', admin, async (request, reply) => {
    const users = await listUsers(sdb)
    // The list shows names and email addresses: a view of personal data.
    await audit(db, request, { action: 'staff.user.list', recordType: 'staff-user', after: { shown: users.length } })
    return reply.page(usersPage(pageContext(request), { identity: identityOf(request.staff!, request.lang), users: users.map((u) => summary(u, u.grants, request.lang)), notice: await flash(request) }))
  })

  app.get('/staff/users/invite', admin, (request, reply) =>
    reply.page(invitePage(pageContext(request), { identity: identityOf(request.staff!, request.lang), csrf: csrfToken(request, reply), name: '', email: '' })),
  )

  app.post('/staff/users/invite', admin, async (request, reply) => {
    const t = staffText(request.lang).users
    const form = inviteForm.parse(request.body ?? {})
    const errors: FieldError[] = []
    if (!form.name) errors.push({ field: 'name', text: t.missingName })
    if (!form.email) errors.push({ field: 'email', text: t.missingEmail })
    else if (!z.email().safeParse(form.email).success) errors.push({ field: 'email', text: t.invalidEmail })
    else if (await findUserByEmail(sdb, form.email)) errors.push({ field: 'email', text: t.exists })
    if (errors.length > 0) {
      return reply.page(invitePage(pageContext(request), { identity: identityOf(request.staff!, request.lang), csrf: csrfToken(request, reply), ...form, errors }))
    }
    const user = await db.transaction().execute(async (trx) => {
      const created = await createUser(staffDb(trx), form)
      await sendSetUpLink(staffDb(trx), options.baseUrl, created, request.lang)
      await audit(trx, request, { action: 'staff.user.invite', recordType: 'staff-user', recordId: created.id, after: { email: created.email, name: created.name } })
      return created
    })
    await flash(request, t.invited(user.email))
    return reply.redirect(`/staff/users/${user.id}/grants`, 303)
  })

  async function loadUser(id: string): Promise<StaffUser> {
    const user = UUID.test(id) ? await findUser(sdb, id) : undefined
    if (!user) throw notFound()
    return user
  }

  app.get<{ Params: { id: string } }>('/staff/users/:id', admin, async (request, reply) => {
    const user = await loadUser(request.params.id)
    const grants = await userGrants(sdb, user.id)
    // Viewing someone's account is a view of their personal data.
    await audit(db, request, { action: 'staff.user.view', recordType: 'staff-user', recordId: user.id })
    const lang = request.lang
    return reply.page(
      userPage(pageContext(request), {
        identity: identityOf(request.staff!, lang),
        csrf: csrfToken(request, reply),
        user: { ...summary(user, grants, lang), recoveryCodesLeft: await unusedRecoveryCodes(sdb, user.id), locked: isLocked(user) },
        grants: grants.map((g) => ({ role: roleName(g.role, lang), scope: describeScope(g.scope, lang) })),
        isSelf: user.id === request.staff!.user.id,
        notice: await flash(request),
      }),
    )
  })

  async function showGrants(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, user: StaffUser, form = { role: '', scope: '', values: '' }, errors?: FieldError[]) {
    const lang = request.lang
    const grants = await userGrants(sdb, user.id)
    return reply.page(
      grantsPage(pageContext(request), {
        identity: identityOf(request.staff!, lang),
        csrf: csrfToken(request, reply),
        userId: user.id,
        name: user.name,
        grants: grants.map((g, index) => ({ index, role: roleName(g.role, lang), scope: describeScope(g.scope, lang) })),
        roles: staffRoles().map((r) => ({ id: r.id, name: r.name[lang] })),
        form,
        errors,
      }),
    )
  }

  app.get<{ Params: { id: string } }>('/staff/users/:id/grants', admin, async (request, reply) => showGrants(request, reply, await loadUser(request.params.id)))

  app.post<{ Params: { id: string } }>('/staff/users/:id/grants', admin, async (request, reply) => {
    const t = staffText(request.lang).grants
    const user = await loadUser(request.params.id)
    const form = grantForm.parse(request.body ?? {})
    const errors: FieldError[] = []
    if (!staffRole(form.role)) errors.push({ field: 'role', text: t.missingRole })
    const kinds = ['all', 'region', 'courts', 'prisons'] as const
    const kind = kinds.find((k) => k === form.scope)
    if (!kind) errors.push({ field: 'scope', text: t.missingScope })
    const values = [...new Set(form.values.split(',').map((v) => v.trim()).filter(Boolean))]
    if (kind && kind !== 'all' && values.length === 0) errors.push({ field: 'values', text: t.missingValues })
    if (errors.length > 0 || !kind) return showGrants(request, reply, user, form, errors)
    // Prisons are known by their codes (BWI), courts by their slugs (cardiff-civil-court); regions as typed.
    const normalise = (v: string) => (kind === 'prisons' ? v.toUpperCase() : kind === 'courts' ? v.toLowerCase() : v)
    const scope: Scope = kind === 'all' ? { kind } : { kind, values: values.map(normalise) }
    await db.transaction().execute(async (trx) => {
      const before = await userGrants(staffDb(trx), user.id)
      const after = [...before, { role: form.role, scope }]
      await replaceGrants(staffDb(trx), user.id, after)
      await audit(trx, request, { action: 'staff.user.grants.change', recordType: 'staff-user', recordId: user.id, before: grantRecord(before), after: grantRecord(after) })
    })
    return reply.redirect(`/staff/users/${user.id}/grants`, 303)
  })

  app.post<{ Params: { id: string } }>('/staff/users/:id/grants/remove', admin, async (request, reply) => {
    const user = await loadUser(request.params.id)
    const index = Number((request.body as { index?: string } | undefined)?.index)
    await db.transaction().execute(async (trx) => {
      const before = await userGrants(staffDb(trx), user.id)
      if (!Number.isInteger(index) || index < 0 || index >= before.length) return
      const after = before.filter((_, i) => i !== index)
      await replaceGrants(staffDb(trx), user.id, after)
      await audit(trx, request, { action: 'staff.user.grants.change', recordType: 'staff-user', recordId: user.id, before: grantRecord(before), after: grantRecord(after) })
    })
    return reply.redirect(`/staff/users/${user.id}/grants`, 303)
  })

  app.post<{ Params: { id: string } }>('/staff/users/:id/deactivate', admin, async (request, reply) => {
    const user = await loadUser(request.params.id)
    if (user.id === request.staff!.user.id) {
      await flash(request, staffText(request.lang).users.cannotSelf)
      return reply.redirect(`/staff/users/${user.id}`, 303)
    }
    await db.transaction().execute(async (trx) => {
      await setStatus(staffDb(trx), user.id, 'deactivated')
      await endSessionsOf(staffDb(trx), user.id)
      await audit(trx, request, { action: 'staff.user.deactivate', recordType: 'staff-user', recordId: user.id, before: { status: user.status }, after: { status: 'deactivated' } })
    })
    await flash(request, staffText(request.lang).users.deactivatedDone)
    return reply.redirect(`/staff/users/${user.id}`, 303)
  })

  app.post<{ Params: { id: string } }>('/staff/users/:id/reactivate', admin, async (request, reply) => {
    const user = await loadUser(request.params.id)
    await db.transaction().execute(async (trx) => {
      await setStatus(staffDb(trx), user.id, 'active')
      await audit(trx, request, { action: 'staff.user.reactivate', recordType: 'staff-user', recordId: user.id, before: { status: user.status }, after: { status: 'active' } })
    })
    await flash(request, staffText(request.lang).users.reactivated)
    return reply.redirect(`/staff/users/${user.id}`, 303)
  })

  app.post<{ Params: { id: string } }>('/staff/users/:id/reset-two-factor', admin, async (request, reply) => {
    const user = await loadUser(request.params.id)
    await db.transaction().execute(async (trx) => {
      await resetTwoFactor(staffDb(trx), user.id)
      await endSessionsOf(staffDb(trx), user.id)
      await sendSetUpLink(staffDb(trx), options.baseUrl, user, request.lang)
      await audit(trx, request, { action: 'staff.user.two-factor.reset', recordType: 'staff-user', recordId: user.id, after: { twoFactor: 'reset' } })
    })
    await flash(request, staffText(request.lang).users.twoFactorReset)
    return reply.redirect(`/staff/users/${user.id}`, 303)
  })
}

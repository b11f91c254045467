/**
 * Who is signed in, checked on every staff request: the session row says who,
 * the database says whether they are still active and what they may do. The
 * cookie only carries the session id.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { RawBuilder } from 'kysely'
import { loadSessionData, saveSessionData } from '../http/session.js'
import { notFound, forbidden } from '../http/errors.js'
import type { PlatformTables } from '../db/schema.js'
import type { Kysely } from 'kysely'
import { grantsAllow, needsRegion, safeReturnTo, scopeCondition, selectedPlace, type Grant, type Place, type PlaceKind, type StaffAccessRule } from './access.js'
import { activeUserWithGrants, staffDb } from './repository.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may use a route under /staff. Required there: see requireRole. */
    staff?: StaffAccessRule
  }
  interface FastifyRequest {
    /** The signed-in staff member on staff routes; undefined when nobody is signed in. */
    staff: StaffContext | undefined
  }
  interface FastifyInstance {
    staffAccess: StaffAccessRegistry
  }
}

export interface StaffContext {
  user: { id: string; email: string; name: string }
  grants: Grant[]
  /** Whether one of these roles is granted, anywhere or at this place. */
  can(role: string | readonly string[], place?: Place): boolean
  /** A where-clause keeping only the places these grants cover (see scopeCondition). */
  scope(role: string | readonly string[], columns: { kind: PlaceKind; code: string; region?: string }): RawBuilder<boolean>
}

/** What a staff sign-in keeps in the session row. */
export interface StaffSessionState {
  userId: string
  signedInAt: number
  lastSeenAt: number
}

export interface StaffTimeouts {
  idleMs: number
  absoluteMs: number
}

/** Shared by every plugin: services tell it how to find the region of their places. */
export class StaffAccessRegistry {
  readonly routes: { method: string; url: string; rule: StaffAccessRule | undefined }[] = []
  readonly #regionOf = new Map<PlaceKind, (code: string) => Promise<string | undefined>>()

  /** A service that owns courts or prisons says how to find one's region, so region grants cover it. */
  placeRegions(kind: PlaceKind, regionOf: (code: string) => Promise<string | undefined>): void {
    this.#regionOf.set(kind, regionOf)
  }

  async regionOf(kind: PlaceKind, code: string): Promise<string | undefined> {
    return this.#regionOf.get(kind)?.(code)
  }
}

// Saving the session on every request would turn each read into a write; a minute is precise enough for a 30-minute idle timeout.
const TOUCH_AFTER_MS = 60 * 1000

export function makeContext(user: StaffContext['user'], grants: Grant[]): StaffContext {
  return {
    user,
    grants,
    can: (role, place) => grantsAllow(grants, role, place),
    scope: (role, columns) => scopeCondition(grants, role, columns),
  }
}

/** Reads the staff member from the session, ending the sign-in if it has timed out or they were deactivated. */
export async function loadStaff(db: Kysely<PlatformTables>, request: FastifyRequest, timeouts: StaffTimeouts): Promise<void> {
  if (!request.sessionId) return
  const data = await loadSessionData(db, request.sessionId)
  const state = data.staff as StaffSessionState | undefined
  if (!state || typeof state.userId !== 'string') return
  const now = Date.now()
  const current = now - state.signedInAt < timeouts.absoluteMs && now - state.lastSeenAt < timeouts.idleMs
  const found = current ? await activeUserWithGrants(staffDb(db), state.userId) : undefined
  if (!found) {
    delete data.staff
    await saveSessionData(db, request.sessionId, { ...data, staffEnded: current ? 'ended' : 'timeout' })
    return
  }
  request.staff = makeContext({ id: found.user.id, email: found.user.email, name: found.user.name }, found.grants)
  if (now - state.lastSeenAt > TOUCH_AFTER_MS) {
    await saveSessionData(db, request.sessionId, { ...data, staff: { ...state, lastSeenAt: now } }, Math.max(1, timeouts.absoluteMs - (now - state.signedInAt)))
  }
}

export function signInUrl(request: FastifyRequest): string {
  const returnTo = request.method === 'GET' ? safeReturnTo(request.url) : undefined
  return returnTo && returnTo !== '/staff' ? `/staff/sign-in?returnTo=${encodeURIComponent(returnTo)}` : '/staff/sign-in'
}

export function registerStaffGuard(app: FastifyInstance, db: Kysely<PlatformTables>, timeouts: StaffTimeouts): void {
  const registry = new StaffAccessRegistry()
  app.decorate('staffAccess', registry)
  app.decorateRequest('staff', undefined)

  // onRequest, before the body is read or CSRF is checked, so an unauthenticated request goes to sign-in whatever it is.
  // Only staff routes carry it: a public page pays nothing for staff access.
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    const rule = request.routeOptions.config?.staff
    if (!rule) return
    reply.header('cache-control', 'no-store')
    await loadStaff(db, request, timeouts)
    if (rule.kind === 'public') return
    const staff = request.staff
    if (!staff) {
      await reply.redirect(signInUrl(request), 303)
      return reply
    }
    if (rule.kind === 'signed-in') return
    if (!staff.can(rule.roles)) throw forbidden()
    const selected = selectedPlace(rule, request)
    if (!selected) return
    // A place outside the person's scope is "not found", so its existence does not leak.
    if (!selected.code) throw notFound()
    const place: Place = { kind: selected.kind, code: selected.code }
    if (needsRegion(staff.grants, rule.roles)) place.region = await registry.regionOf(selected.kind, selected.code)
    if (!staff.can(rule.roles, place)) throw notFound()
  }

  // Deny by default: a staff route that does not say who may use it stops the app starting.
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path
    const methods = [route.method].flat()
    const isStaff = url === '/staff' || url.startsWith('/staff/')
    const rule = route.config?.staff
    for (const method of methods) registry.routes.push({ method, url, rule })
    if (isStaff && !rule) {
      throw new Error(`${methods.join(',')} ${url} is a staff route but declares no access: add config: { staff: requireRole(...) } (or staffPublic() / signedInStaff())`)
    }
    if (!isStaff && rule && rule.kind !== 'public') throw new Error(`${url} declares staff access but is not under /staff`)
    if (rule) route.onRequest = [...[route.onRequest ?? []].flat(), guard]
  })
}

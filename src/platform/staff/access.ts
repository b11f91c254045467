/**
 * Roles, scopes and what a staff route declares. Deny by default: every route
 * under /staff must say who may use it, or the app refuses to start.
 *
 *   app.get('/staff/prison-visits/:prison/requests', {
 *     config: { staff: requireRole('visits-staff', { prison: (request) => request.params.prison }) },
 *   }, handler)
 */
import type { FastifyRequest } from 'fastify'
import { sql, type RawBuilder } from 'kysely'
import type { Bilingual } from '../i18n/index.js'

/** What a grant covers. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'region'; values: string[] }
  | { kind: 'courts'; values: string[] }
  | { kind: 'prisons'; values: string[] }

export type ScopeKind = Scope['kind']

export interface Grant {
  role: string
  scope: Scope
}

export type PlaceKind = 'court' | 'prison'

/** A court or prison, by code; its region when known (so region grants can cover it). */
export interface Place {
  kind: PlaceKind
  code: string
  region?: string
}

export interface StaffRole {
  id: string
  name: Bilingual
  /** Where this role's work is, for the staff home page. */
  home?: { url: string; name: Bilingual }
}

/** The platform's roles. Services add their own with `defineStaffRoles`. */
export const PLATFORM_ROLES: StaffRole[] = [
  { id: 'platform-admin', name: { en: 'Platform admin', cy: 'Gweinyddwr y platfform' }, home: { url: '/staff/users', name: { en: 'Staff users', cy: 'Defnyddwyr staff' } } },
  { id: 'court-data-admin', name: { en: 'Court data admin', cy: 'Gweinyddwr data llysoedd' }, home: { url: '/staff/courts', name: { en: 'Court data', cy: 'Data llysoedd' } } },
  { id: 'visits-staff', name: { en: 'Visits staff', cy: 'Staff ymweliadau' }, home: { url: '/staff/prison-visits', name: { en: 'Prison visits', cy: 'Ymweliadau carchar' } } },
  { id: 'performance-analyst', name: { en: 'Performance analyst', cy: 'Dadansoddwr perfformiad' }, home: { url: '/staff/performance', name: { en: 'Service performance', cy: 'Perfformiad gwasanaethau' } } },
]

const roles = new Map<string, StaffRole>(PLATFORM_ROLES.map((r) => [r.id, r]))

/** Adds a service's roles (from its plugin). Ids are unique across the platform. */
export function defineStaffRoles(added: readonly StaffRole[]): void {
  for (const role of added) {
    const existing = roles.get(role.id)
    if (existing && existing !== role && JSON.stringify(existing) !== JSON.stringify(role)) throw new Error(`Staff role "${role.id}" is defined twice`)
    roles.set(role.id, role)
  }
}

export function staffRoles(): StaffRole[] {
  return [...roles.values()]
}

export function staffRole(id: string): StaffRole | undefined {
  return roles.get(id)
}

/** What a place selector sees of the request: its route params and query, as strings. */
export interface PlaceRequest {
  params: Readonly<Record<string, string | undefined>>
  query: Readonly<Record<string, string | string[] | undefined>>
}

/** Picks the place a request is about, usually from a route param: `{ prison: (r) => r.params.code }`. */
export type PlaceSelector = { court: (request: PlaceRequest) => string | undefined } | { prison: (request: PlaceRequest) => string | undefined }

/** What a route declares in `config.staff`. */
export type StaffAccessRule =
  /** Sign-in, set-up and password reset pages: no account needed. */
  | { kind: 'public' }
  /** Any active, signed-in staff member. */
  | { kind: 'signed-in' }
  /** Someone with one of these roles, scoped to the place when one is given. */
  | { kind: 'role'; roles: readonly string[]; place?: PlaceSelector }

export function requireRole(role: string | readonly string[], place?: PlaceSelector): StaffAccessRule {
  const list = typeof role === 'string' ? [role] : role
  if (list.length === 0) throw new Error('requireRole needs at least one role')
  return { kind: 'role', roles: list, place }
}

export const staffPublic = (): StaffAccessRule => ({ kind: 'public' })
export const signedInStaff = (): StaffAccessRule => ({ kind: 'signed-in' })

/** The place a rule's selector picks from this request, if any. */
export function selectedPlace(rule: StaffAccessRule, request: FastifyRequest): { kind: PlaceKind; code: string | undefined } | undefined {
  if (rule.kind !== 'role' || !rule.place) return undefined
  const view = { params: (request.params ?? {}) as PlaceRequest['params'], query: (request.query ?? {}) as PlaceRequest['query'] }
  if ('court' in rule.place) return { kind: 'court', code: rule.place.court(view) }
  return { kind: 'prison', code: rule.place.prison(view) }
}

function scopeCovers(scope: Scope, place: Place): boolean {
  switch (scope.kind) {
    case 'all':
      return true
    case 'region':
      return place.region !== undefined && scope.values.includes(place.region)
    case 'courts':
      return place.kind === 'court' && scope.values.includes(place.code)
    case 'prisons':
      return place.kind === 'prison' && scope.values.includes(place.code)
  }
}

/** Whether the grants give one of these roles, anywhere (no place) or at this place. */
export function grantsAllow(grants: readonly Grant[], roleIds: string | readonly string[], place?: Place): boolean {
  const wanted = typeof roleIds === 'string' ? [roleIds] : roleIds
  return grants.some((g) => wanted.includes(g.role) && (!place || scopeCovers(g.scope, place)))
}

/** True when some grant for these roles is by region, so the place's region must be looked up. */
export function needsRegion(grants: readonly Grant[], roleIds: readonly string[]): boolean {
  return grants.some((g) => roleIds.includes(g.role) && g.scope.kind === 'region')
}

/**
 * A where-clause that keeps only the rows these grants cover, so a record
 * fetched by id is checked in the query rather than after it:
 *
 *   db.selectFrom('prisons').where('code', '=', code)
 *     .where(scopeCondition(request.staff.grants, 'visits-staff', { kind: 'prison', code: 'prisons.code', region: 'prisons.region' }))
 *
 * Column names are from our own code, never from input.
 */
export function scopeCondition(
  grants: readonly Grant[],
  roleIds: string | readonly string[],
  columns: { kind: PlaceKind; code: string; region?: string },
): RawBuilder<boolean> {
  const wanted = typeof roleIds === 'string' ? [roleIds] : roleIds
  const relevant = grants.filter((g) => wanted.includes(g.role))
  if (relevant.some((g) => g.scope.kind === 'all')) return sql<boolean>`true`
  const codes = new Set<string>()
  const regions = new Set<string>()
  for (const g of relevant) {
    if (g.scope.kind === 'region') g.scope.values.forEach((v) => regions.add(v))
    else if ((g.scope.kind === 'courts' && columns.kind === 'court') || (g.scope.kind === 'prisons' && columns.kind === 'prison')) {
      g.scope.values.forEach((v) => codes.add(v))
    }
  }
  const parts: RawBuilder<boolean>[] = []
  if (codes.size > 0) parts.push(sql<boolean>`${sql.ref(columns.code)} in (${sql.join([...codes])})`)
  if (regions.size > 0 && columns.region) parts.push(sql<boolean>`${sql.ref(columns.region)} in (${sql.join([...regions])})`)
  if (parts.length === 0) return sql<boolean>`false`
  return sql<boolean>`(${sql.join(parts, sql` or `)})`
}

/** Only paths inside the staff side, so a sign-in link cannot send anyone elsewhere. */
export function safeReturnTo(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 500) return undefined
  if (!/^\/staff(?:[/?#]|$)/.test(value)) return undefined
  // `//host`, `/\host` and encoded forms are read by browsers as other origins.
  if (/[\\\s]|\/\/|%2f|%5c|%09|%0a|%0d/i.test(value)) return undefined
  if (value.startsWith('/staff/sign-in') || value.startsWith('/staff/sign-out')) return undefined
  return value
}

/**
 * The prisoner register: who is in which prison, and who may visit them.
 * An interface, so that a prison records system (NOMIS, DPS) can stand
 * behind it later; the implementation here is a database table filled by
 * `justice import prisoners` (or, in development, with synthetic prisoners).
 */
import type { Kysely } from 'kysely'
import type { IsoDate } from './rules/dates.js'
import type { PrisonerCategory } from './rules/allowance.js'
import { sameName } from './rules/visitors.js'
import type { PrisonVisitsTables } from './schema.js'

export interface Prisoner {
  number: string
  firstName: string
  lastName: string
  dateOfBirth: IsoDate
  prisonCode: string
  category: PrisonerCategory
  closedVisitsOnly: boolean
  visitsBanned: boolean
}

export interface ApprovedVisitor {
  id: number
  firstName: string
  lastName: string
  dateOfBirth: IsoDate | null
  bannedUntil: IsoDate | null
  closedVisitsOnly: boolean
}

export interface PrisonerIdentity {
  number: string
  firstName: string
  lastName: string
  dateOfBirth: IsoDate
  prisonCode: string
}

export interface PrisonerRegister {
  /** The prisoner, only when every detail matches; never says which did not. */
  match(identity: PrisonerIdentity): Promise<Prisoner | undefined>
  find(number: string): Promise<Prisoner | undefined>
  approvedVisitors(number: string): Promise<ApprovedVisitor[]>
}

type Db = Kysely<PrisonVisitsTables>

export function databasePrisonerRegister(db: Db): PrisonerRegister {
  return {
    async match(identity) {
      const p = await this.find(identity.number)
      if (!p) return undefined
      const matches =
        p.prisonCode === identity.prisonCode &&
        p.dateOfBirth === identity.dateOfBirth &&
        sameName(p.firstName, identity.firstName) &&
        sameName(p.lastName, identity.lastName)
      return matches ? p : undefined
    },
    async find(number) {
      const r = await db.selectFrom('prison_visits_prisoners').selectAll().where('number', '=', number).executeTakeFirst()
      return r && toPrisoner(r)
    },
    async approvedVisitors(number) {
      const rows = await db.selectFrom('prison_visits_approved_visitors').selectAll().where('prisoner_number', '=', number).orderBy('id').execute()
      return rows.map((r) => ({
        id: r.id,
        firstName: r.first_name,
        lastName: r.last_name,
        dateOfBirth: r.date_of_birth,
        bannedUntil: r.banned_until,
        closedVisitsOnly: r.closed_visits_only,
      }))
    },
  }
}

export function toPrisoner(r: {
  number: string
  first_name: string
  last_name: string
  date_of_birth: string
  prison_code: string
  category: PrisonerCategory
  closed_visits_only: boolean
  visits_banned: boolean
}): Prisoner {
  return {
    number: r.number,
    firstName: r.first_name,
    lastName: r.last_name,
    dateOfBirth: r.date_of_birth,
    prisonCode: r.prison_code,
    category: r.category,
    closedVisitsOnly: r.closed_visits_only,
    visitsBanned: r.visits_banned,
  }
}

/** The approved-list entry a visitor matches: same names, and same date of birth where the list has one. */
export function findOnList(list: readonly ApprovedVisitor[], visitor: { firstName: string; lastName: string; dateOfBirth: IsoDate }): ApprovedVisitor | undefined {
  return list.find(
    (a) => sameName(a.firstName, visitor.firstName) && sameName(a.lastName, visitor.lastName) && (a.dateOfBirth === null || a.dateOfBirth === visitor.dateOfBirth),
  )
}

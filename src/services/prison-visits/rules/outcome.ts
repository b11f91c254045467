/**
 * Booked at once, or a request for staff to decide. A visit is booked when
 * the held place is still there, the prisoner has allowance left, every
 * visitor is on the approved list (or the prison keeps none), and no
 * restriction applies. Without a place there is nothing to request: the
 * visitor chooses another time.
 */
import type { AllowanceCheck } from './allowance.js'
import type { IsoDate } from './dates.js'

export type RequestReason =
  | { kind: 'no-allowance'; nextDueOn: IsoDate }
  | { kind: 'visitor-not-on-list'; visitor: string }
  | { kind: 'visitor-banned'; visitor: string }
  | { kind: 'closed-visit' }
  | { kind: 'prisoner-restricted' }

export interface OutcomeFacts {
  placeHeld: boolean
  allowance: AllowanceCheck
  /** Visitors' names as given, with what the approved list says of each. */
  visitors: readonly { name: string; onList: boolean; bannedUntil: IsoDate | null; closedOnly: boolean }[]
  prisonKeepsList: boolean
  prisonerClosedOnly: boolean
  /** The prisoner may have no visits for now (PVB2's prisoner_banned). */
  prisonerVisitsBanned?: boolean
  visitDate: IsoDate
}

export type Outcome = { kind: 'booked' } | { kind: 'requested'; reasons: RequestReason[] } | { kind: 'unavailable' }

export function decideOutcome(f: OutcomeFacts): Outcome {
  if (!f.placeHeld) return { kind: 'unavailable' }
  const reasons: RequestReason[] = []
  if (!f.allowance.available) reasons.push({ kind: 'no-allowance', nextDueOn: f.allowance.nextDueOn })
  for (const v of f.visitors) {
    if (f.prisonKeepsList && !v.onList) reasons.push({ kind: 'visitor-not-on-list', visitor: v.name })
    if (v.bannedUntil && v.bannedUntil >= f.visitDate) reasons.push({ kind: 'visitor-banned', visitor: v.name })
  }
  if (f.prisonerClosedOnly || f.visitors.some((v) => v.closedOnly)) reasons.push({ kind: 'closed-visit' })
  if (f.prisonerVisitsBanned) reasons.push({ kind: 'prisoner-restricted' })
  return reasons.length === 0 ? { kind: 'booked' } : { kind: 'requested', reasons }
}

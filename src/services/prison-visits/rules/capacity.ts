/**
 * Capacity, counted in visits, not visitors (as visit-scheduler counts it).
 * A session has open places and closed places; a visit takes a closed place
 * when the prisoner or any visitor is restricted to closed visits.
 */
export type PlaceKind = 'open' | 'closed'

export function placeNeeded(prisonerClosedOnly: boolean, visitorsClosedOnly: readonly boolean[]): PlaceKind {
  return prisonerClosedOnly || visitorsClosedOnly.some(Boolean) ? 'closed' : 'open'
}

export interface SessionUse {
  openCapacity: number
  closedCapacity: number
  /** Visits requested or booked, plus unexpired holds, by kind. */
  openTaken: number
  closedTaken: number
}

export function placesLeft(use: SessionUse, kind: PlaceKind): number {
  return Math.max(0, kind === 'open' ? use.openCapacity - use.openTaken : use.closedCapacity - use.closedTaken)
}

export function hasPlace(use: SessionUse, kind: PlaceKind): boolean {
  return placesLeft(use, kind) > 0
}

/**
 * A visit's life (as visit-scheduler and PVB2 keep it): a request is decided
 * by staff or withdrawn by the visitor; a booking is cancelled or happens.
 */
export const VISIT_STATES = ['requested', 'booked', 'rejected', 'withdrawn', 'cancelled', 'completed'] as const
export type VisitState = (typeof VISIT_STATES)[number]

const TRANSITIONS: Record<VisitState, readonly VisitState[]> = {
  requested: ['booked', 'rejected', 'withdrawn'],
  booked: ['cancelled', 'completed'],
  rejected: [],
  withdrawn: [],
  cancelled: [],
  completed: [],
}

export function canTransition(from: VisitState, to: VisitState): boolean {
  return TRANSITIONS[from].includes(to)
}

export class InvalidTransition extends Error {
  constructor(
    readonly from: VisitState,
    readonly to: VisitState,
  ) {
    super(`a ${from} visit cannot become ${to}`)
  }
}

export function transition(from: VisitState, to: VisitState): VisitState {
  if (!canTransition(from, to)) throw new InvalidTransition(from, to)
  return to
}

/** A booked visit whose date has passed is completed; others keep their state. */
export function stateOn(state: VisitState, visitDate: string, today: string): VisitState {
  return state === 'booked' && visitDate < today ? 'completed' : state
}

/** The visitor may cancel a booked visit before its day, or withdraw a request any time before a decision. */
export function visitorCanCancel(state: VisitState, visitDate: string, today: string): 'cancelled' | 'withdrawn' | undefined {
  if (state === 'booked' && visitDate > today) return 'cancelled'
  if (state === 'requested') return 'withdrawn'
  return undefined
}

/** States that take a place in a session. */
export const PLACE_TAKING_STATES: readonly VisitState[] = ['requested', 'booked']

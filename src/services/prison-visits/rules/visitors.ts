/**
 * Who may visit together, and how a prisoner is identified. The limits are
 * PVB2's: at most 6 visitors, at most 3 of them adults, adulthood from the
 * prison's `adult_age`; the lead visitor who books must be 18 or over.
 */
import { ageOn, type IsoDate } from './dates.js'

export interface VisitorLimits {
  maxVisitors: number
  maxAdults: number
  adultAge: number
}

export const DEFAULT_VISITOR_LIMITS: VisitorLimits = { maxVisitors: 6, maxAdults: 3, adultAge: 18 }
export const LEAD_VISITOR_MIN_AGE = 18

export type VisitorProblem = 'lead-visitor-under-18' | 'too-many-visitors' | 'too-many-adults'

/** The first visitor is the lead visitor. Ages are taken on `on` (today, or the visit's date). */
export function visitorProblems(datesOfBirth: readonly IsoDate[], limits: VisitorLimits, on: IsoDate): VisitorProblem[] {
  const problems: VisitorProblem[] = []
  const lead = datesOfBirth[0]
  if (lead !== undefined && ageOn(lead, on) < LEAD_VISITOR_MIN_AGE) problems.push('lead-visitor-under-18')
  if (datesOfBirth.length > limits.maxVisitors) problems.push('too-many-visitors')
  if (datesOfBirth.filter((d) => ageOn(d, on) >= limits.adultAge).length > limits.maxAdults) problems.push('too-many-adults')
  return problems
}

export const PRISONER_NUMBER = /^[A-Z][0-9]{4}[A-Z]{2}$/

/** Uppercased and trimmed; undefined when it is not a prisoner number. */
export function normalisePrisonerNumber(value: string): string | undefined {
  const n = value.trim().toUpperCase()
  return PRISONER_NUMBER.test(n) ? n : undefined
}

/** Names compared as people type them: case, accents, spaces and hyphens ignored. */
export function sameName(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z]/g, '')
  return fold(a) === fold(b) && fold(a) !== ''
}

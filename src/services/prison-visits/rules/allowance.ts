/**
 * Visiting allowance (as hmpps-visit-allocation-api and PVB2 apply it).
 * A convicted prisoner earns visiting orders every 28 days (a number set per
 * prison, default 2); unused orders carry over up to a cap (default 26).
 * A remand prisoner may have a number of visits a week (default 3).
 * A booking uses one; cancelling or rejecting gives it back.
 */
import { addDays, daysBetween, startOfWeek, type IsoDate } from './dates.js'

export type PrisonerCategory = 'convicted' | 'remand'

export interface AllowanceRules {
  ordersPer28Days: number
  carryOverCap: number
  remandWeeklyLimit: number
}

export const DEFAULT_ALLOWANCE: AllowanceRules = { ordersPer28Days: 2, carryOverCap: 26, remandWeeklyLimit: 3 }
export const ALLOWANCE_PERIOD_DAYS = 28

export interface ConvictedAllowance {
  balance: number
  /** When the last orders were earned. */
  accruedOn: IsoDate
}

/** Adds the orders earned since `accruedOn`, up to the cap. */
export function accrue(allowance: ConvictedAllowance, today: IsoDate, rules: AllowanceRules): ConvictedAllowance {
  const periods = Math.floor(daysBetween(allowance.accruedOn, today) / ALLOWANCE_PERIOD_DAYS)
  if (periods <= 0) return allowance
  const earned = periods * rules.ordersPer28Days
  return {
    balance: Math.max(allowance.balance, Math.min(rules.carryOverCap, allowance.balance + earned)),
    accruedOn: addDays(allowance.accruedOn, periods * ALLOWANCE_PERIOD_DAYS),
  }
}

export type AllowanceCheck = { available: true } | { available: false; nextDueOn: IsoDate }

export function checkConvicted(allowance: ConvictedAllowance, today: IsoDate, rules: AllowanceRules): AllowanceCheck {
  const now = accrue(allowance, today, rules)
  if (now.balance > 0) return { available: true }
  return { available: false, nextDueOn: addDays(now.accruedOn, ALLOWANCE_PERIOD_DAYS) }
}

/** `visitsThatWeek`: the prisoner's requested or booked visits in the week of `visitDate`. */
export function checkRemand(visitsThatWeek: number, visitDate: IsoDate, rules: AllowanceRules): AllowanceCheck {
  if (visitsThatWeek < rules.remandWeeklyLimit) return { available: true }
  return { available: false, nextDueOn: addDays(startOfWeek(visitDate), 7) }
}

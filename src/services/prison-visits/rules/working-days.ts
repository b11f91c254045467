/**
 * Working days: a prison's notice period counts the days its staff work.
 * Weekends and England and Wales bank holidays are not working days, unless
 * the prison processes visits at weekends (PVB2's `weekend_processing`), in
 * which case weekends count but bank holidays still do not.
 */
import { addDays, dayOfWeek, type IsoDate } from './dates.js'

export interface WorkingCalendar {
  bankHolidays: ReadonlySet<IsoDate>
  worksWeekends: boolean
}

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar): boolean {
  if (calendar.bankHolidays.has(date)) return false
  return calendar.worksWeekends || dayOfWeek(date) <= 5
}

/** The date `n` working days after `from` (not counting `from` itself). */
export function addWorkingDays(from: IsoDate, n: number, calendar: WorkingCalendar): IsoDate {
  let date = from
  let counted = 0
  while (counted < n) {
    date = addDays(date, 1)
    if (isWorkingDay(date, calendar)) counted++
  }
  return date
}

/** Working days from `from` to `to`, counting `to` but not `from`. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingCalendar): number {
  let count = 0
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (isWorkingDay(date, calendar)) count++
  }
  return count
}

export interface BookingWindowRules {
  /** Working days' notice the prison needs; PVB2's default is 3. */
  leadDays: number
  /** Calendar days ahead that can be booked; PVB2's default is 28. */
  bookingWindowDays: number
}

export const DEFAULT_LEAD_DAYS = 3
export const DEFAULT_BOOKING_WINDOW_DAYS = 28

/**
 * The dates that can be booked today: from the day after the notice period
 * ends (so staff have all `leadDays` working days to prepare) to the end of
 * the booking window.
 */
export function bookableRange(today: IsoDate, rules: BookingWindowRules, calendar: WorkingCalendar): { from: IsoDate; to: IsoDate } {
  return { from: addDays(addWorkingDays(today, rules.leadDays, calendar), 1), to: addDays(today, rules.bookingWindowDays) }
}

/** A request waiting longer than this many working days is overdue (PVB2's promise to visitors). */
export const REQUEST_PROCESSING_WORKING_DAYS = 3

export function isRequestOverdue(requestedOn: IsoDate, today: IsoDate, calendar: WorkingCalendar): boolean {
  return workingDaysBetween(requestedOn, today, calendar) > REQUEST_PROCESSING_WORKING_DAYS
}

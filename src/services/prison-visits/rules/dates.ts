/**
 * Calendar dates as ISO strings (`2026-11-29`). Visits happen on a local date
 * at a local time, so we never turn them into instants: a date string cannot
 * drift across midnight when the clocks change.
 */
export type IsoDate = string

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === value
}

function toUtc(date: IsoDate): Date {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`)
  return new Date(`${date}T00:00:00Z`)
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000)
}

/** ISO day of week: 1 Monday ... 7 Sunday. */
export function dayOfWeek(date: IsoDate): number {
  const d = toUtc(date).getUTCDay()
  return d === 0 ? 7 : d
}

/** The Monday of the week holding the date. */
export function startOfWeek(date: IsoDate): IsoDate {
  return addDays(date, 1 - dayOfWeek(date))
}

/** Today's date in England and Wales. */
export function todayInLondon(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** Age in whole years on a date. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = on.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** `1400` or `14:00` -> `14:00`; undefined when not a time of day. */
export function normaliseTime(value: string): string | undefined {
  const m = /^([01]\d|2[0-3]):?([0-5]\d)$/.exec(value.trim())
  return m ? `${m[1]}:${m[2]}` : undefined
}

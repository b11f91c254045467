/**
 * The sessions a prison runs on a date, from its templates (weekly or
 * fortnightly, each valid from and to), less blocked dates and sessions, with
 * one-off sessions replacing the recurring ones on their date (PVB2's
 * "anomalous" days).
 */
import { addDays, dayOfWeek, daysBetween, type IsoDate } from './dates.js'

export interface SessionTemplate {
  id: number
  /** 1 Monday ... 7 Sunday. */
  dayOfWeek: number
  startTime: string
  endTime: string
  openCapacity: number
  closedCapacity: number
  validFrom: IsoDate | null
  validTo: IsoDate | null
  /** 1 weekly, 2 fortnightly (counted from validFrom). */
  frequencyWeeks: number
}

export interface OneOffSession {
  date: IsoDate
  startTime: string
  endTime: string
  openCapacity: number
  closedCapacity: number
}

export interface BlockedDate {
  date: IsoDate
  /** A single session by its start time, or the whole day when absent. */
  startTime?: string | null
}

export interface VisitSession {
  date: IsoDate
  startTime: string
  endTime: string
  openCapacity: number
  closedCapacity: number
  templateId: number | null
}

/** Fortnightly templates with no start date run in weeks counted from this Monday. */
const FORTNIGHT_ANCHOR = '2024-01-01'

export function templateRunsOn(template: SessionTemplate, date: IsoDate): boolean {
  if (dayOfWeek(date) !== template.dayOfWeek) return false
  if (template.validFrom && date < template.validFrom) return false
  if (template.validTo && date > template.validTo) return false
  if (template.frequencyWeeks > 1) {
    const weeks = Math.floor(daysBetween(template.validFrom ?? FORTNIGHT_ANCHOR, date) / 7)
    if (((weeks % template.frequencyWeeks) + template.frequencyWeeks) % template.frequencyWeeks !== 0) return false
  }
  return true
}

export function sessionsBetween(
  from: IsoDate,
  to: IsoDate,
  templates: readonly SessionTemplate[],
  oneOffs: readonly OneOffSession[],
  blocked: readonly BlockedDate[],
): VisitSession[] {
  const oneOffsByDate = new Map<IsoDate, OneOffSession[]>()
  for (const o of oneOffs) oneOffsByDate.set(o.date, [...(oneOffsByDate.get(o.date) ?? []), o])
  const blockedDays = new Set(blocked.filter((b) => !b.startTime).map((b) => b.date))
  const blockedSessions = new Set(blocked.filter((b) => b.startTime).map((b) => `${b.date} ${b.startTime}`))
  const sessions: VisitSession[] = []
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (blockedDays.has(date)) continue
    const replacements = oneOffsByDate.get(date)
    const day: VisitSession[] = replacements
      ? replacements.map((o) => ({ ...o, templateId: null }))
      : templates
          .filter((t) => templateRunsOn(t, date))
          .map((t) => ({
            date,
            startTime: t.startTime,
            endTime: t.endTime,
            openCapacity: t.openCapacity,
            closedCapacity: t.closedCapacity,
            templateId: t.id,
          }))
    for (const s of day.sort((a, b) => a.startTime.localeCompare(b.startTime))) {
      if (!blockedSessions.has(`${date} ${s.startTime}`)) sessions.push(s)
    }
  }
  return sessions
}

/**
 * The visits whose session no longer runs as they were booked into it: its
 * template was changed or removed, or its date or time was blocked; it now
 * ends before the visit was to end; or it now has no places of the visit's
 * kind, open or closed. (Fewer places than visits booked, but some, is a
 * question of capacity, which the day's page shows.) Staff must move or
 * cancel them; the visitor still expects to come.
 */
export function visitsWithoutSession<V extends { date: IsoDate; startTime: string; endTime: string; place: string }>(
  visits: readonly V[],
  sessions: readonly Pick<VisitSession, 'date' | 'startTime' | 'endTime' | 'openCapacity' | 'closedCapacity'>[],
): V[] {
  const running = new Map(sessions.map((s) => [`${s.date} ${s.startTime}`, s]))
  return visits.filter((v) => {
    const session = running.get(`${v.date} ${v.startTime}`)
    // Times are HH:MM, so they compare as text.
    return !session || session.endTime < v.endTime || (v.place === 'closed' ? session.closedCapacity : session.openCapacity) === 0
  })
}

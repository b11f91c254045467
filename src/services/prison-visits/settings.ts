/**
 * The service's own settings, from the environment (documented in
 * docs/prison-visits.md). They sit here rather than in the platform's config
 * because only this service reads them.
 */
import { z } from 'zod'

const schema = z.object({
  PRISON_VISITS_DEFAULT_OPEN_CAPACITY: z.coerce.number().int().min(0).max(1000).default(20),
  PRISON_VISITS_DEFAULT_CLOSED_CAPACITY: z.coerce.number().int().min(0).max(1000).default(2),
  PRISON_VISITS_HOLD_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  PRISON_VISITS_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  PRISON_VISITS_MANAGE_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  PRISON_VISITS_LOOKUPS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(30),
})

export interface PrisonVisitsSettings {
  /** Visits per session where the data gives no capacity (staff change it per template). */
  defaultOpenCapacity: number
  defaultClosedCapacity: number
  holdMinutes: number
  retentionMonths: number
  manageLinkDays: number
  /** Prisoner look-ups allowed from one IP address in 15 minutes (a visitors' centre shares one). */
  lookupsPerAddress: number
}

export function prisonVisitsSettings(env: NodeJS.ProcessEnv = process.env): PrisonVisitsSettings {
  const e = schema.parse(env)
  return {
    defaultOpenCapacity: e.PRISON_VISITS_DEFAULT_OPEN_CAPACITY,
    defaultClosedCapacity: e.PRISON_VISITS_DEFAULT_CLOSED_CAPACITY,
    holdMinutes: e.PRISON_VISITS_HOLD_MINUTES,
    retentionMonths: e.PRISON_VISITS_RETENTION_MONTHS,
    manageLinkDays: e.PRISON_VISITS_MANAGE_LINK_DAYS,
    lookupsPerAddress: e.PRISON_VISITS_LOOKUPS_PER_ADDRESS,
  }
}

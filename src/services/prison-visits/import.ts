/**
 * `justice import prisons <dir>`: prisons, their visiting sessions, blocked
 * dates and one-off days from PVB2's YAML seeds; fuller addresses from the
 * prison register where PVB2's are partial; real capacities from
 * visit-scheduler's templates where it has them, a configurable default
 * elsewhere; England and Wales bank holidays from ../calendar.
 * Idempotent, and a re-import leaves what staff changed alone.
 *
 * `justice import prisoners <csv>`: the prisoner register (see docs/prison-visits.md).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { sql, type Kysely } from 'kysely'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { withTables, type PlatformTables } from '../../platform/db/index.js'
import type { ImportLog, ImportSummary, ReferenceDataImporter } from '../../platform/reference-data/index.js'
import { isIsoDate, normaliseTime, todayInLondon } from './rules/dates.js'
import { normalisePrisonerNumber } from './rules/visitors.js'
import type { PrisonVisitsTables } from './schema.js'
import { prisonVisitsSettings } from './settings.js'
import { forgetPrisonList } from './repository.js'

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
const VS_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']

const sessionList = z.array(z.union([z.string(), z.number()]).transform(String)).nullish()
const pvb2Prison = z.object({
  name: z.string(),
  nomis_id: z.string().regex(/^[A-Z]{3}$/),
  enabled: z.boolean(),
  private: z.boolean().optional(),
  closed: z.boolean().optional(),
  address: z.string().nullish(),
  postcode: z.string().nullish(),
  email_address: z.string().nullish(),
  phone_no: z.union([z.string(), z.number()]).transform(String).nullish(),
  adult_age: z.number().int().nullish(),
  booking_window: z.number().int().nullish(),
  lead_days: z.number().int().nullish(),
  weekend_processing: z.boolean().nullish(),
  recurring: z.record(z.string(), sessionList).nullish(),
  unbookable: z.array(z.union([z.string(), z.date()])).nullish(),
  anomalous: z.record(z.string(), sessionList).nullish(),
  translations: z.object({ cy: z.object({ name: z.string().optional(), address: z.string().optional() }).partial() }).partial().nullish(),
})
type Pvb2Prison = z.infer<typeof pvb2Prison>

/** `1400-1600` -> ['14:00', '16:00']. */
export function parseSessionTimes(value: string): [string, string] | undefined {
  const [a, b] = value.split('-')
  const start = normaliseTime(a ?? '')
  const end = normaliseTime(b ?? '')
  return start && end && start < end ? [start, end] : undefined
}

function dateString(value: string | Date): string {
  return typeof value === 'string' ? value : value.toISOString().slice(0, 10)
}

/** The prison register's address rows: `('ACI', 'line 1', 'line 2', 'town', 'county', 'country', 'postcode')`. */
export function parseRegisterAddresses(sqlText: string): Map<string, { lines: string[]; postcode: string | null }> {
  const out = new Map<string, { lines: string[]; postcode: string | null }>()
  for (const m of sqlText.matchAll(/\(\s*'([A-Z]{3})'\s*,((?:\s*(?:'(?:[^']|'')*'|null)\s*,?){6})\)/g)) {
    const values = [...(m[2] ?? '').matchAll(/'((?:[^']|'')*)'|null/g)].map((v) => (v[1] === undefined ? null : v[1].replace(/''/g, "'")))
    const [line1, line2, town, county, , postcode] = values
    out.set(m[1]!, { lines: [line1, line2, town, county].filter((v): v is string => !!v), postcode: postcode ?? null })
  }
  return out
}

interface VsTemplate {
  day: number
  start: string
  end: string
  open: number
  closed: number
  validFrom: string
}

function readVisitScheduler(file: string): Map<string, VsTemplate[]> {
  const byPrison = new Map<string, VsTemplate[]>()
  if (!existsSync(file)) return byPrison
  const rows = parseCsv(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[]
  for (const r of rows) {
    if (r.active !== 'true' || r.visit_type !== 'SOCIAL') continue
    const day = VS_DAYS.indexOf(r.day_of_week ?? '') + 1
    const start = normaliseTime(r.start_time ?? '')
    const end = normaliseTime(r.end_time ?? '')
    const open = Number(r.open_capacity)
    const closed = Number(r.closed_capacity)
    if (!day || !start || !end || !Number.isInteger(open) || !Number.isInteger(closed)) continue
    const list = byPrison.get(r.prison_code ?? '') ?? []
    list.push({ day, start, end, open, closed, validFrom: r.valid_from_date ?? '' })
    byPrison.set(r.prison_code ?? '', list)
  }
  return byPrison
}

function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<string, { v: T; n: number }>()
  for (const v of values) {
    const k = JSON.stringify(v)
    counts.set(k, { v, n: (counts.get(k)?.n ?? 0) + 1 })
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.v
}

/** Capacity for a PVB2 session: visit-scheduler's for the same day and start, else its usual one at that prison, else the default. */
export function capacityFor(
  vs: readonly VsTemplate[] | undefined,
  day: number | undefined,
  start: string,
  fallback: { open: number; closed: number },
): { open: number; closed: number; source: 'visit-scheduler' | 'default' } {
  if (!vs || vs.length === 0) return { ...fallback, source: 'default' }
  const exact = vs.filter((t) => t.start === start && (day === undefined || t.day === day)).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0]
  const chosen = exact ?? mostCommon(vs.map((t) => ({ open: t.open, closed: t.closed })))!
  return { open: chosen.open, closed: chosen.closed, source: 'visit-scheduler' }
}

function cleanEmail(value: string | null | undefined): string | null {
  return value && /^[^@\s]+@[^@\s]+$/.test(value.trim()) ? value.trim() : null
}

export const prisonsImporter: ReferenceDataImporter = {
  kind: 'prisons',
  folder: 'prisons',
  marker: 'pvb2-seeds/estates.yml',
  async run(platformDb: Kysely<PlatformTables>, dir: string, log: ImportLog): Promise<ImportSummary> {
    const db = withTables<PrisonVisitsTables>(platformDb)
    const settings = prisonVisitsSettings()
    const fallback = { open: settings.defaultOpenCapacity, closed: settings.defaultClosedCapacity }
    const problems: string[] = []
    const seedsDir = join(dir, 'pvb2-seeds', 'prisons')
    const registerFile = join(dir, 'prison-register', 'V1_11__insert_prison_address.sql')
    const register = existsSync(registerFile) ? parseRegisterAddresses(readFileSync(registerFile, 'utf8')) : new Map()
    const vs = readVisitScheduler(join(dir, 'visit-scheduler-session-templates-mvp.csv'))

    // PVB2 splits a few prisons into two records with one code (Bullingdon convicted and remand):
    // the enabled record wins, and of two enabled records the first by file name.
    const byCode = new Map<string, { file: string; prison: Pvb2Prison }>()
    for (const file of readdirSync(seedsDir).filter((f) => f.endsWith('.yml')).sort()) {
      const parsed = pvb2Prison.safeParse(parseYaml(readFileSync(join(seedsDir, file), 'utf8')))
      if (!parsed.success) {
        problems.push(`${file}: skipped (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`)
        continue
      }
      const existing = byCode.get(parsed.data.nomis_id)
      if (existing) {
        const keepNew = parsed.data.enabled && !existing.prison.enabled
        problems.push(`${file}: same prison code as ${existing.file}; kept ${keepNew ? file : existing.file}`)
        if (!keepNew) continue
      }
      byCode.set(parsed.data.nomis_id, { file, prison: parsed.data })
    }

    const counts = { prisons: 0, 'bookable prisons': 0, 'session templates': 0, 'with visit-scheduler capacity': 0, 'blocked dates': 0, 'one-off sessions': 0, 'addresses from the prison register': 0, 'bank holidays': 0 }
    await db.transaction().execute(async (trx) => {
      const staffEdited = new Map(
        (await trx.selectFrom('prison_visits_prisons').select(['code', 'staff_edited']).execute()).map((r) => [r.code, new Set(r.staff_edited)]),
      )
      for (const [code, { file, prison: p }] of byCode) {
        let addressLines = (p.address ?? '').split('\n').map((l) => l.trim()).filter(Boolean)
        let postcode = p.postcode?.trim() || null
        const reg = register.get(code)
        if (reg && (addressLines.length < 2 || !postcode)) {
          addressLines = reg.lines
          postcode = postcode ?? reg.postcode
          counts['addresses from the prison register']++
        }
        const row = {
          code,
          name: p.name.trim(),
          name_cy: p.translations?.cy?.name ?? null,
          enabled: p.enabled && !p.closed,
          private: p.private ?? false,
          closed: p.closed ?? false,
          address: addressLines.join('\n') || null,
          address_cy: p.translations?.cy?.address ?? null,
          postcode,
          email: cleanEmail(p.email_address),
          phone: p.phone_no?.trim() || null,
          adult_age: p.adult_age ?? 18,
          lead_days: p.lead_days ?? 3,
          booking_window_days: p.booking_window ?? 28,
          works_weekends: p.weekend_processing ?? false,
          updated_at: new Date(),
        }
        const kept = staffEdited.get(code) ?? new Set<string>()
        const updates = Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'code' && !kept.has(k)))
        await trx
          .insertInto('prison_visits_prisons')
          .values(row)
          .onConflict((oc) => oc.column('code').doUpdateSet(updates))
          .execute()
        counts.prisons++
        if (row.enabled) counts['bookable prisons']++

        const keys: string[] = []
        const templateRows = []
        for (const [dayName, ranges] of Object.entries(p.recurring ?? {})) {
          const day = DAYS.indexOf(dayName as (typeof DAYS)[number]) + 1
          if (!day) {
            problems.push(`${file}: unknown day "${dayName}"`)
            continue
          }
          for (const range of ranges ?? []) {
            const times = parseSessionTimes(range)
            if (!times) {
              problems.push(`${file}: skipped session "${range}" on ${dayName}`)
              continue
            }
            const capacity = capacityFor(vs.get(code), day, times[0], fallback)
            if (capacity.source === 'visit-scheduler') counts['with visit-scheduler capacity']++
            const sourceKey = `pvb2:${dayName}:${times[0]}-${times[1]}`
            if (keys.includes(sourceKey)) continue
            keys.push(sourceKey)
            templateRows.push({
              prison_code: code, source_key: sourceKey, day_of_week: day, start_time: times[0], end_time: times[1],
              open_capacity: capacity.open, closed_capacity: capacity.closed, valid_from: null, valid_to: null, frequency_weeks: 1, room: null,
            })
          }
        }
        if (templateRows.length > 0) {
          await trx
            .insertInto('prison_visits_session_templates')
            .values(templateRows)
            .onConflict((oc) =>
              oc
                .columns(['prison_code', 'source_key'])
                .doUpdateSet({ open_capacity: sql.ref('excluded.open_capacity'), closed_capacity: sql.ref('excluded.closed_capacity') })
                .where('prison_visits_session_templates.staff_edited', '=', false),
            )
            .execute()
          counts['session templates'] += templateRows.length
        }
        // A session PVB2 no longer lists goes, unless staff have made it their own.
        let stale = trx.deleteFrom('prison_visits_session_templates').where('prison_code', '=', code).where('source_key', 'like', 'pvb2:%').where('staff_edited', '=', false).where('removed', '=', false)
        if (keys.length > 0) stale = stale.where('source_key', 'not in', keys)
        await stale.execute()

        const blocked = (p.unbookable ?? []).map(dateString).filter((d) => {
          if (isIsoDate(d)) return true
          problems.push(`${file}: skipped unbookable date "${d}"`)
          return false
        })
        if (blocked.length > 0) {
          await trx
            .insertInto('prison_visits_blocked_dates')
            .values(blocked.map((date) => ({ prison_code: code, date, start_time: '', reason: null, source: 'import' as const })))
            .onConflict((oc) => oc.columns(['prison_code', 'date', 'start_time']).doNothing())
            .execute()
          counts['blocked dates'] += blocked.length
        }
        const oneOffRows = []
        for (const [date, ranges] of Object.entries(p.anomalous ?? {})) {
          if (!isIsoDate(date)) {
            problems.push(`${file}: skipped anomalous date "${date}"`)
            continue
          }
          for (const range of ranges ?? []) {
            const times = parseSessionTimes(range)
            if (!times) {
              problems.push(`${file}: skipped one-off session "${range}" on ${date}`)
              continue
            }
            const capacity = capacityFor(vs.get(code), undefined, times[0], fallback)
            oneOffRows.push({ prison_code: code, date, start_time: times[0], end_time: times[1], open_capacity: capacity.open, closed_capacity: capacity.closed, source: 'import' as const })
          }
        }
        if (oneOffRows.length > 0) {
          await trx.insertInto('prison_visits_one_off_sessions').values(oneOffRows).onConflict((oc) => oc.columns(['prison_code', 'date', 'start_time']).doNothing()).execute()
          counts['one-off sessions'] += oneOffRows.length
        }
      }

      const holidaysFile = join(dir, '..', 'calendar', 'bank-holidays.json')
      if (existsSync(holidaysFile)) {
        const calendar = JSON.parse(readFileSync(holidaysFile, 'utf8')) as Record<string, { events?: { title: string; date: string }[] }>
        const events = (calendar['england-and-wales']?.events ?? []).filter((e) => isIsoDate(e.date))
        if (events.length > 0) {
          await trx
            .insertInto('prison_visits_bank_holidays')
            .values(events.map((e) => ({ date: e.date, title: e.title })))
            .onConflict((oc) => oc.column('date').doUpdateSet({ title: sql.ref('excluded.title') }))
            .execute()
        }
        counts['bank holidays'] = events.length
      } else {
        log.warn(`No bank holidays at ${holidaysFile}: notice periods will count bank holidays as working days.`)
      }
    })
    forgetPrisonList(db)
    return { counts, problems }
  },
}

const prisonerRow = z.object({
  number: z.string().transform((v, ctx) => normalisePrisonerNumber(v) ?? (ctx.addIssue({ code: 'custom', message: 'not a prisoner number' }), z.NEVER)),
  first_name: z.string().trim().min(1),
  last_name: z.string().trim().min(1),
  date_of_birth: z.string().refine(isIsoDate, 'not a date'),
  prison_code: z.string().regex(/^[A-Z]{3}$/),
  category: z.enum(['convicted', 'remand']),
  allowance_balance: z.coerce.number().int().min(0).default(2),
  closed_visits_only: z.enum(['true', 'false', '']).default('').transform((v) => v === 'true'),
  visits_banned: z.enum(['true', 'false', '']).default('').transform((v) => v === 'true'),
  approved_visitors: z.string().default(''),
})

/** `first|last|dob|banned_until|closed` entries separated by `;`. */
export function parseApprovedVisitors(value: string): { first_name: string; last_name: string; date_of_birth: string | null; banned_until: string | null; closed_visits_only: boolean }[] {
  return value
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((entry) => {
      const [first = '', last = '', dob = '', banned = '', closed = ''] = entry.split('|').map((s) => s.trim())
      if (!first || !last) throw new Error(`approved visitor "${entry}" needs a first and last name`)
      if ((dob && !isIsoDate(dob)) || (banned && !isIsoDate(banned))) throw new Error(`approved visitor "${entry}" has a date that is not YYYY-MM-DD`)
      return { first_name: first, last_name: last, date_of_birth: dob || null, banned_until: banned || null, closed_visits_only: closed === 'closed' }
    })
}

export const prisonersImporter: ReferenceDataImporter = {
  kind: 'prisoners',
  // The prisoner register has no public source: by default this finds no file and imports nothing.
  folder: 'prisons',
  marker: '',
  after: ['prisons'],
  async run(platformDb: Kysely<PlatformTables>, path: string, log: ImportLog): Promise<ImportSummary> {
    const db = withTables<PrisonVisitsTables>(platformDb)
    const file = statSync(path).isDirectory() ? join(path, 'prisoners.csv') : path
    if (!existsSync(file)) {
      log.info(`No prisoner register at ${file}; nothing imported.`)
      return { counts: { prisoners: 0 }, problems: [] }
    }
    const rows = parseCsv(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[]
    const problems: string[] = []
    let prisoners = 0
    let visitors = 0
    const today = todayInLondon()
    await db.transaction().execute(async (trx) => {
      for (const [i, raw] of rows.entries()) {
        const parsed = prisonerRow.safeParse(raw)
        let approved: ReturnType<typeof parseApprovedVisitors> = []
        try {
          approved = parseApprovedVisitors(raw.approved_visitors ?? '')
        } catch (error) {
          problems.push(`row ${i + 2}: skipped (${(error as Error).message})`)
          continue
        }
        if (!parsed.success) {
          problems.push(`row ${i + 2}: skipped (${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')})`)
          continue
        }
        const p = parsed.data
        const row = {
          number: p.number, first_name: p.first_name, last_name: p.last_name, date_of_birth: p.date_of_birth, prison_code: p.prison_code,
          category: p.category, closed_visits_only: p.closed_visits_only, visits_banned: p.visits_banned, synthetic: false,
        }
        // The balance is the prison's to run once imported: a re-import sets it only for a new prisoner.
        await trx
          .insertInto('prison_visits_prisoners')
          .values({ ...row, allowance_balance: p.allowance_balance, allowance_accrued_on: today })
          .onConflict((oc) => oc.column('number').doUpdateSet(row))
          .execute()
        await trx.deleteFrom('prison_visits_approved_visitors').where('prisoner_number', '=', p.number).execute()
        if (approved.length > 0) {
          await trx.insertInto('prison_visits_approved_visitors').values(approved.map((a) => ({ ...a, prisoner_number: p.number }))).execute()
        }
        prisoners++
        visitors += approved.length
      }
    })
    return { counts: { prisoners, 'approved visitors': visitors }, problems }
  },
}

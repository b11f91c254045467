/**
 * Staff edits to a court, section by section: each section's form is checked
 * here (pure, zod) and turns into the columns to save. The staff pages (which
 * need staff sign-in) call these; saving is saveCourtChanges, which keeps the
 * edit through a re-import and refuses a save made on a stale version.
 */
import { z } from 'zod'
import type { EditableColumn } from './repository.js'
import { parsePostcode } from './postcode.js'
import { sanitiseCourtHtml } from './sanitise.js'

export type FormValues = Record<string, string | string[] | undefined>

export type EditError =
  | 'required'
  | 'tooLong'
  | 'phone'
  | 'email'
  | 'code'
  | 'url'
  | 'unknownAreaOfLaw'
  | 'incompleteRow'
  | 'postcode'

export interface SectionError {
  /** The form field, as the error summary links to it: `hours-2`. */
  field: string
  error: EditError
}

export type SectionResult = { ok: true; changes: Partial<Record<EditableColumn, unknown>> } | { ok: false; errors: SectionError[] }

const one = (form: FormValues, name: string): string => {
  const v = form[name]
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim()
}

/** Rows of a repeating section, from fields named `${name}-${i}`; blank rows are dropped. */
function rows(form: FormValues, names: readonly string[], max = 50): Record<string, string>[] {
  const out: Record<string, string>[] = []
  for (let i = 0; i < max; i++) {
    const row = Object.fromEntries(names.map((n) => [n, one(form, `${n}-${i}`)]))
    if (names.some((n) => form[`${n}-${i}`] !== undefined)) out.push({ ...row, index: String(i) })
  }
  return out.filter((r) => names.some((n) => r[n]))
}

const PHONE = /^\+?[0-9][0-9 ()-]{5,28}[0-9]$/
const EMAIL = z.email()
const URL_OK = /^https:\/\/[^\s<>"]+$/

function check(errors: SectionError[], field: string, value: string, rule: { required?: boolean; max?: number }): void {
  if (rule.required && !value) errors.push({ field, error: 'required' })
  else if (rule.max !== undefined && value.length > rule.max) errors.push({ field, error: 'tooLong' })
}

export function generalSection(form: FormValues): SectionResult {
  const errors: SectionError[] = []
  const name = one(form, 'name')
  const nameCy = one(form, 'name_cy')
  const alert = one(form, 'alert')
  const directions = one(form, 'directions')
  check(errors, 'name', name, { required: true, max: 200 })
  check(errors, 'name_cy', nameCy, { max: 200 })
  // FaCT shows the alert in a banner: it must stay short.
  check(errors, 'alert', alert, { max: 250 })
  check(errors, 'directions', directions, { max: 1000 })
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, changes: { name, name_cy: nameCy, alert, directions, in_person: one(form, 'in_person') !== 'no' } }
}

export function openingTimesSection(form: FormValues): SectionResult {
  const errors: SectionError[] = []
  const found = rows(form, ['type', 'hours'])
  for (const r of found) {
    check(errors, `type-${r.index}`, r.type ?? '', { required: true, max: 100 })
    check(errors, `hours-${r.index}`, r.hours ?? '', { required: true, max: 200 })
  }
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, changes: { opening_times: found.map((r) => ({ type: r.type, hours: r.hours })) } }
}

export function contactsSection(form: FormValues): SectionResult {
  const errors: SectionError[] = []
  const found = rows(form, ['type', 'number', 'explanation', 'fax'])
  for (const r of found) {
    check(errors, `type-${r.index}`, r.type ?? '', { required: true, max: 100 })
    if (!r.number) errors.push({ field: `number-${r.index}`, error: 'required' })
    else if (!PHONE.test(r.number)) errors.push({ field: `number-${r.index}`, error: 'phone' })
    check(errors, `explanation-${r.index}`, r.explanation ?? '', { max: 250 })
  }
  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    changes: { contacts: found.map((r) => ({ type: r.type, number: (r.number ?? '').replace(/\s+/g, ' '), explanation: r.explanation ?? '', fax: r.fax === 'yes' })) },
  }
}

export function emailsSection(form: FormValues): SectionResult {
  const errors: SectionError[] = []
  const found = rows(form, ['type', 'address', 'explanation'])
  for (const r of found) {
    check(errors, `type-${r.index}`, r.type ?? '', { required: true, max: 100 })
    if (!r.address) errors.push({ field: `address-${r.index}`, error: 'required' })
    else if (!EMAIL.safeParse(r.address).success || r.address.length > 254) errors.push({ field: `address-${r.index}`, error: 'email' })
    check(errors, `explanation-${r.index}`, r.explanation ?? '', { max: 250 })
  }
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, changes: { emails: found.map((r) => ({ type: r.type, address: r.address, explanation: r.explanation ?? '' })) } }
}

export function facilitiesSection(form: FormValues): SectionResult {
  const errors: SectionError[] = []
  const found = rows(form, ['name', 'description'])
  for (const r of found) {
    check(errors, `name-${r.index}`, r.name ?? '', { required: true, max: 100 })
    check(errors, `description-${r.index}`, r.description ?? '', { required: true, max: 2000 })
  }
  if (errors.length > 0) return { ok: false, errors }
  // Staff HTML goes through the same allow-list as imported HTML, before it is stored.
  return { ok: true, changes: { facilities: found.map((r) => ({ name: r.name, description: sanitiseCourtHtml(r.description) })) } }
}

export function areasOfLawSection(form: FormValues, known: readonly string[]): SectionResult {
  const chosen = [form.areas_of_law ?? []].flat().map((a) => a.trim()).filter(Boolean)
  const unknown = chosen.filter((a) => !known.includes(a))
  if (unknown.length > 0) return { ok: false, errors: [{ field: 'areas_of_law', error: 'unknownAreaOfLaw' }] }
  return { ok: true, changes: { areas_of_law: [...new Set(chosen)].sort() } }
}

export function codesSection(form: FormValues): SectionResult {
  const errors: SectionError[] = []
  const codes: Record<string, number | string | null> = {}
  for (const k of ['crown', 'county', 'magistrates', 'family', 'tribunal'] as const) {
    const v = one(form, k)
    if (!v) codes[k] = null
    else if (!/^[0-9]{1,5}$/.test(v)) errors.push({ field: k, error: 'code' })
    else codes[k] = Number(v)
  }
  const gbs = one(form, 'gbs').toUpperCase()
  if (gbs && !/^[A-Z0-9]{1,10}$/.test(gbs)) errors.push({ field: 'gbs', error: 'code' })
  codes.gbs = gbs || null
  const dx = rows(form, ['dx', 'dx_explanation'])
  for (const r of dx) {
    check(errors, `dx-${r.index}`, r.dx ?? '', { required: true, max: 100 })
    check(errors, `dx_explanation-${r.index}`, r.dx_explanation ?? '', { max: 250 })
  }
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, changes: { codes, dx_codes: dx.map((r) => ({ code: r.dx, explanation: r.dx_explanation ?? '' })) } }
}

export function additionalLinksSection(form: FormValues): SectionResult {
  const errors: SectionError[] = []
  const found = rows(form, ['url', 'description'])
  for (const r of found) {
    if (!r.url) errors.push({ field: `url-${r.index}`, error: 'required' })
    else if (!URL_OK.test(r.url) || r.url.length > 500) errors.push({ field: `url-${r.index}`, error: 'url' })
    check(errors, `description-${r.index}`, r.description ?? '', { required: true, max: 200 })
  }
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, changes: { additional_links: found.map((r) => ({ url: r.url, description: r.description })) } }
}

export function addressesSection(form: FormValues): SectionResult {
  const errors: SectionError[] = []
  const found = rows(form, ['type', 'lines', 'town', 'address_county', 'postcode', 'lines_cy', 'town_cy'])
  const lines = (v: string | undefined) => (v ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
  for (const r of found) {
    check(errors, `type-${r.index}`, r.type ?? '', { required: true, max: 100 })
    check(errors, `lines-${r.index}`, r.lines ?? '', { required: true, max: 500 })
    check(errors, `town-${r.index}`, r.town ?? '', { required: true, max: 100 })
    check(errors, `address_county-${r.index}`, r.address_county ?? '', { max: 100 })
    const postcode = parsePostcode(r.postcode ?? '')
    if (!r.postcode) errors.push({ field: `postcode-${r.index}`, error: 'required' })
    else if (!postcode || postcode.kind !== 'full') errors.push({ field: `postcode-${r.index}`, error: 'postcode' })
    check(errors, `lines_cy-${r.index}`, r.lines_cy ?? '', { max: 500 })
    check(errors, `town_cy-${r.index}`, r.town_cy ?? '', { max: 100 })
  }
  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    changes: {
      addresses: found.map((r) => ({
        type: r.type,
        lines: lines(r.lines),
        town: r.town,
        county: r.address_county ?? '',
        postcode: parsePostcode(r.postcode ?? '')?.display ?? '',
        linesCy: lines(r.lines_cy),
        townCy: r.town_cy ?? '',
      })),
    },
  }
}

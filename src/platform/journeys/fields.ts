/**
 * Zod helpers for the questions services ask most, with GOV.UK-pattern error
 * messages in English and Welsh. Each takes the page's language (a page's
 * schema is a function of the language, so messages come out in the user's
 * language) and converts what was typed into what the service stores: trimmed
 * text, a `YYYY-MM-DD` date, `true`/`false` for yes/no, a normalised phone
 * number or postcode.
 *
 * A date's issues carry `params.parts`: which of day, month and year are
 * wrong, so the page highlights those inputs and the error summary links to
 * the first of them.
 */
import { z } from 'zod'
import type { Bilingual, Language } from '../i18n/index.js'
import { formatIsoDate } from '../i18n/index.js'
import { journeyText } from './text.js'

export type DatePart = 'day' | 'month' | 'year'
export const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year']

/** One error on a page, as the error summary and the inline message need it. */
export interface FieldError {
  /** The field's name; also its id (for a date, the id prefix). */
  field: string
  message: string
  /** For a date: the parts in error, in order. The summary links to the first. */
  parts?: DatePart[]
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The first value of a posted field as a string ('' when absent). */
export function firstValue(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0]
  return ''
}

export interface TextOptions<O extends boolean> {
  /** What the answer is, lower case, as it reads in "Enter …": `your full name`. */
  name: Bilingual
  /** Replaces "Enter <name>" when the field is empty. */
  required?: Bilingual
  /** Longest answer accepted, in characters (default 500). */
  max?: number
  /** An empty answer is accepted and stored as undefined. */
  optional?: O
}

type Out<O extends boolean, T> = O extends true ? T | undefined : T

function emptyOr<O extends boolean, T>(
  lang: Language,
  options: { name: Bilingual; required?: Bilingual; optional?: O },
  convert: (text: string, ctx: z.RefinementCtx) => T,
): z.ZodType<Out<O, T>> {
  const t = journeyText(lang).errors
  return z.unknown().transform((raw, ctx) => {
    const text = firstValue(raw).trim()
    if (text === '') {
      if (options.optional) return undefined as Out<O, T>
      ctx.addIssue({ code: 'custom', message: options.required?.[lang] ?? t.required(options.name[lang]) })
      return z.NEVER
    }
    return convert(text, ctx) as Out<O, T>
  }) as unknown as z.ZodType<Out<O, T>>
}

/** Free text, trimmed. */
export function text<O extends boolean = false>(lang: Language, options: TextOptions<O>): z.ZodType<Out<O, string>> {
  const t = journeyText(lang).errors
  const max = options.max ?? 500
  return emptyOr(lang, options, (value, ctx) => {
    if (value.length > max) {
      ctx.addIssue({ code: 'custom', message: t.tooLong(upperFirst(options.name[lang]), max) })
      return z.NEVER
    }
    return value
  })
}

/** A person's full name, as one field (GOV.UK recommends one field for names). */
export function fullName<O extends boolean = false>(lang: Language, options: Partial<TextOptions<O>> = {}): z.ZodType<Out<O, string>> {
  return text(lang, { name: { en: 'full name', cy: 'enw llawn' }, max: 100, ...options })
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/

/** An email address, trimmed. */
export function email<O extends boolean = false>(lang: Language, options: Partial<TextOptions<O>> = {}): z.ZodType<Out<O, string>> {
  const t = journeyText(lang).errors
  return emptyOr(lang, { name: { en: 'an email address', cy: 'cyfeiriad e-bost' }, ...options }, (value, ctx) => {
    if (value.length > 254 || !EMAIL.test(value)) {
      ctx.addIssue({ code: 'custom', message: t.email })
      return z.NEVER
    }
    return value
  })
}

/**
 * A UK telephone number, stored as digits starting 0: `+44 (0)7700 900 982`
 * becomes `07700900982`.
 */
export function normaliseUkPhone(value: string): string | undefined {
  let digits = value.replace(/[\s\-().]/g, '')
  if (digits.startsWith('+44')) digits = digits.slice(3)
  else if (digits.startsWith('0044')) digits = digits.slice(4)
  if (digits.startsWith('0')) digits = digits.slice(1)
  if (!/^[1-9]\d{8,9}$/.test(digits)) return undefined
  return '0' + digits
}

export function ukPhone<O extends boolean = false>(lang: Language, options: Partial<TextOptions<O>> = {}): z.ZodType<Out<O, string>> {
  const t = journeyText(lang).errors
  return emptyOr(lang, { name: { en: 'a telephone number', cy: 'rhif ffôn' }, ...options }, (value, ctx) => {
    const phone = normaliseUkPhone(value)
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: t.phone })
      return z.NEVER
    }
    return phone
  })
}

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/

/** A UK postcode, upper case with one space: `sw1a1aa` becomes `SW1A 1AA`. */
export function postcode<O extends boolean = false>(lang: Language, options: Partial<TextOptions<O>> = {}): z.ZodType<Out<O, string>> {
  const t = journeyText(lang).errors
  return emptyOr(lang, { name: { en: 'a postcode', cy: 'cod post' }, ...options }, (value, ctx) => {
    const match = POSTCODE.exec(value.toUpperCase().replace(/\s+/g, ' '))
    if (!match) {
      ctx.addIssue({ code: 'custom', message: t.postcode })
      return z.NEVER
    }
    return `${match[1]} ${match[2]}`
  })
}

/** A whole number within bounds. */
export function wholeNumber<O extends boolean = false>(
  lang: Language,
  options: TextOptions<O> & { min: number; max: number },
): z.ZodType<Out<O, number>> {
  const t = journeyText(lang).errors
  return emptyOr(lang, options, (value, ctx) => {
    const label = upperFirst(options.name[lang])
    if (!/^-?\d+$/.test(value.replace(/,/g, ''))) {
      ctx.addIssue({ code: 'custom', message: t.wholeNumber(label) })
      return z.NEVER
    }
    const n = Number(value.replace(/,/g, ''))
    if (n < options.min || n > options.max) {
      ctx.addIssue({ code: 'custom', message: t.between(label, options.min, options.max) })
      return z.NEVER
    }
    return n
  })
}

/** Yes or no radios (values `yes` and `no`), stored as a boolean. */
export function yesNo(lang: Language, options: { required: Bilingual }): z.ZodType<boolean> {
  return z.unknown().transform((raw, ctx) => {
    const value = firstValue(raw)
    if (value === 'yes') return true
    if (value === 'no') return false
    ctx.addIssue({ code: 'custom', message: options.required[lang] })
    return z.NEVER
  }) as unknown as z.ZodType<boolean>
}

/** One of a fixed set of values (radios, a select). `required` is the whole message: "Select …". */
export function oneOf<const V extends string>(lang: Language, values: readonly V[], options: { required: Bilingual }): z.ZodType<V> {
  return z.unknown().transform((raw, ctx) => {
    const value = firstValue(raw)
    if ((values as readonly string[]).includes(value)) return value as V
    ctx.addIssue({ code: 'custom', message: options.required[lang] })
    return z.NEVER
  }) as unknown as z.ZodType<V>
}

/** Any of a fixed set of values (checkboxes). With `required`, at least one. */
export function someOf<const V extends string>(lang: Language, values: readonly V[], options: { required?: Bilingual } = {}): z.ZodType<V[]> {
  return z.unknown().transform((raw, ctx) => {
    const given = (Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : [raw]).filter((v): v is V =>
      (values as readonly string[]).includes(v as string),
    )
    if (given.length === 0 && options.required) {
      ctx.addIssue({ code: 'custom', message: options.required[lang] })
      return z.NEVER
    }
    return [...new Set(given)]
  }) as unknown as z.ZodType<V[]>
}

/** Today's date in London as `YYYY-MM-DD`. */
export function todayInLondon(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function parseMonth(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text)
  const prefix = text.toLowerCase().slice(0, 3)
  const index = MONTH_NAMES.indexOf(prefix)
  return index >= 0 && text.length >= 3 ? index + 1 : undefined
}

export interface DateOptions {
  /** What the date is, lower case: `your date of birth`. */
  name: Bilingual
  /** Must be before today (date of birth). */
  past?: boolean
  /** Must be after today. */
  future?: boolean
  todayOrPast?: boolean
  todayOrFuture?: boolean
  /** Must be after this date (`YYYY-MM-DD`). */
  after?: string
  /** Must be before this date (`YYYY-MM-DD`). */
  before?: string
  /** Today, for tests; defaults to today in London. */
  today?: () => string
}

/** Day, month and year as posted: `name-day`, `name-month`, `name-year` gathered by `formSchema`. */
export interface DateParts {
  day?: unknown
  month?: unknown
  year?: unknown
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * A GOV.UK date input (day, month, year), stored as `YYYY-MM-DD`. Errors
 * follow the design system: "Enter …", "… must include a month", "… must be a
 * real date", "… must be in the past".
 */
export function date(lang: Language, options: DateOptions): z.ZodType<string> {
  const t = journeyText(lang).errors
  const name = options.name[lang]
  const label = upperFirst(name)
  const issue = (ctx: z.RefinementCtx, message: string, parts: DatePart[]) =>
    ctx.addIssue({ code: 'custom', message, params: { parts } })
  return z.unknown().transform((raw, ctx) => {
    const given = (raw && typeof raw === 'object' ? raw : {}) as DateParts
    const text = { day: firstValue(given.day).trim(), month: firstValue(given.month).trim(), year: firstValue(given.year).trim() }
    const missing = DATE_PARTS.filter((p) => text[p] === '')
    if (missing.length === 3) {
      issue(ctx, t.date.required(name), [...DATE_PARTS])
      return z.NEVER
    }
    if (missing.length > 0) {
      issue(ctx, t.date.missing(label, missing.map((p) => t.parts[p]).join(t.parts.and)), missing)
      return z.NEVER
    }
    const day = /^\d{1,2}$/.test(text.day) ? Number(text.day) : undefined
    const month = parseMonth(text.month)
    const wrong: DatePart[] = []
    if (day === undefined || day < 1 || day > 31) wrong.push('day')
    if (month === undefined || month < 1 || month > 12) wrong.push('month')
    if (!/^\d+$/.test(text.year)) wrong.push('year')
    if (wrong.length > 0) {
      issue(ctx, t.date.real(label), wrong)
      return z.NEVER
    }
    if (!/^\d{4}$/.test(text.year)) {
      issue(ctx, t.date.year(label), ['year'])
      return z.NEVER
    }
    const year = Number(text.year)
    const value = new Date(Date.UTC(year, (month as number) - 1, day as number))
    if (value.getUTCDate() !== day || value.getUTCMonth() !== (month as number) - 1) {
      // 31 June: the day does not exist in that month.
      issue(ctx, t.date.real(label), ['day'])
      return z.NEVER
    }
    const result = iso(year, month as number, day as number)
    const today = (options.today ?? todayInLondon)()
    const all = [...DATE_PARTS]
    if (options.past && result >= today) return (issue(ctx, t.date.past(label), all), z.NEVER)
    if (options.future && result <= today) return (issue(ctx, t.date.future(label), all), z.NEVER)
    if (options.todayOrPast && result > today) return (issue(ctx, t.date.todayOrPast(label), all), z.NEVER)
    if (options.todayOrFuture && result < today) return (issue(ctx, t.date.todayOrFuture(label), all), z.NEVER)
    if (options.after && result <= options.after) {
      return (issue(ctx, t.date.after(label, formatIsoDate(options.after, lang)), all), z.NEVER)
    }
    if (options.before && result >= options.before) {
      return (issue(ctx, t.date.before(label, formatIsoDate(options.before, lang)), all), z.NEVER)
    }
    return result
  }) as unknown as z.ZodType<string>
}

/** The posted form: field name to value (a repeated field gives an array). */
export type FormValues = Record<string, string | string[] | undefined>

/**
 * A page's schema over its posted form. Fields absent from the form but
 * posted as `name-day`, `name-month`, `name-year` arrive gathered as one
 * object, which is what `date()` expects.
 */
export function formSchema<S extends z.ZodRawShape>(shape: S): z.ZodType<z.output<z.ZodObject<S>>> {
  return z.preprocess((raw) => gatherDates(Object.keys(shape), (raw ?? {}) as FormValues), z.object(shape)) as unknown as z.ZodType<
    z.output<z.ZodObject<S>>
  >
}

export function gatherDates(fields: readonly string[], form: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = { ...form }
  for (const field of fields) {
    if (out[field] !== undefined) continue
    const parts = DATE_PARTS.filter((p) => form[`${field}-${p}`] !== undefined)
    // An unticked radio or checkbox is absent from a form; present it as empty so its own message applies.
    out[field] = parts.length > 0 ? { day: form[`${field}-day`], month: form[`${field}-month`], year: form[`${field}-year`] } : ''
  }
  return out
}

/** A failed parse as page errors: the first error for each field, in the order of the issues. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>()
  const out: FieldError[] = []
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('-') || 'form'
    if (seen.has(field)) continue
    seen.add(field)
    const params = (issue as { params?: { parts?: DatePart[] } }).params
    out.push({ field, message: issue.message, ...(params?.parts ? { parts: params.parts } : {}) })
  }
  return out
}

/** Where the error summary links for an error: the field, or a date's first wrong part. */
export function errorHref(error: FieldError): string {
  return `#${error.field}${error.parts && error.parts.length > 0 ? `-${error.parts[0]}` : ''}`
}

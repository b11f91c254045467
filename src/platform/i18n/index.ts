/**
 * English and Welsh. Message catalogues are TypeScript objects: the Welsh
 * catalogue is typed by the English one, so a missing Welsh key fails the type
 * check rather than showing English by surprise.
 */
export const LANGUAGES = ['en', 'cy'] as const
export type Language = (typeof LANGUAGES)[number]

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'cy'
}

/** Text in both languages, for data such as service names. */
export type Bilingual = Record<Language, string>

/**
 * A catalogue's shape, with literal strings widened to `string`, so that the
 * Welsh catalogue must have exactly the English one's keys.
 */
export type Catalogue<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends (...args: infer A) => string ? (...args: A) => string : Catalogue<T[K]>
}

const LOCALES: Record<Language, string> = { en: 'en-GB', cy: 'cy' }

const dateFormats = new Map<string, Intl.DateTimeFormat>()
function dateFormat(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options)
  let format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'Europe/London', ...options })
    dateFormats.set(key, format)
  }
  return format
}

/** "29 November 2026" / "29 Tachwedd 2026", as GOV.UK writes dates. */
export function formatDate(date: Date, lang: Language): string {
  return dateFormat(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(date)
}

/** "Sunday 29 November 2026" / "Dydd Sul 29 Tachwedd 2026" (GOV.UK style has no comma). */
export function formatDateWithDay(date: Date, lang: Language): string {
  return dateFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date).replace(',', '')
}

/**
 * A calendar date kept as `YYYY-MM-DD`, as GOV.UK writes dates ("1 December
 * 2026", or with its day). Noon UTC is the same day in London all year.
 * Anything not in that form is returned as it is.
 */
export function formatIsoDate(iso: string, lang: Language, options: { withDay?: boolean } = {}): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
  const date = new Date(`${iso}T12:00:00Z`)
  if (Number.isNaN(date.getTime())) return iso
  return options.withDay ? formatDateWithDay(date, lang) : formatDate(date, lang)
}

/** "2:30pm" / "2:30pm": GOV.UK style uses am and pm, and "midday" / "midnight". */
export function formatTime(date: Date, lang: Language): string {
  const parts = dateFormat('en', { hour: 'numeric', minute: '2-digit', hour12: false }).formatToParts(date)
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0) % 24
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00'
  if (hour === 12 && minute === '00') return lang === 'cy' ? 'canol dydd' : 'midday'
  if (hour === 0 && minute === '00') return lang === 'cy' ? 'canol nos' : 'midnight'
  const h12 = hour % 12 === 0 ? 12 : hour % 12
  return `${h12}${minute === '00' ? '' : ':' + minute}${hour < 12 ? 'am' : 'pm'}`
}

const numberFormats: Record<Language, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-GB'),
  cy: new Intl.NumberFormat('cy'),
}

export function formatNumber(value: number, lang: Language, fractionDigits?: number): string {
  if (fractionDigits === undefined) return numberFormats[lang].format(value)
  return new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value)
}

/**
 * A field's error message for the GOV.UK components, with the hidden prefix
 * screen readers hear before it ("Error:" / "Gwall:") in the page's language:
 * the components default to English.
 */
export function fieldError(lang: Language, text: string): { text: string; visuallyHiddenText: string } {
  return { text, visuallyHiddenText: lang === 'cy' ? 'Gwall' : 'Error' }
}

/**
 * Welsh soft mutation (treiglad meddal) of a phrase's first word, as it
 * follows an imperative such as "Rhowch" or "Dewiswch", or "i" in "Rhaid i":
 * "cyfenw" becomes "gyfenw", "dyddiad" "ddyddiad", "gwybodaeth" "wybodaeth".
 * Field names in error messages are written unmutated, as a label would be.
 */
export function softMutation(phrase: string): string {
  // An abbreviation ("DX", "GBS") is said letter by letter and written as it is.
  if (/^[A-Z]{2,}\b/.test(phrase)) return phrase
  const lower = phrase.charAt(0).toLowerCase() + phrase.slice(1)
  for (const [from, to] of SOFT_MUTATIONS) {
    if (lower.startsWith(from)) return to + lower.slice(from.length)
  }
  return lower
}

// Longest first: "ll" and "rh" before any single letter; "ch", "ph", "th" and "dd" never mutate.
const SOFT_MUTATIONS: readonly (readonly [string, string])[] = [
  ['ch', 'ch'],
  ['ph', 'ph'],
  ['th', 'th'],
  ['dd', 'dd'],
  ['ll', 'l'],
  ['rh', 'r'],
  ['p', 'b'],
  ['t', 'd'],
  ['c', 'g'],
  ['b', 'f'],
  ['d', 'dd'],
  ['g', ''],
  ['m', 'f'],
]

/**
 * The date formatting of MOJ Frontend's Nunjucks filters (`date` and
 * `mojDate`, which the timeline uses), without moment.js.
 *
 * Like the filters, dates are shown in the process's local time zone; run
 * the server with `TZ=Europe/London`. Timestamps are ISO 8601 strings
 * (`2019-06-14`, `2019-06-14T14:01`, `2019-06-14T14:01:00.000Z`, with or
 * without an offset; a timestamp without an offset is local time), numbers of
 * milliseconds since the epoch, or Dates. Other strings are read with
 * `new Date()`, as moment's fallback does.
 */

export type Timestamp = string | number | Date

export type MojDateType = 'datetime' | 'shortdatetime' | 'date' | 'shortdate' | 'time'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const DAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const DAYS_MIN = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa']

const ISO = /^\s*(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d)(?::(\d\d)(?::(\d\d)(?:[.,](\d+))?)?)?(\s*Z|[+-]\d\d(?::?\d\d)?)?)?$/

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function daysInMonth(year: number, month: number): number {
  return month === 1 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month] as number)
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Reads a timestamp as moment(timestamp) does; `null` if it is not a valid date. */
export function parseTimestamp(timestamp: Timestamp): Date | null {
  if (timestamp instanceof Date) return Number.isNaN(timestamp.getTime()) ? null : new Date(timestamp.getTime())
  if (typeof timestamp === 'number') {
    const d = new Date(timestamp)
    return Number.isNaN(d.getTime()) ? null : d
  }
  const m = ISO.exec(timestamp)
  if (!m) {
    const d = new Date(timestamp)
    return Number.isNaN(d.getTime()) ? null : d
  }
  const year = Number(m[1])
  const month = Number(m[2]) - 1
  const day = Number(m[3])
  const hour = m[4] === undefined ? 0 : Number(m[4])
  const minute = m[5] === undefined ? 0 : Number(m[5])
  const second = m[6] === undefined ? 0 : Number(m[6])
  const ms = m[7] === undefined ? 0 : Math.floor(Number('0.' + m[7]) * 1000)
  if (month < 0 || month > 11) return null
  if (day < 1 || day > daysInMonth(year, month)) return null
  if (hour > 24 || minute > 59 || second > 59) return null
  if (hour === 24 && (minute !== 0 || second !== 0 || ms !== 0)) return null

  const zone = m[8]
  if (zone === undefined) {
    const d = new Date(year, month, day, hour, minute, second, ms)
    if (year < 100) d.setFullYear(year, month, day)
    return d
  }
  let offset = 0
  const z = zone.trim()
  if (z !== 'Z') {
    const sign = z[0] === '-' ? -1 : 1
    const digits = z.slice(1).replace(':', '')
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'))
  }
  const d = new Date(Date.UTC(year, month, day, hour, minute, second, ms))
  if (year < 100) d.setUTCFullYear(year, month, day)
  return new Date(d.getTime() - offset * 60000)
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0')
  return n < 0 ? '-' + s : s
}

function ordinal(n: number): string {
  const b = n % 10
  const suffix = Math.floor((n % 100) / 10) === 1 ? 'th' : b === 1 ? 'st' : b === 2 ? 'nd' : b === 3 ? 'rd' : 'th'
  return n + suffix
}

function offsetText(d: Date, separator: string): string {
  const offset = -Math.round(d.getTimezoneOffset())
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return sign + pad(Math.floor(abs / 60), 2) + separator + pad(abs % 60, 2)
}

function dayOfYear(d: Date): number {
  const start = new Date(d.getFullYear(), 0, 1)
  start.setFullYear(d.getFullYear(), 0, 1)
  const day = new Date(d.getFullYear(), d.getMonth(), d.getDate())
  day.setFullYear(d.getFullYear(), d.getMonth(), d.getDate())
  return Math.round((day.getTime() - start.getTime()) / 864e5) + 1
}

const TOKENS: Record<string, (d: Date) => string> = {
  YYYYYY: (d) => (d.getFullYear() < 0 ? '-' : '+') + pad(Math.abs(d.getFullYear()), 6),
  YYYYY: (d) => pad(d.getFullYear(), 5),
  YYYY: (d) => pad(d.getFullYear(), 4),
  Y: (d) => (d.getFullYear() <= 9999 ? pad(d.getFullYear(), 4) : '+' + d.getFullYear()),
  YY: (d) => pad(d.getFullYear() % 100, 2),
  M: (d) => String(d.getMonth() + 1),
  MM: (d) => pad(d.getMonth() + 1, 2),
  MMM: (d) => MONTHS_SHORT[d.getMonth()] as string,
  MMMM: (d) => MONTHS[d.getMonth()] as string,
  D: (d) => String(d.getDate()),
  DD: (d) => pad(d.getDate(), 2),
  Do: (d) => ordinal(d.getDate()),
  DDD: (d) => String(dayOfYear(d)),
  DDDD: (d) => pad(dayOfYear(d), 3),
  DDDo: (d) => ordinal(dayOfYear(d)),
  d: (d) => String(d.getDay()),
  dd: (d) => DAYS_MIN[d.getDay()] as string,
  ddd: (d) => DAYS_SHORT[d.getDay()] as string,
  dddd: (d) => DAYS[d.getDay()] as string,
  H: (d) => String(d.getHours()),
  HH: (d) => pad(d.getHours(), 2),
  h: (d) => String(d.getHours() % 12 || 12),
  hh: (d) => pad(d.getHours() % 12 || 12, 2),
  m: (d) => String(d.getMinutes()),
  mm: (d) => pad(d.getMinutes(), 2),
  s: (d) => String(d.getSeconds()),
  ss: (d) => pad(d.getSeconds(), 2),
  a: (d) => (d.getHours() > 11 ? 'pm' : 'am'),
  A: (d) => (d.getHours() > 11 ? 'PM' : 'AM'),
  Hmm: (d) => String(d.getHours()) + pad(d.getMinutes(), 2),
  Hmmss: (d) => String(d.getHours()) + pad(d.getMinutes(), 2) + pad(d.getSeconds(), 2),
  hmm: (d) => String(d.getHours() % 12 || 12) + pad(d.getMinutes(), 2),
  hmmss: (d) => String(d.getHours() % 12 || 12) + pad(d.getMinutes(), 2) + pad(d.getSeconds(), 2),
  Z: (d) => offsetText(d, ':'),
  ZZ: (d) => offsetText(d, ''),
}

/** Letters that moment prints as themselves (they are not formatting tokens). */
const LITERAL_LETTERS = new Set('TbcfgGijnopqrtuvBCFIJKOPRUV')

/** moment's format tokeniser: bracketed literals, escaped characters, tokens, anything else. */
const FORMAT_TOKENS =
  /(\[[^[]*\])|(\\)?([Hh]mm(ss)?|Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|w[o|w]?|W[o|W]?|Qo?|N{1,5}|YYYYYY|YYYYY|YYYY|YY|y{2,4}|yo?|gg(ggg?)?|GG(GGG?)?|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|.)/g

const DEFAULT_FORMAT = 'YYYY-MM-DDTHH:mm:ssZ'

/**
 * `timestamp | date(format)`: formats with a moment.js format string. The
 * common tokens are supported (years, months, days, weekdays, hours, minutes,
 * seconds, am/pm, offsets, `[literal]` text); others throw rather than print
 * something different.
 */
export function formatDate(timestamp: Timestamp, format?: string): string {
  const d = parseTimestamp(timestamp)
  if (!d) return 'Invalid date'
  const pattern = format || DEFAULT_FORMAT
  let out = ''
  for (const match of pattern.matchAll(FORMAT_TOKENS)) {
    const whole = match[0]
    if (match[1] !== undefined) {
      out += whole.replace(/^\[|\]$/g, '')
      continue
    }
    const token = match[3] as string
    const formatter = match[2] === undefined ? TOKENS[token] : undefined
    if (formatter) {
      out += formatter(d)
      continue
    }
    if (match[2] !== undefined || token.length === 1 && (!/[A-Za-z]/.test(token) || LITERAL_LETTERS.has(token))) {
      out += whole.replace(/\\/g, '')
      continue
    }
    throw new Error(`formatDate: unsupported date format token "${token}" in "${pattern}"`)
  }
  return out
}

function govTime(d: Timestamp): string {
  const parsed = parseTimestamp(d)
  return formatDate(d, parsed && parsed.getMinutes() > 0 ? 'h:mma' : 'ha')
}

/**
 * `timestamp | mojDate(type)`: `datetime` "14 June 2019 at 3:01pm",
 * `shortdatetime` "14 Jun 2019 at 3:01pm", `date`, `shortdate`, `time`.
 * Any other type returns the timestamp unchanged, as the filter does.
 */
export function mojDate(timestamp: Timestamp, type: MojDateType | string | undefined): Timestamp {
  switch (type) {
    case 'datetime':
      return `${formatDate(timestamp, 'D MMMM YYYY')} at ${govTime(timestamp)}`
    case 'shortdatetime':
      return `${formatDate(timestamp, 'D MMM YYYY')} at ${govTime(timestamp)}`
    case 'date':
      return formatDate(timestamp, 'D MMMM YYYY')
    case 'shortdate':
      return formatDate(timestamp, 'D MMM YYYY')
    case 'time':
      return govTime(timestamp)
    default:
      return timestamp
  }
}

/**
 * The one way HTML is built in this code base.
 *
 * `html` is a tagged template that escapes every interpolated value unless the
 * value is already a `SafeHtml` fragment (made by `html` itself, or by
 * `trustedHtml` for text that has been sanitised or comes from our own code).
 * Arrays are rendered item by item and joined, so `items.map(i => html`...`)`
 * works. `null`, `undefined` and `false` render nothing, so conditionals read
 * naturally: `${error && html`...`}`.
 *
 * Strings are concatenated, not built into a tree: a page is a few hundred
 * small fragments and concatenation is the cheapest thing V8 does.
 */

export class SafeHtml {
  readonly value: string
  constructor(value: string) {
    this.value = value
  }
  toString(): string {
    return this.value
  }
}

/** Anything that may be interpolated into `html`. */
export type HtmlValue = SafeHtml | string | number | bigint | boolean | null | undefined | readonly HtmlValue[]

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const ESCAPE_TEST = /[&<>"']/
const ESCAPE_ALL = /[&<>"']/g

/** Escapes text for use in element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  // Most strings need no escaping; testing first avoids allocating a copy.
  if (!ESCAPE_TEST.test(text)) return text
  return text.replace(ESCAPE_ALL, (c) => ESCAPES[c] as string)
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value
  if (typeof value === 'string') return escapeHtml(value)
  if (value === null || value === undefined || value === false || value === true) return ''
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (Array.isArray(value)) {
    let out = ''
    for (const item of value as readonly HtmlValue[]) out += render(item)
    return out
  }
  // Unreachable for well-typed callers; escape whatever arrived rather than trust it.
  return escapeHtml(String(value))
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] as string
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] as string)
  }
  return new SafeHtml(out)
}

/**
 * Marks a string as safe HTML without escaping it. Use only for markup that
 * our own code produced or that has been sanitised against an allow-list
 * (court facility descriptions). Every call is a place to review.
 */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup)
}

/** Renders any value to a safe fragment, escaping strings. */
export function toHtml(value: HtmlValue): SafeHtml {
  return value instanceof SafeHtml ? value : new SafeHtml(render(value))
}

/** Joins fragments with a separator (itself escaped if it is a plain string). */
export function joinHtml(items: readonly HtmlValue[], separator: HtmlValue = ''): SafeHtml {
  const sep = render(separator)
  let out = ''
  for (let i = 0; i < items.length; i++) out += (i > 0 ? sep : '') + render(items[i] as HtmlValue)
  return new SafeHtml(out)
}

/**
 * A fragment sent many times unchanged (a court's page between data
 * changes): encoded to UTF-8 once, so each response copies bytes instead of
 * encoding the text again. Pages use it as their content; `pageBytes`
 * (platform/http) copies `bytes`.
 */
export class EncodedHtml extends SafeHtml {
  readonly bytes: Buffer
  constructor(fragment: SafeHtml) {
    const bytes = Buffer.from(fragment.value, 'utf8')
    // Decoded back, the text is flat and one piece, and no longer holds the fragments it was built from.
    super(bytes.toString('utf8'))
    this.bytes = bytes
  }
}

/**
 * A fragment kept to be used in many pages (a list of 120 prisons, a list of
 * results). `html` builds text as a tree of the pieces it was made from; a
 * page that includes the fragment walks that tree again to copy it, every
 * time, which cost the booking journey's prison question about 8 µs a page.
 * Kept flat, it is copied as one piece. (Text read back from its UTF-8 bytes
 * is flat: JavaScript has no cheaper way to ask V8 for that.)
 */
export function flatHtml(fragment: SafeHtml): SafeHtml {
  return new SafeHtml(Buffer.from(fragment.value, 'utf8').toString('utf8'))
}

export const EMPTY: SafeHtml = new SafeHtml('')

export function isSafeHtml(value: unknown): value is SafeHtml {
  return value instanceof SafeHtml
}

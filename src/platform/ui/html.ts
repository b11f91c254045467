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
 * small fragments and concatenation is the cheapest thing V8 does. The one
 * exception is a fragment kept already encoded (`flatHtml`): it stays a piece
 * of its own (`PiecedHtml`), so pages copy its bytes instead of encoding it.
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
  // Set once a value comes already encoded (a kept fragment): from there the result is pieces (PiecedHtml).
  let pieces: HtmlPiece[] | undefined
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (value instanceof EncodedHtml || value instanceof PiecedHtml) {
      pieces ??= []
      if (value instanceof EncodedHtml) out = addPiece(pieces, out, value)
      else for (const piece of value.pieces) out = addPiece(pieces, out, piece)
      out += strings[i + 1] as string
    } else {
      out += render(value) + (strings[i + 1] as string)
    }
  }
  if (pieces === undefined) return new SafeHtml(out)
  if (out !== '') pieces.push(out)
  return new PiecedHtml(pieces)
}

/**
 * Adds a piece after `text`, the text not yet pushed; returns the text now
 * waiting. Text next to text joins up, so pieces alternate: text, encoded, text…
 */
function addPiece(pieces: HtmlPiece[], text: string, piece: HtmlPiece): string {
  if (typeof piece === 'string') return text + piece
  if (text !== '') pieces.push(text)
  pieces.push(piece)
  return ''
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
 * results, a journey page's buttons): encoded once. `html` keeps it as a
 * piece of its own (PiecedHtml) in whatever includes it, so a page's bytes
 * copy it rather than encode its text on every response: for the booking
 * journey's prison question, most of the page, that encoding was a fifth of
 * the page's instructions. Its text is flat too (read back from the bytes:
 * JavaScript has no cheaper way to ask V8 for that), so a page that uses it
 * as text copies one piece instead of walking the tree `html` built.
 */
export function flatHtml(fragment: SafeHtml): EncodedHtml {
  return fragment instanceof EncodedHtml ? fragment : new EncodedHtml(fragment)
}

/** A piece of a PiecedHtml: text, or a fragment already encoded. */
export type HtmlPiece = string | EncodedHtml

/**
 * What `html` makes when it includes an encoded fragment: the text before,
 * the fragment, the text after, in order. `value` is the whole text, as for
 * any fragment; `pageBytes` (platform/http) writes the text pieces as UTF-8
 * and copies the encoded ones.
 */
export class PiecedHtml extends SafeHtml {
  readonly pieces: readonly HtmlPiece[]
  constructor(pieces: readonly HtmlPiece[]) {
    // Joining makes a rope of references, not a copy: the text is only flattened if something reads it.
    let text = ''
    for (const piece of pieces) text += typeof piece === 'string' ? piece : piece.value
    super(text)
    this.pieces = pieces
  }
}

export const EMPTY: SafeHtml = new SafeHtml('')

export function isSafeHtml(value: unknown): value is SafeHtml {
  return value instanceof SafeHtml
}

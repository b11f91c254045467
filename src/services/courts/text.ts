/** Text matching for court names: case, accents, apostrophes and typos do not matter. */

/** `King’s Lynn Magistrates' Court` -> `kings lynn magistrates court`; `Caerdydd Ŵ` -> `caerdydd w`. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

export function tokens(text: string): string[] {
  const n = normaliseText(text)
  return n ? n.split(' ') : []
}

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbours),
 * stopping early once it is certainly above `max`.
 */
// Three reusable rows: words are short, and this runs thousands of times a search.
const ROW = 256
const rowA = new Uint8Array(ROW)
const rowB = new Uint8Array(ROW)
const rowC = new Uint8Array(ROW)

export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  if (a === b) return 0
  const n = b.length
  if (n + 1 > ROW) return Math.abs(a.length - b.length) <= max && a === b ? 0 : max + 1
  let before = rowA
  let previous = rowB
  let current = rowC
  for (let j = 0; j <= n; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let best = i
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let d = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost)
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, (before[j - 2] as number) + 1)
      }
      current[j] = d
      if (d < best) best = d
    }
    if (best > max) return max + 1
    ;[before, previous, current] = [previous, current, before]
  }
  return previous[n] as number
}

/** How many typos a word of this length may carry and still match. */
export function typoAllowance(word: string): number {
  if (word.length <= 3) return 0
  if (word.length <= 7) return 1
  return 2
}

/**
 * How well one typed word matches one word of the data: 1 exact, 0.8 a prefix
 * (`comb` for `combined`), 0.6 within the typo allowance, 0 not at all.
 */
export function wordMatch(typed: string, word: string): number {
  if (typed === word) return 1
  if (typed.length >= 3 && word.startsWith(typed)) return 0.8
  const allowance = typoAllowance(typed)
  if (allowance > 0 && editDistance(typed, word, allowance) <= allowance) return 0.6
  return 0
}

/**
 * The prisons that match what someone has typed so far, best first, for the
 * type-ahead on "Which prison are you visiting?". Someone who types
 * "wandswoth" or "cardif" still finds the prison: a word may be a letter or
 * two out (one for words of 4 to 7 letters, two for longer ones; a swap of
 * two letters counts as one).
 *
 * Order: names that start with the query, then names with words that start
 * with each word of it, then names that contain it, then near misses; each
 * group alphabetical. An empty query matches every name.
 *
 * It runs in the browser too: the page's script carries this function's own
 * source (routes.ts). So it uses nothing from outside itself.
 */
export function prisonMatches(query: string, names: readonly string[]): string[] {
  const fold = (text: string): string =>
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  const typed = fold(query)
  if (typed === '') return names.slice()
  const typedWords = typed.split(' ')
  // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
  const distance = (a: string, b: string): number => {
    const rows: number[][] = []
    for (let i = 0; i <= a.length; i++) {
      rows.push([i])
      for (let j = 1; j <= b.length; j++) {
        if (i === 0) {
          ;(rows[0] as number[])[j] = j
          continue
        }
        const row = rows[i] as number[]
        const above = rows[i - 1] as number[]
        const cost = a[i - 1] === b[j - 1] ? 0 : 1
        let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost)
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1)
        row[j] = best
      }
    }
    return (rows[a.length] as number[])[b.length] as number
  }
  // A typed word is near a name's word when it is near the start of that word, as long as the word typed.
  const near = (word: string, nameWord: string): boolean => {
    const allowed = word.length < 4 ? 0 : word.length < 8 ? 1 : 2
    if (allowed === 0) return nameWord.startsWith(word)
    for (let length = word.length - allowed; length <= word.length + allowed; length++) {
      if (length > 0 && length <= nameWord.length && distance(word, nameWord.slice(0, length)) <= allowed) return true
    }
    return false
  }
  const scored: [number, string][] = []
  for (const name of names) {
    const folded = fold(name)
    const words = folded.split(' ')
    let score: number
    if (folded.startsWith(typed)) score = 0
    else if (typedWords.every((word) => words.some((w) => w.startsWith(word)))) score = 1
    else if (folded.includes(typed)) score = 2
    else if (typedWords.every((word) => words.some((w) => near(word, w)))) score = 3
    else continue
    scored.push([score, name])
  }
  return scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])).map(([, name]) => name)
}

/**
 * The function as a script for the page: its own source, after a stand-in
 * for `__name`, which the TypeScript loader used in development and tests
 * (tsx, through esbuild) wraps named inner functions in and the browser has not.
 */
export const PRISON_MATCHES_SCRIPT = `const __name = (f) => f\nconst prisonMatches = ${prisonMatches.toString()}`

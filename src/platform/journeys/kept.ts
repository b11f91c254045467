/**
 * What one web process remembers of a visitor's journey between requests, so
 * that showing a question page needs no database round trip. Each round trip
 * costs the web process more CPU than rendering the page it is for
 * (docs/decisions/002-rendering.md, "Journey pages").
 *
 * - The session's draft, as this process last read or wrote it, under a stamp
 *   the browser carries back in a cookie. A page shown (GET) with that stamp
 *   uses the kept draft. Any other stamp, or none, reads the database and keeps
 *   what it finds under a new stamp: so a change made by another process, which
 *   sets its own stamp, is never hidden by this one. A kept draft is checked
 *   against the row once a minute, and keeps its stamp if the row is unchanged.
 *   Every change (POST) reads and locks the row as before, then keeps what it
 *   wrote or forgets the draft (and clears the stamp).
 * - When the session ends, at least. A session's end only ever moves later
 *   (touchSession never shortens it), so a session this process extended
 *   within the last minute is alive without asking, and needs no extending yet.
 *
 * The stamp says nothing about the draft: it names an entry in this process's
 * memory, looked up under the visitor's own signed session id, so a forged
 * stamp can at most show visitors their own draft as it was a minute ago.
 */
import { randomBytes } from 'node:crypto'
import type { Draft } from './repository.js'

/** The cookie holding the stamp, set on the journey's own path. */
export const DRAFT_COOKIE = 'jd_draft'

interface KeptDraft {
  stamp: string
  draft: Draft | undefined
  keptAt: number
  /** When the draft itself expires: a kept draft is never used past it. */
  expiresAt: number
}

export class KeptDrafts {
  readonly #drafts = new Map<string, KeptDraft>()
  readonly #sessions = new Map<string, { ends: number; extendedAt: number }>()
  // Stamps from different processes never collide: each starts from its own random prefix.
  readonly #prefix = randomBytes(6).toString('base64url')
  #next = 0

  constructor(
    /** Sessions remembered; the oldest is forgotten first. */
    readonly maxEntries = 2000,
    /** How long a kept draft, or a session's extension, is trusted before the database is asked again. */
    readonly maxAgeMs = 60_000,
  ) {}

  /** The kept draft (undefined: the session has none) when the stamp matches and is fresh; otherwise read the database. */
  find(sessionId: string, stamp: string | undefined, now: number): { draft: Draft | undefined } | undefined {
    if (!stamp) return undefined
    const kept = this.#drafts.get(sessionId)
    if (!kept || kept.stamp !== stamp || now - kept.keptAt > this.maxAgeMs || kept.expiresAt <= now) return undefined
    return { draft: kept.draft }
  }

  /** Keeps the draft as it now is in the database; returns the stamp for the browser, the same one if the draft is unchanged. */
  keep(sessionId: string, draft: Draft | undefined, now: number): string {
    const old = this.#drafts.get(sessionId)
    const stamp = old && sameDraft(old.draft, draft) ? old.stamp : `${this.#prefix}${(this.#next++).toString(36)}`
    this.#drafts.delete(sessionId)
    evictOldest(this.#drafts, this.maxEntries)
    this.#drafts.set(sessionId, { stamp, draft, keptAt: now, expiresAt: draft ? new Date(draft.expires_at).getTime() : Infinity })
    return stamp
  }

  forget(sessionId: string): void {
    this.#drafts.delete(sessionId)
  }

  /** When the session ends, if this process extended it within `maxAgeMs` and it has not ended; otherwise undefined. */
  sessionEnds(sessionId: string, now: number): number | undefined {
    const session = this.#sessions.get(sessionId)
    if (!session || now - session.extendedAt > this.maxAgeMs || session.ends <= now) return undefined
    return session.ends
  }

  /** Records that this process extended the session to at least `ends`. */
  extended(sessionId: string, ends: number, now: number): void {
    this.#sessions.delete(sessionId)
    evictOldest(this.#sessions, this.maxEntries)
    this.#sessions.set(sessionId, { ends, extendedAt: now })
  }
}

/** The same row, unchanged: every write to a draft sets its `updated_at`. */
function sameDraft(a: Draft | undefined, b: Draft | undefined): boolean {
  if (!a || !b) return a === b
  return a.id === b.id && a.status === b.status && new Date(a.updated_at).getTime() === new Date(b.updated_at).getTime()
}

/** Makes room for one more entry: a Map iterates in insertion order, so the first key is the oldest. */
function evictOldest(map: Map<string, unknown>, max: number): void {
  while (map.size >= max) map.delete(map.keys().next().value as string)
}

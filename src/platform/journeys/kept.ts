/**
 * What one web process remembers of a visitor's journey between requests, so
 * that showing a question page needs no database round trip. Each round trip
 * costs the web process more CPU than rendering the page it is for
 * (docs/decisions/002-rendering.md, "Journey pages").
 *
 * - The session's draft, as this process last read or wrote it, under a stamp
 *   the browser carries back in a cookie. A page shown (GET) with that stamp
 *   uses the kept draft. Any other stamp, or none, reads the database and keeps
 *   what it finds under a new stamp: so a change made by another process sets
 *   its own stamp, and this process reads the row on the next page. Every
 *   change (POST) reads and locks the row as before, then keeps what it wrote
 *   or forgets the draft (and clears the stamp).
 *   Two things can still show a draft up to a minute old: responses from two
 *   processes to one browser arriving in the other order than they were
 *   answered (two tabs), and a return link used in another browser while a
 *   second process keeps the draft for the old session. So a kept draft is
 *   checked against the row once a minute, keeping its stamp if the row is
 *   unchanged; and the change a POST makes is always made on the row.
 * - When the session ends, at least. touchSession never shortens a session,
 *   so a session this process extended within the last minute is alive
 *   without asking, and needs no extending yet. (Signing a staff member out
 *   everywhere deletes their sessions; a journey staff complete for someone
 *   also passes the staff guard, which checks the session on every request.)
 *
 * The stamp is random and says nothing about the draft: it names an entry in this process's
 * memory, looked up under the visitor's own signed session id, so a forged
 * stamp can at most show visitors their own draft as it was a minute ago.
 */
import { randomBytes } from 'node:crypto'
import type { Draft } from './repository.js'
import { makeRoom } from '../remember.js'

/** The cookie holding the stamp, set on the journey's own path. */
export const DRAFT_COOKIE = 'jd_draft'

/** Drafts bigger than this (answers and form as JSON) are not kept: a forged form could otherwise fill memory. */
const MAX_KEPT_CHARS = 8 * 1024

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

  /**
   * Keeps the draft as it now is in the database; returns the stamp for the
   * browser (the same one if the draft is unchanged), or undefined when the
   * draft is too big to keep. A read that began (`readSince`) before the kept
   * draft was kept may have missed that change, so it does not replace it.
   * (This process's clock only: rows' own times come from every process.)
   */
  keep(sessionId: string, draft: Draft | undefined, now: number, readSince?: number): string | undefined {
    const old = this.#drafts.get(sessionId)
    this.#drafts.delete(sessionId)
    if (old && readSince !== undefined && old.keptAt >= readSince) {
      this.#drafts.set(sessionId, old)
      return old.stamp
    }
    if (draft && JSON.stringify(draft.answers).length + JSON.stringify(draft.form).length > MAX_KEPT_CHARS) return undefined
    const stamp = old && sameDraft(old.draft, draft) ? old.stamp : randomBytes(12).toString('base64url')
    makeRoom(this.#drafts, this.maxEntries)
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
    makeRoom(this.#sessions, this.maxEntries)
    this.#sessions.set(sessionId, { ends, extendedAt: now })
  }
}

/** The same row, unchanged: every write to a draft sets its `updated_at`. */
function sameDraft(a: Draft | undefined, b: Draft | undefined): boolean {
  if (!a || !b) return a === b
  return a.id === b.id && a.status === b.status && updatedAt(a) === updatedAt(b)
}

const updatedAt = (draft: Draft): number => new Date(draft.updated_at).getTime()

/**
 * The audit trail's hash chain, as pure functions. Each event's hash covers its
 * own fields and the previous event's hash, so editing or deleting any row
 * breaks every link after it; the chain head (the last id and hash) catches the
 * deletion of the newest rows.
 */
import { createHash } from 'node:crypto'

/** The fields an event's hash covers, as stored. */
export interface ChainedEvent {
  id: number
  at: Date
  actorId: string | null
  actorEmail: string | null
  action: string
  recordType: string | null
  recordId: string | null
  before: unknown
  after: unknown
  ip: string | null
  userAgent: string | null
  requestId: string | null
  prevHash: string
}

/** The first event's `prevHash`. */
export const GENESIS_HASH = '0'.repeat(64)

/**
 * JSON with object keys sorted at every level. PostgreSQL's jsonb reorders
 * keys, so the hash must not depend on their order.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const keys = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`
}

export function eventHash(event: ChainedEvent): string {
  const fields = [
    event.id,
    event.at.toISOString(),
    event.actorId,
    event.actorEmail,
    event.action,
    event.recordType,
    event.recordId,
    event.before ?? null,
    event.after ?? null,
    event.ip,
    event.userAgent,
    event.requestId,
    event.prevHash,
  ]
  return createHash('sha256').update(canonicalJson(fields)).digest('hex')
}

/** Keys whose values never reach the audit trail. */
const SECRET_KEY = /pass(word)?|secret|token|hash|totp|otp|recovery|_csrf|cookie|authori[sz]ation/i

export const REDACTED = '[redacted]'

/**
 * A copy of a record fit for the audit trail: secrets replaced, dates as ISO
 * strings (as they will read back from jsonb), functions and undefined dropped.
 */
export function redact(value: unknown): unknown {
  if (value === undefined) return null
  const plain: unknown = JSON.parse(JSON.stringify(value) ?? 'null')
  return redactPlain(plain)
}

function redactPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactPlain)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) && v !== null ? REDACTED : redactPlain(v)
    return out
  }
  return value
}

export interface ChainProblem {
  id: number
  problem: string
}

/**
 * Checks events in id order against each other and then the chain head. Ids
 * are consecutive from 1, so a deleted row in the middle shows as a gap even if
 * someone recomputed the hashes after it. Fed in batches, so a long trail never
 * has to fit in memory.
 */
export class ChainVerifier {
  readonly problems: ChainProblem[] = []
  count = 0
  #expectedId = 1
  #prevHash = GENESIS_HASH

  add(event: ChainedEvent & { hash: string }): void {
    this.count++
    if (event.id !== this.#expectedId) {
      this.problems.push({ id: event.id, problem: `events ${this.#expectedId} to ${event.id - 1} are missing` })
    }
    if (event.prevHash !== this.#prevHash) {
      this.problems.push({ id: event.id, problem: 'its link to the previous event does not match (the previous event was changed or removed)' })
    }
    if (eventHash(event) !== event.hash) this.problems.push({ id: event.id, problem: 'its contents do not match its hash (it was changed)' })
    this.#expectedId = event.id + 1
    this.#prevHash = event.hash
  }

  finish(head: { lastId: number; lastHash: string }): ChainProblem[] {
    const lastId = this.#expectedId - 1
    if (head.lastId !== lastId) {
      this.problems.push({ id: head.lastId, problem: `the chain head says the last event is ${head.lastId}, but the last event found is ${lastId}` })
    } else if (head.lastHash !== this.#prevHash) {
      this.problems.push({ id: head.lastId, problem: 'the chain head does not match the last event (it was changed)' })
    }
    return this.problems
  }
}

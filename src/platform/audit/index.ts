/**
 * The audit trail: append-only events, hash-chained. Services call `audit()`
 * inside the same transaction as the change it records, so the change and its
 * record are committed together or not at all.
 */
import type { FastifyRequest } from 'fastify'
import type { Kysely, Transaction } from 'kysely'
import { withTables } from '../db/index.js'
import type { PlatformTables } from '../db/schema.js'
import { ChainVerifier, eventHash, redact, type ChainProblem, type ChainedEvent } from './chain.js'
import type { AuditTables } from './schema.js'
import { toAuditRow } from './repository.js'

export type { AuditTables } from './schema.js'
export { auditMigrations } from './migrations.js'
export { redact } from './chain.js'

export interface AuditEvent {
  /** What happened, `<module>.<thing>.<verb>`: `staff.sign-in`, `courts.court.update`, `prison-visits.visitor.view`. */
  action: string
  recordType?: string
  recordId?: string | number
  /** The record before a change; secrets are redacted. */
  before?: unknown
  /** The record after a change; secrets are redacted. */
  after?: unknown
}

/** Who and where, for events that do not come from a web request (the `justice` command). */
export interface AuditOrigin {
  actorId?: string | null
  actorEmail?: string | null
  ip?: string | null
  userAgent?: string | null
  requestId?: string | null
}

// Accepts any database typed with the platform's tables, or a transaction on it.
type AnyDb = Kysely<PlatformTables> | Kysely<never> | Transaction<never>

function originOf(source: FastifyRequest | AuditOrigin | undefined): Required<AuditOrigin> {
  if (source && 'headers' in source && 'raw' in source) {
    const request = source
    const ua = request.headers['user-agent']
    return {
      actorId: request.staff?.user.id ?? null,
      actorEmail: request.staff?.user.email ?? null,
      ip: request.ip ?? null,
      userAgent: typeof ua === 'string' ? ua.slice(0, 500) : null,
      requestId: request.id ?? null,
    }
  }
  const o = (source ?? {}) as AuditOrigin
  return { actorId: o.actorId ?? null, actorEmail: o.actorEmail ?? null, ip: o.ip ?? null, userAgent: o.userAgent ?? null, requestId: o.requestId ?? null }
}

/**
 * Appends an event. Pass the transaction of the change being recorded; given a
 * plain database it opens its own. The chain head row is locked for the rest
 * of the transaction, so concurrent writers append one at a time and the chain
 * stays whole.
 */
export async function audit(trxOrDb: AnyDb, source: FastifyRequest | AuditOrigin | undefined, event: AuditEvent): Promise<number> {
  const db = trxOrDb as unknown as Kysely<AuditTables>
  if (!db.isTransaction) return db.transaction().execute((trx) => audit(trx as never, source, event))
  const origin = originOf(source)
  const head = await db.selectFrom('audit_chain_head').select(['last_id', 'last_hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow()
  const chained: ChainedEvent = {
    id: Number(head.last_id) + 1,
    // Whole milliseconds, so the time reads back from timestamptz exactly as hashed.
    at: new Date(Math.floor(Date.now())),
    actorId: origin.actorId,
    actorEmail: origin.actorEmail,
    action: event.action,
    recordType: event.recordType ?? null,
    recordId: event.recordId === undefined ? null : String(event.recordId),
    before: event.before === undefined ? null : redact(event.before),
    after: event.after === undefined ? null : redact(event.after),
    ip: origin.ip,
    userAgent: origin.userAgent,
    requestId: origin.requestId,
    prevHash: head.last_hash,
  }
  const hash = eventHash(chained)
  await db
    .insertInto('audit_events')
    .values({
      id: chained.id,
      at: chained.at,
      actor_id: chained.actorId,
      actor_email: chained.actorEmail,
      action: chained.action,
      record_type: chained.recordType,
      record_id: chained.recordId,
      before: chained.before === null ? null : JSON.stringify(chained.before),
      after: chained.after === null ? null : JSON.stringify(chained.after),
      ip: chained.ip,
      user_agent: chained.userAgent,
      request_id: chained.requestId,
      prev_hash: chained.prevHash,
      hash,
    })
    .execute()
  await db.updateTable('audit_chain_head').set({ last_id: chained.id, last_hash: hash }).where('id', '=', 1).execute()
  return chained.id
}

export interface AuditVerification {
  events: number
  problems: ChainProblem[]
}

/** Re-computes every hash in the trail, in batches, and compares the chain head. */
export async function verifyAuditTrail(database: Kysely<PlatformTables>, batchSize = 5000): Promise<AuditVerification> {
  const db = withTables<AuditTables>(database)
  const verifier = new ChainVerifier()
  // Read the head first: events appended while we read are after it and are ignored.
  const head = await db.selectFrom('audit_chain_head').select(['last_id', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow()
  let after = 0
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>', after)
      .where('id', '<=', Number(head.last_id))
      .orderBy('id')
      .limit(batchSize)
      .execute()
    for (const r of rows) verifier.add(toAuditRow(r))
    if (rows.length < batchSize) break
    after = Number(rows[rows.length - 1]!.id)
  }
  return { events: verifier.count, problems: verifier.finish({ lastId: Number(head.last_id), lastHash: head.last_hash }) }
}

/** `justice audit verify`: prints what it found; exit code 0 only for an intact trail. */
export async function runAuditCommand(args: string[], database: Kysely<PlatformTables>, out: (line: string) => void): Promise<number> {
  if (args[0] !== 'verify') {
    out('Usage: justice audit verify')
    return 1
  }
  const { events, problems } = await verifyAuditTrail(database)
  if (problems.length === 0) {
    out(`The audit trail is intact: ${events} ${events === 1 ? 'event' : 'events'}, every hash and link checked.`)
    return 0
  }
  out(`The audit trail has been tampered with: ${problems.length} problems in ${events} events.`)
  for (const p of problems.slice(0, 50)) out(`  event ${p.id}: ${p.problem}`)
  if (problems.length > 50) out(`  ...and ${problems.length - 50} more`)
  return 2
}

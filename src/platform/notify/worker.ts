/**
 * Sending: a pg-boss worker takes each message's job, holds the message with
 * a lease, asks the provider (after checking, on any attempt but the first,
 * that an earlier attempt did not already get through), and records what
 * happened. Several workers, in several processes, may run at once: pg-boss
 * gives each job to one of them, and the lease keeps a second from sending a
 * message whose first worker is still busy with it.
 */
import { setTimeout as delay } from 'node:timers/promises'
import PgBoss from 'pg-boss'
import type { NotifyConfig } from '../../config.js'
import type { Database } from '../db/index.js'
import { SendFailure, describeSendError } from './failures.js'
import { providerFor, type MessageProvider } from './providers.js'
import { bossDb, kyselyBossDb, RETENTION_QUEUE, SCHEMA, SEND_QUEUE, type SendJob } from './queue.js'
import { claimMessage, findMessage, markFailed, markRetrying, markSent, notifyDb, redactOlderThan } from './repository.js'

export interface NotifyLog {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'failed' | 'done-before' | 'retry'

/**
 * One attempt at one message. Throws (so pg-boss retries it with backoff and
 * jitter) when the failure may pass; returns when the message is settled.
 */
export async function deliverMessage(
  database: Database,
  provider: MessageProvider,
  messageId: string,
  options: { leaseSeconds: number; lastAttempt: boolean },
): Promise<DeliveryOutcome> {
  const db = notifyDb(database.db)
  const message = await claimMessage(db, messageId, options.leaseSeconds)
  if (!message) {
    const current = await findMessage(db, messageId)
    if (!current || !['queued', 'sending', 'retrying'].includes(current.status)) return 'done-before'
    throw new SendFailure('retry', 'Another worker is sending this message')
  }
  try {
    if (message.attempts > 1) {
      const existing = await provider.alreadySent(message)
      if (existing !== null) {
        await markSent(db, message.id, provider.name, existing)
        return 'already-sent'
      }
    }
    const providerId = await provider.send(message)
    await markSent(db, message.id, provider.name, providerId)
    return 'sent'
  } catch (error) {
    const failure = describeSendError(error)
    if (failure.kind === 'permanent' || options.lastAttempt) {
      const reason = failure.kind === 'permanent' ? failure.message : `Gave up after ${message.attempts} attempts. ${failure.message}`
      await markFailed(db, message.id, provider.name, reason)
      return 'failed'
    }
    await markRetrying(db, message.id, failure.message)
    throw failure
  }
}

/**
 * Creating a queue creates a partition of pg-boss's job table; two processes
 * starting together would deadlock doing it at once, so this runs under
 * oneProcessAtATime with pg-boss's own start.
 */
async function setUpQueues(database: Database, config: NotifyConfig): Promise<void> {
  const sendQueue: PgBoss.Queue = {
    name: SEND_QUEUE,
    retryLimit: config.retryLimit,
    retryDelay: config.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: config.expireSeconds,
  }
  await database.db.transaction().execute(async (trx) => {
    // Never started: it only runs pg-boss's queue statements in this transaction.
    const setUp = new PgBoss({ db: kyselyBossDb(trx), schema: SCHEMA })
    await setUp.createQueue(SEND_QUEUE, sendQueue)
    await setUp.updateQueue(SEND_QUEUE, sendQueue)
    await setUp.createQueue(RETENTION_QUEUE, { name: RETENTION_QUEUE, policy: 'singleton', retryLimit: 3, expireInSeconds: 600 })
  })
}

/**
 * Processes starting together take turns to set up pg-boss and our queues.
 * pg-boss installs its tables under its own advisory lock, but a second
 * process that waited for that lock can still read the catalogue as it was
 * and fail creating the schema the first has just made; and two processes
 * creating a queue's partition at once deadlock. Under a lock taken before
 * either begins, the second process finds everything made and makes nothing.
 * PGlite belongs to one process.
 */
async function oneProcessAtATime<T>(database: Database, start: () => Promise<T>): Promise<T> {
  const pool = database.pool
  if (!pool) return start()
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    // Waits for another process's start, but not for ever: one that hangs makes this start fail loudly.
    await client.query(`set lock_timeout = '120s'`)
    await client.query(`select pg_advisory_lock(hashtext('justice-notify-start'))`)
    return await start()
  } finally {
    await client.query(`select pg_advisory_unlock(hashtext('justice-notify-start')); reset lock_timeout`).catch((error: Error) => (broken = error))
    client.release(broken)
  }
}

/** How long stopping waits for work in flight; the web process gives a shutdown 25 s in all (main.ts). */
const STOP_SECONDS = 10

export interface NotifyQueue {
  /** Whether this process sends messages (false: it only set up the queue). */
  working: boolean
  stop(): Promise<void>
}

/**
 * Sets up the queues (pg-boss's tables too, the first time) and, when `work`
 * is true, starts sending and the nightly retention job.
 */
export async function startNotifyQueue(
  database: Database,
  config: NotifyConfig,
  options: { work: boolean; log: NotifyLog; provider?: MessageProvider },
): Promise<NotifyQueue> {
  const { work, log } = options
  const busy = new InFlight()
  const db = bossDb(database)
  const boss = new PgBoss({
    db: { executeSql: (text, values) => busy.track(db.executeSql(text, values)) },
    schema: SCHEMA,
    migrate: true,
    // Maintenance expires the jobs of workers that died; a process that does not work leaves it to those that do.
    supervise: work,
    schedule: work,
    maintenanceIntervalSeconds: config.maintenanceSeconds,
    ...(work ? { cronMonitorIntervalSeconds: 30 } : {}),
  })
  boss.on('error', (error: Error) => log.error(`notify queue: ${error.message}`))
  await oneProcessAtATime(database, async () => {
    await boss.start()
    await setUpQueues(database, config)
  })

  if (work) {
    const provider = options.provider ?? providerFor(config)
    const sendOne = async (job: PgBoss.JobWithMetadata<SendJob> | undefined): Promise<void> => {
      if (!job) return
      const lastAttempt = job.retryCount >= job.retryLimit
      // The lease lasts as long as pg-boss gives this job before taking its worker for dead.
      const leaseSeconds = Math.max(1, Math.ceil(Number(job.expireInSeconds) || config.expireSeconds))
      let outcome: DeliveryOutcome
      try {
        outcome = await deliverMessage(database, provider, job.data.messageId, { leaseSeconds, lastAttempt })
      } catch (error) {
        // Our own fault (the database, a bug) on the last try: say so on the message rather than leave it waiting forever.
        if (lastAttempt && !(error instanceof SendFailure)) {
          await markFailed(notifyDb(database.db), job.data.messageId, provider.name, `Gave up: ${(error as Error).message}`).catch(() => {})
        }
        throw error
      }
      if (outcome === 'failed') log.warn(`notify: message ${job.data.messageId} failed; see /staff/outbox`)
    }
    const redact = async (): Promise<void> => {
      const redacted = await redactOlderThan(notifyDb(database.db), config.retentionDays)
      log.info(`notify: removed recipients and text from ${redacted} messages older than ${config.retentionDays} days`)
    }
    await boss.work<SendJob>(
      SEND_QUEUE,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: config.pollingSeconds },
      ([job]) => busy.track(sendOne(job)),
    )
    await boss.schedule(RETENTION_QUEUE, '17 3 * * *', {}, { tz: 'Europe/London' })
    // A nightly job: looking for it once a minute is plenty.
    await boss.work(RETENTION_QUEUE, { pollingIntervalSeconds: 60 }, () => busy.track(redact()))
  }

  let stopping: Promise<void> | undefined
  return {
    working: work,
    stop() {
      // Waits for sends in flight, and pg-boss's own queries, up to 10 s in all, so the database is closed only after them.
      stopping ??= (async () => {
        const deadline = Date.now() + STOP_SECONDS * 1000
        try {
          await boss.stop({ graceful: true, timeout: STOP_SECONDS * 1000 })
        } catch (error) {
          log.error(`notify queue did not stop cleanly: ${(error as Error).message}`)
        }
        if (!(await busy.settled(deadline))) log.warn(`notify queue: work still in flight after ${STOP_SECONDS} s; stopping anyway`)
      })()
      return stopping
    },
  }
}

/**
 * pg-boss's stop() resolves once no handler holds a job, but a worker whose
 * fetch was in flight still runs the job that fetch brings, and completes it,
 * after that; the pool closed under it would fail those queries. So stopping
 * also waits until none of pg-boss's queries and none of our handlers is in
 * flight. (A fetched job's handler starts within the fetch's own microtasks,
 * so a check made from a timer never falls between the two.)
 */
class InFlight {
  private count = 0

  track<T>(work: Promise<T>): Promise<T> {
    this.count++
    return work.finally(() => this.count--)
  }

  /** True when nothing is in flight, false if the deadline came first. */
  async settled(deadline: number): Promise<boolean> {
    while (this.count > 0 && Date.now() < deadline) await delay(20)
    return this.count === 0
  }
}

/** What `justice worker` and `justice outbox` do, kept here so cli.ts stays a list of commands. */
import type { Config } from '../../config.js'
import type { Database } from '../db/index.js'
import { latestMessages, notifyDb, pendingCount } from './repository.js'
import { startNotifyQueue } from './worker.js'

/**
 * Sends messages until SIGTERM or SIGINT; with `drain`, until nothing is
 * waiting to be sent. Any number may run against one database.
 */
export async function runWorker(config: Config, database: Database, options: { drain: boolean; out: (line: string) => void }): Promise<void> {
  const { out } = options
  const queue = await startNotifyQueue(database, config.notify, {
    work: true,
    log: { info: out, warn: (m) => out(`warning: ${m}`), error: (m) => out(`error: ${m}`) },
  })
  out(`Sending messages through ${config.notify.provider === 'notify' ? 'GOV.UK Notify' : 'the local outbox'} (pid ${process.pid}).`)
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGTERM', stop)
    process.once('SIGINT', stop)
    if (options.drain) {
      const check = async () => {
        try {
          if ((await pendingCount(notifyDb(database.db))) === 0) return resolve()
        } catch (error) {
          out(`error: ${(error as Error).message}`)
        }
        setTimeout(check, 500).unref()
      }
      void check()
    }
  })
  await queue.stop()
  out('Worker stopped.')
}

/** The latest messages, newest first, as text for a terminal. */
export async function printOutbox(database: Database, limit: number, out: (line: string) => void): Promise<void> {
  const messages = await latestMessages(notifyDb(database.db), limit)
  if (messages.length === 0) {
    out('The outbox is empty.')
    return
  }
  for (const m of messages) {
    out(`${new Date(m.created_at).toISOString()}  ${m.status}  ${m.type}  ${m.channel}  to ${m.recipient ?? '(removed)'}  attempts ${m.attempts}`)
    if (m.last_error) out(`  reason: ${m.last_error}`)
    if (m.subject) out(`  subject: ${m.subject}`)
    for (const line of (m.body ?? '(removed after the retention period)').split('\n')) out(`  | ${line}`)
    out('')
  }
}

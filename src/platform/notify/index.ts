/**
 * Email and text messages: GOV.UK Notify, or the local outbox by default.
 * See docs/notifications.md.
 *
 *   import { sendMessage, type MessageType } from '../../platform/notify/index.js'
 *   await sendMessage(trx, { type, to: { email }, lang, personalisation, idempotencyKey })
 */
import type { FastifyInstance } from 'fastify'
import { Gauge, type Registry } from 'prom-client'
import type { Config } from '../../config.js'
import type { Database } from '../db/index.js'
import { registerMessageTypes } from './registry.js'
import { registerNotifyRoutes } from './routes.js'
import { notifyDb, statusCounts } from './repository.js'
import type { MessageType } from './types.js'
import { startNotifyQueue, type NotifyQueue } from './worker.js'

export { sendMessage } from './send.js'
export { registerMessageTypes, registeredMessageTypes, messageType } from './registry.js'
export { notifyMigrations } from './migrations.js'
export type { NotifyTables } from './schema.js'
export type { Channel, MessageStatus, MessageType, Recipient, RenderedMessage, SendMessageRequest } from './types.js'
export { startNotifyQueue, type NotifyQueue } from './worker.js'

/** The platform's own message types (services declare theirs on their JusticeService). */
export const messageTypes: MessageType[] = []

/**
 * Registers the message types and routes. When the app is ready the queue is
 * set up and a worker starts in this process (unless NOTIFY_WORKER=false); an
 * app that fails to start so never leaves a worker running. The queue stops
 * before the app closes its database.
 */
export async function registerNotify(
  app: FastifyInstance,
  options: { config: Config; database: Database; messageTypes: readonly MessageType[]; metrics?: Registry },
): Promise<void> {
  registerMessageTypes(options.messageTypes)
  registerNotifyRoutes(app, { config: options.config.notify, database: options.database })
  if (options.metrics) registerNotifyMetrics(options.metrics, options.database)
  if (options.config.production && options.config.notify.provider === 'outbox') {
    app.log.warn('NOTIFY_PROVIDER is outbox: no email or text message will leave this system')
  }
  let queue: NotifyQueue | undefined
  app.addHook('onReady', async () => {
    queue = await startNotifyQueue(options.database, options.config.notify, {
      work: options.config.notify.worker,
      log: { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m), error: (m) => app.log.error(m) },
    })
  })
  // preClose runs before every onClose hook, so sends in flight finish before the database closes.
  app.addHook('preClose', async () => {
    await queue?.stop()
  })
}

/** Messages by type, channel and status, counted when /metrics is scraped: waiting and failed messages show up in dashboards. */
function registerNotifyMetrics(registry: Registry, database: Database): void {
  new Gauge({
    name: 'justice_notify_messages',
    help: 'Email and text messages by type, channel and status',
    labelNames: ['type', 'channel', 'status'] as const,
    registers: [registry],
    async collect() {
      this.reset()
      for (const c of await statusCounts(notifyDb(database.db))) this.set({ type: c.type, channel: c.channel, status: c.status }, c.count)
    },
  })
}

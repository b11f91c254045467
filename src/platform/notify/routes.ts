/** The notify module's HTTP routes: Notify's delivery receipts, and the outbox for platform admins. */
import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { NotifyConfig } from '../../config.js'
import type { Database } from '../db/index.js'
import { pageContext } from '../http/pages.js'
import { audit } from '../audit/index.js'
import { requireRole } from '../staff/access.js'
import { identityOf } from '../staff/describe.js'
import { receiptStatus } from './failures.js'
import { outboxPage } from './pages/outbox.js'
import { latestMessages, notifyDb, recordDeliveryStatus, statusCounts } from './repository.js'
import type { Channel, MessageStatus } from './types.js'

/** Notify's delivery receipt (its "callbacks" documentation); fields we do not use are allowed. */
const receiptSchema = z.object({
  id: z.string().min(1),
  reference: z.string().nullish(),
  status: z.string().min(1),
  completed_at: z.string().nullish(),
  sent_at: z.string().nullish(),
  notification_type: z.string().optional(),
})

function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header) return false
  const match = /^Bearer (.+)$/.exec(header)
  if (!match) return false
  const given = Buffer.from(match[1] as string)
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export function registerNotifyRoutes(app: FastifyInstance, options: { config: NotifyConfig; database: Database }): void {
  const db = notifyDb(options.database.db)

  app.post('/notify/callbacks', { config: { csrf: false } }, async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, options.config.callbackToken)) {
      request.log.warn('notify callback with a missing or wrong bearer token')
      return reply.code(401).send({ error: 'Unauthorised' })
    }
    const parsed = receiptSchema.safeParse(request.body)
    if (!parsed.success) return reply.code(400).send({ error: 'Not a delivery receipt' })
    const receipt = parsed.data
    const status = receiptStatus(receipt.status)
    // Notify sends only final statuses to callbacks; anything else is noted and ignored.
    if (!status) return reply.code(204).send()
    const at = receipt.completed_at ? new Date(receipt.completed_at) : null
    const matched = await recordDeliveryStatus(db, {
      providerId: receipt.id,
      reference: receipt.reference ?? null,
      status,
      at: at && !Number.isNaN(at.getTime()) ? at : null,
    })
    // An unknown message is answered 204 too: Notify would retry an error, and retrying cannot help.
    if (!matched) request.log.warn({ notification: receipt.id }, 'delivery receipt for a message we do not know')
    return reply.code(204).send()
  })

  // Recipients and message text are personal data: platform admins only, and every view is audited.
  app.get('/staff/outbox', { config: { staff: requireRole('platform-admin') } }, async (request, reply) => {
    const [messages, counts] = await Promise.all([latestMessages(db, 50), statusCounts(db)])
    await audit(options.database.db, request, { action: 'notify.outbox.view', recordType: 'notify-messages', after: { shown: messages.length } })
    return reply.page(
      outboxPage(pageContext(request), {
        identity: identityOf(request.staff!, request.lang),
        provider: options.config.provider,
        messages: messages.map((m) => ({
          id: m.id,
          type: m.type,
          channel: m.channel,
          lang: m.lang,
          recipient: m.recipient,
          subject: m.subject,
          body: m.body,
          status: m.status,
          attempts: m.attempts,
          lastError: m.last_error,
          createdAt: new Date(m.created_at),
        })),
        counts: counts.map((c) => ({ ...c, channel: c.channel as Channel, status: c.status as MessageStatus })),
      }),
    )
  })
}

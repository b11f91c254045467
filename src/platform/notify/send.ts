/** sendMessage: the one way a module asks for an email or text message. */
import { randomUUID } from 'node:crypto'
import { messageType } from './registry.js'
import { insertMessage, notifyDb } from './repository.js'
import { enqueueSend } from './queue.js'
import type { AnyKysely, Channel, SendMessageRequest } from './types.js'

/**
 * Records the message and its sending job in the caller's transaction: both
 * are committed with the change that caused them, or neither is. Returns the
 * message id (the email's when a type goes by both email and text). Asking
 * again with the same idempotency key returns the same id and sends nothing
 * more.
 */
export async function sendMessage(db: AnyKysely, request: SendMessageRequest): Promise<string> {
  if (!db.isTransaction) {
    // A message and its job must land together; outside a transaction, make one.
    return db.transaction().execute((trx) => sendMessage(trx, request))
  }
  const definition = messageType(request.type)
  if (!definition) throw new Error(`Unknown message type "${request.type}": add it to a messageTypes list that app.ts collects`)
  const missing = definition.personalisation.filter((field) => typeof request.personalisation[field] !== 'string')
  if (missing.length > 0) throw new Error(`Message ${request.type} is missing personalisation: ${missing.join(', ')}`)
  if (!request.idempotencyKey) throw new Error('sendMessage needs an idempotency key derived from its cause')

  const addresses: [Channel, string | undefined][] = [
    ['email', request.to.email],
    ['sms', request.to.phone],
  ]
  const targets = addresses.filter((a): a is [Channel, string] => definition.channels.includes(a[0]) && Boolean(a[1]?.trim()))
  if (targets.length === 0) {
    throw new Error(`Message ${request.type} goes by ${definition.channels.join(' or ')}, and no such address was given`)
  }

  const rendered = definition.render(request.lang, request.personalisation)
  const personalisation = Object.fromEntries(definition.personalisation.map((f) => [f, request.personalisation[f] as string]))
  const ids: string[] = []
  for (const [channel, address] of targets) {
    const { id, inserted } = await insertMessage(notifyDb(db), {
      id: randomUUID(),
      idempotencyKey: request.idempotencyKey,
      type: request.type,
      channel,
      lang: request.lang,
      recipient: address.trim(),
      subject: channel === 'email' ? (rendered.subject ?? null) : null,
      body: rendered.body,
      personalisation,
    })
    if (inserted) await enqueueSend(db, { messageId: id })
    ids.push(id)
  }
  return ids[0] as string
}

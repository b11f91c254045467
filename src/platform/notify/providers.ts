/**
 * Where messages go. GOV.UK Notify in production; the local outbox (the
 * message row itself, shown at /staff/outbox) by default, so development and
 * tests need no account.
 */
import axios from 'axios'
import { NotifyClient } from 'notifications-node-client'
import type { NotifyConfig } from '../../config.js'
import { SendFailure, describeSendError, templateIdFor } from './failures.js'
import type { MessageRow } from './repository.js'
import type { ProviderName } from './types.js'

export interface MessageProvider {
  name: ProviderName
  /**
   * Whether an earlier attempt at this message reached the provider (the
   * worker died, or the answer never came): the provider's id if it did.
   */
  alreadySent(message: MessageRow): Promise<string | null>
  /** Sends; throws SendFailure. Returns the provider's id for the message. */
  send(message: MessageRow): Promise<string | null>
}

/** The local outbox: the row already holds the rendered message, so "sending" is marking it sent. */
export const outboxProvider: MessageProvider = {
  name: 'outbox',
  alreadySent: async () => null,
  send: async () => null,
}

const PRODUCTION_API = 'https://api.notifications.service.gov.uk'

interface NotifyResponse<T> {
  data: T
}

export function notifyProvider(config: NotifyConfig): MessageProvider {
  if (!config.apiKey) throw new Error('GOV.UK Notify needs NOTIFY_API_KEY')
  const client = new NotifyClient(config.baseUrl ?? PRODUCTION_API, config.apiKey)
  // Without a timeout a hung connection would hold the message until the job expires.
  client.setClient(axios.create({ timeout: config.timeoutMs }) as never)

  return {
    name: 'notify',
    async alreadySent(message) {
      try {
        const response = (await client.getNotifications(undefined, undefined, message.id)) as NotifyResponse<{ notifications: { id: string; reference?: string }[] }>
        const match = response.data.notifications.find((n) => n.reference === message.id)
        return match?.id ?? null
      } catch (error) {
        // Not knowing is not permission to send again: try the whole attempt later.
        const failure = describeSendError(error)
        throw new SendFailure('retry', `Could not check whether GOV.UK Notify already has this message. ${failure.message}`)
      }
    },
    async send(message) {
      if (!message.recipient || message.body === null) throw new SendFailure('permanent', 'The message was deleted before it was sent')
      const templateId = templateIdFor(config, message.type, message.channel, message.lang)
      if (!templateId) throw new SendFailure('permanent', `No GOV.UK Notify template is configured for ${message.type} by ${message.channel}`)
      // The words are ours (English or Welsh, from code): a generic template shows ((subject)) and ((body)).
      const personalisation: Record<string, string> = { ...(message.personalisation ?? {}), body: message.body }
      if (message.channel === 'email') personalisation.subject = message.subject ?? ''
      try {
        const response = (
          message.channel === 'email'
            ? await client.sendEmail(templateId, message.recipient, { personalisation, reference: message.id })
            : await client.sendSms(templateId, message.recipient, { personalisation, reference: message.id })
        ) as NotifyResponse<{ id: string }>
        return response.data.id
      } catch (error) {
        throw describeSendError(error)
      }
    },
  }
}

export function providerFor(config: NotifyConfig): MessageProvider {
  return config.provider === 'notify' ? notifyProvider(config) : outboxProvider
}

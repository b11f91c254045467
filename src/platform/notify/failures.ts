/**
 * What to do when a provider says no, and what a delivery receipt means.
 * Pure functions, so the rules are tested without a network.
 */
import type { Channel, MessageStatus } from './types.js'

export type FailureKind = 'retry' | 'permanent'

/** A failed send, with what to do about it and a reason a member of staff can read. */
export class SendFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    reason: string,
  ) {
    super(reason)
  }
}

/**
 * Notify's documented errors: 400 (bad recipient, template or personalisation)
 * and 403 (bad key) will not get better by trying again; 429 (rate limit), 5xx
 * and anything that never got an answer (timeout, connection reset) might.
 */
export function classifyHttpFailure(status: number | undefined): FailureKind {
  if (status === undefined) return 'retry'
  if (status === 429 || status >= 500) return 'retry'
  if (status === 408) return 'retry'
  return 'permanent'
}

interface HttpLikeError {
  code?: unknown
  message?: unknown
  response?: { status?: unknown; data?: unknown }
}

/** Turns a client error (axios under notifications-node-client) into a SendFailure. */
export function describeSendError(error: unknown): SendFailure {
  if (error instanceof SendFailure) return error
  const e = (error ?? {}) as HttpLikeError
  const status = typeof e.response?.status === 'number' ? e.response.status : undefined
  if (status === undefined) {
    const code = typeof e.code === 'string' ? e.code : ''
    const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(String(e.message ?? ''))
    return new SendFailure('retry', timedOut ? 'No answer from GOV.UK Notify in time' : `Could not reach GOV.UK Notify${code ? ` (${code})` : ''}`)
  }
  const details = notifyErrorMessages(e.response?.data)
  return new SendFailure(classifyHttpFailure(status), `GOV.UK Notify answered ${status}${details ? `: ${details}` : ''}`)
}

/** Notify's error body: `{ status_code, errors: [{ error, message }] }`. */
function notifyErrorMessages(data: unknown): string {
  const errors = (data as { errors?: unknown } | undefined)?.errors
  if (!Array.isArray(errors)) return ''
  return errors
    .map((x: { error?: unknown; message?: unknown }) => [x.error, x.message].filter((v) => typeof v === 'string').join(' - '))
    .filter(Boolean)
    .join('; ')
    .slice(0, 500)
}

const RECEIPT_STATUSES: Record<string, MessageStatus> = {
  delivered: 'delivered',
  'permanent-failure': 'permanent-failure',
  'temporary-failure': 'temporary-failure',
  'technical-failure': 'technical-failure',
}

/** Notify's delivery-receipt status in our terms; undefined for a status we do not track (sending, pending). */
export function receiptStatus(status: string): MessageStatus | undefined {
  return RECEIPT_STATUSES[status]
}

/**
 * The template for a message: the most specific configured one wins
 * (`type:channel:lang`, then `type:channel`, then `type`), else the generic
 * template for the channel.
 */
export function templateIdFor(
  config: { emailTemplateId: string | undefined; smsTemplateId: string | undefined; templateIds: Record<string, string> },
  type: string,
  channel: Channel,
  lang: string,
): string | undefined {
  return (
    config.templateIds[`${type}:${channel}:${lang}`] ??
    config.templateIds[`${type}:${channel}`] ??
    config.templateIds[type] ??
    (channel === 'email' ? config.emailTemplateId : config.smsTemplateId)
  )
}

/** What a module declares about each message it sends, and what a sender asks for. */
import type { Kysely } from 'kysely'
import type { Language } from '../i18n/index.js'

/**
 * Any module's Kysely, or a transaction over it. Kysely's database type is
 * invariant, so no narrower type accepts them all; the notify module runs only
 * its own SQL through it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKysely = Kysely<any>

export type Channel = 'email' | 'sms'

export interface RenderedMessage {
  /** Email subject; ignored for text messages. */
  subject?: string
  body: string
}

export interface MessageType<F extends string = string> {
  /** Unique, kebab-case, prefixed by the module that sends it: `journey-save-link`. */
  type: string
  channels: readonly Channel[]
  /** Names of the personalisation fields `render` uses; a missing one is a programming error. */
  personalisation: readonly F[]
  /** The message's words, in English or Welsh; texts live in code so Notify templates stay generic. */
  render(lang: Language, personalisation: Record<F, string>): RenderedMessage
}

export interface Recipient {
  email?: string
  /** A UK mobile number, for text messages. */
  phone?: string
}

export interface SendMessageRequest {
  type: string
  to: Recipient
  lang: Language
  personalisation: Record<string, string>
  /**
   * Derived from the cause, e.g. `journey-save:${draftId}:${n}`. Asking twice
   * with the same key sends once.
   */
  idempotencyKey: string
}

/**
 * A message's life: queued -> sending -> sent (accepted by the provider) ->
 * delivered or one of Notify's failures (from delivery receipts). `failed` is
 * ours: the provider refused it, or every retry was used up.
 */
export const MESSAGE_STATUSES = [
  'queued',
  'sending',
  'retrying',
  'sent',
  'delivered',
  'permanent-failure',
  'temporary-failure',
  'technical-failure',
  'failed',
] as const
export type MessageStatus = (typeof MESSAGE_STATUSES)[number]

export type ProviderName = 'outbox' | 'notify'

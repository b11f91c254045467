/**
 * The "save and come back later" email, sent through the platform's
 * notifications module inside the same transaction that saves the draft and
 * creates the link: committed together or not at all.
 */
import type { Kysely } from 'kysely'
import type { PlatformTables } from '../db/index.js'
import type { Language } from '../i18n/index.js'
import { sendMessage, type MessageType } from '../notify/index.js'
import { journeyText } from './text.js'

export const SAVE_LINK_MESSAGE = 'journey-save-link'

/** The journey engine's message types, collected in src/app.ts. */
export const messageTypes: MessageType[] = [
  {
    type: SAVE_LINK_MESSAGE,
    channels: ['email'],
    personalisation: ['link', 'expires'],
    render: (lang, p) => {
      const t = journeyText(lang).save
      return { subject: t.emailSubject, body: t.emailBody(p.link ?? '', p.expires ?? '') }
    },
  },
]

export async function sendSaveLink(
  trx: Kysely<PlatformTables>,
  message: { email: string; lang: Language; link: string; expires: string; idempotencyKey: string },
): Promise<void> {
  await sendMessage(trx, {
    type: SAVE_LINK_MESSAGE,
    to: { email: message.email },
    lang: message.lang,
    personalisation: { link: message.link, expires: message.expires },
    idempotencyKey: message.idempotencyKey,
  })
}

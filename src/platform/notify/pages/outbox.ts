/** /staff/outbox: what was sent, to whom, and what went wrong. */
import { html, type SafeHtml } from '../../ui/html.js'
import { govukSummaryList, govukTable, govukTag } from '../../ui/govuk/index.js'
import type { PageContext } from '../../ui/layouts/page.js'
import { staffPage, type StaffIdentity } from '../../staff/pages/layout.js'
import { formatDate, formatTime } from '../../i18n/index.js'
import { en } from '../locales/en.js'
import { cy } from '../locales/cy.js'
import type { Channel, MessageStatus, ProviderName } from '../types.js'

export interface OutboxMessageView {
  id: string
  type: string
  channel: Channel
  lang: 'en' | 'cy'
  recipient: string | null
  subject: string | null
  body: string | null
  status: MessageStatus
  attempts: number
  lastError: string | null
  createdAt: Date
}

export interface OutboxView {
  identity: StaffIdentity
  provider: ProviderName
  messages: OutboxMessageView[]
  counts: { type: string; channel: Channel; status: MessageStatus; count: number }[]
}

const TAG_CLASSES: Record<MessageStatus, string> = {
  queued: 'govuk-tag--grey',
  sending: 'govuk-tag--blue',
  retrying: 'govuk-tag--yellow',
  sent: 'govuk-tag--turquoise',
  delivered: 'govuk-tag--green',
  'permanent-failure': 'govuk-tag--red',
  'temporary-failure': 'govuk-tag--orange',
  'technical-failure': 'govuk-tag--red',
  failed: 'govuk-tag--red',
}

/** Paragraphs from the message's lines, as the recipient sees them. */
function messageText(body: string): SafeHtml {
  return html`${body.split(/\n{2,}/).map((para) => html`<p class="govuk-body">${para.split('\n').map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</p>`)}`
}

export function outboxPage(ctx: PageContext, view: OutboxView): SafeHtml {
  const t = (ctx.lang === 'cy' ? cy : en).outbox
  const cards = view.messages.map((m) => {
    const removed = m.body === null
    return govukSummaryList({
      card: { title: { text: `${m.type} · ${t.channels[m.channel]}` } },
      rows: [
        { key: { text: t.to }, value: { text: m.recipient ?? t.removed } },
        { key: { text: t.created }, value: { text: `${formatDate(m.createdAt, ctx.lang)} ${formatTime(m.createdAt, ctx.lang)}` } },
        { key: { text: t.language }, value: { text: t.languages[m.lang] } },
        { key: { text: t.status }, value: { html: govukTag({ text: t.statuses[m.status], classes: TAG_CLASSES[m.status] }) } },
        { key: { text: t.attempts }, value: { text: String(m.attempts) } },
        m.lastError ? { key: { text: t.reason }, value: { text: m.lastError } } : null,
        m.channel === 'email' && !removed ? { key: { text: t.subject }, value: { text: m.subject ?? '' } } : null,
        { key: { text: t.message }, value: removed ? { text: t.removed } : { html: messageText(m.body ?? '') } },
      ].filter((row) => row !== null),
    })
  })
  return staffPage(ctx, {
    identity: view.identity,
    title: t.title,
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-full">
    <h1 class="govuk-heading-l">${t.title}</h1>
    <p class="govuk-body">${t.intro}</p>
    <p class="govuk-body">${t.provider(t.providers[view.provider])}</p>
    ${view.counts.length > 0
      ? govukTable({
          caption: t.counts,
          captionClasses: 'govuk-table__caption--m',
          head: [{ text: t.type }, { text: t.channel }, { text: t.status }, { text: t.count, format: 'numeric' }],
          rows: view.counts.map((c) => [{ text: c.type }, { text: t.channels[c.channel] }, { text: t.statuses[c.status] }, { text: c.count, format: 'numeric' }]),
        })
      : ''}
    ${view.messages.length === 0 ? html`<p class="govuk-body">${t.empty}</p>` : cards}
  </div>
</div>`,
  })
}

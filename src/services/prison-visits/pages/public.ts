/** The start page, the confirmation and manage-a-visit pages. */
import type { Language } from '../../../platform/i18n/index.js'
import { html, type SafeHtml } from '../../../platform/ui/html.js'
import { govukButton, govukErrorSummary, govukPanel, govukRadios, govukSummaryList, govukInsetText } from '../../../platform/ui/govuk/index.js'
import { govukPage, type PageContext } from '../../../platform/ui/layouts/page.js'
import { platformText } from '../../../platform/i18n/platform.js'
import { visitText } from '../locales/index.js'

export function startPage(ctx: PageContext): SafeHtml {
  const t = visitText(ctx.lang).start
  return govukPage(ctx, {
    title: t.title,
    mainClasses: 'govuk-main-wrapper--l',
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-xl">${t.title}</h1>
<p class="govuk-body">${t.intro}</p>
<h2 class="govuk-heading-m">${t.needHeading}</h2>
<ul class="govuk-list govuk-list--bullet">${t.need.map((n) => html`<li>${n}</li>`)}</ul>
<p class="govuk-body">${t.instant}</p>
${govukButton({ text: t.start, href: `/prison-visits/book/prison${ctx.lang === 'cy' ? '?lang=cy' : ''}`, isStartButton: true })}
<h2 class="govuk-heading-m">${t.manageHeading}</h2>
<p class="govuk-body">${t.manage}</p>
</div></div>`,
  })
}

export interface VisitSummaryView {
  reference: string
  state: string
  prison: string
  when: string
  visitors: string[]
  reasons: string[]
  prisonReasons: string[]
  staffMessage: string | null
}

export function confirmationPage(ctx: PageContext, v: VisitSummaryView & { feedbackHref: string }): SafeHtml {
  const t = visitText(ctx.lang).confirmation
  const booked = v.state === 'booked'
  const title = booked ? t.bookedTitle : t.requestedTitle
  return govukPage(ctx, {
    title,
    mainClasses: 'govuk-main-wrapper--l',
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${govukPanel({ titleText: title, html: html`${t.reference}<br><strong>${v.reference}</strong>` })}
<p class="govuk-body">${booked ? t.bookedBody(v.prison, v.when) : t.requestedBody(v.prison, v.when)}</p>
${booked ? html`<p class="govuk-body">${t.bookedDetail}</p>` : html`<h2 class="govuk-heading-m">${t.why}</h2><ul class="govuk-list govuk-list--bullet">${v.reasons.map((r) => html`<li>${r}</li>`)}</ul>`}
<p class="govuk-body">${t.sent}</p>
<p class="govuk-body"><a class="govuk-link" href="${v.feedbackHref}">${t.feedback}</a></p>
</div></div>`,
  })
}

export interface ManageView extends VisitSummaryView {
  canCancel: 'cancelled' | 'withdrawn' | undefined
  isPast: boolean
  csrf: string
  action: string
  error?: string
  reason?: string
  done?: boolean
}

export function managePage(ctx: PageContext, v: ManageView): SafeHtml {
  const t = visitText(ctx.lang).manage
  const reasonItems = Object.entries(t.reasons).map(([value, text]) => ({ value, text, checked: v.reason === value }))
  return govukPage(ctx, {
    title: t.title,
    hasErrors: Boolean(v.error),
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${v.error ? govukErrorSummary({ titleText: platformText(ctx.lang).errorSummaryTitle, errorList: [{ text: v.error, href: '#reason' }] }) : ''}
<h1 class="govuk-heading-l">${t.title}</h1>
${v.done ? govukInsetText({ text: t.done }) : ''}
${govukSummaryList({
  rows: [
    { key: { text: t.reference }, value: { text: v.reference } },
    { key: { text: t.status }, value: { text: t.states[v.state] ?? v.state } },
    { key: { text: t.prison }, value: { text: v.prison } },
    { key: { text: t.when }, value: { text: v.when } },
    { key: { text: t.visitors }, value: { html: html`${v.visitors.map((x, i) => html`${i ? html`<br>` : ''}${x}`)}` } },
  ],
})}
${v.prisonReasons.length ? html`<h2 class="govuk-heading-m">${t.prisonReasons}</h2><ul class="govuk-list govuk-list--bullet">${v.prisonReasons.map((r) => html`<li>${r}</li>`)}</ul>` : ''}
${v.staffMessage ? govukInsetText({ text: v.staffMessage }) : ''}
${v.isPast && v.state === 'booked' ? html`<p class="govuk-body">${t.pastNote}</p>` : ''}
${v.canCancel
  ? html`<h2 class="govuk-heading-m">${v.canCancel === 'cancelled' ? t.cancelHeading : t.withdrawHeading}</h2>
<form method="post" action="${v.action}" novalidate>
<input type="hidden" name="_csrf" value="${v.csrf}">
${govukRadios({ idPrefix: 'reason', name: 'reason', fieldset: { legend: { text: t.reasonLegend, classes: 'govuk-fieldset__legend--s' } }, items: reasonItems, errorMessage: v.error ? { text: v.error } : undefined })}
${govukButton({ text: v.canCancel === 'cancelled' ? t.cancel : t.withdraw, classes: 'govuk-button--warning' })}
</form>`
  : ''}
</div></div>`,
  })
}

export function invalidLinkPage(ctx: PageContext): SafeHtml {
  const t = visitText(ctx.lang).manage
  return govukPage(ctx, { title: t.invalid, content: html`<h1 class="govuk-heading-l">${t.invalid}</h1><p class="govuk-body">${t.invalidBody}</p>` })
}

export function languageOf(ctx: { lang: Language }): Language {
  return ctx.lang
}

export function tooManyAttemptsPage(ctx: PageContext): SafeHtml {
  const t = visitText(ctx.lang).prisoner
  return govukPage(ctx, { title: t.tooMany, content: html`<h1 class="govuk-heading-l">${t.tooMany}</h1>` })
}

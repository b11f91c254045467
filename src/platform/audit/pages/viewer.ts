/** The audit viewer: filters, the newest matching events, and a CSV link. */
import { html, type SafeHtml } from '../../ui/html.js'
import { govukButton, govukInput, govukTable } from '../../ui/govuk/index.js'
import type { PageContext } from '../../ui/layouts/page.js'
import { formatDate, formatTime } from '../../i18n/index.js'
import { staffText } from '../../staff/locales/index.js'
import { errorFor, staffPage, type FieldError, type StaffIdentity } from '../../staff/pages/layout.js'
import type { AuditRow } from '../repository.js'

export interface AuditViewModel {
  identity: StaffIdentity
  filters: { person: string; recordType: string; recordId: string; action: string; from: string; to: string }
  events: AuditRow[]
  csvUrl: string
  errors?: FieldError[]
}

export function auditPage(ctx: PageContext, model: AuditViewModel): SafeHtml {
  const t = staffText(ctx.lang).audit
  const f = model.filters
  const input = (name: keyof AuditViewModel['filters'], label: string, classes = '') =>
    html`<div class="govuk-grid-column-one-third">${govukInput({ name, label: { text: label }, value: f[name], classes, spellcheck: false, errorMessage: errorFor(model.errors, name) })}</div>`
  return staffPage(ctx, {
    title: t.title,
    identity: model.identity,
    active: 'audit',
    errors: model.errors,
    content: html`<h1 class="govuk-heading-l">${t.title}</h1>
<form method="get" action="/staff/audit" novalidate>
  <fieldset class="govuk-fieldset">
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${t.filters}</legend>
    <div class="govuk-grid-row">
      ${input('person', t.person)}${input('action', t.action)}${input('recordType', t.recordType)}
    </div>
    <div class="govuk-grid-row">
      ${input('recordId', t.recordId)}${input('from', t.from, 'govuk-input--width-10')}${input('to', t.to, 'govuk-input--width-10')}
    </div>
  </fieldset>
  ${govukButton({ text: t.apply, classes: 'govuk-button--secondary' })}
</form>
<p class="govuk-body"><a class="govuk-link" href="${model.csvUrl}" download>${t.csv}</a></p>
${model.events.length === 0
  ? html`<p class="govuk-body">${t.none}</p>`
  : html`<p class="govuk-body">${t.showing(model.events.length)}</p>
${govukTable({
  caption: t.caption,
  captionClasses: 'govuk-table__caption--s',
  classes: 'app-audit-table govuk-!-font-size-16',
  head: [{ text: '#' }, { text: t.at }, { text: t.who }, { text: t.action }, { text: t.record }, { text: t.ip }],
  rows: model.events.map((e) => [
    { text: e.id },
    { text: `${formatDate(e.at, ctx.lang)} ${formatTime(e.at, ctx.lang)}` },
    { text: e.actorEmail ?? t.system },
    { text: e.action },
    { text: e.recordType ? `${e.recordType} ${e.recordId ?? ''}`.trim() : '' },
    { text: e.ip ?? '' },
  ]),
})}`}`,
  })
}

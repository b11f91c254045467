/** Staff pages: the prisons in scope, a day's visits, the requests queue, a visit, search, blocked dates, a prisoner. */
import { html, type SafeHtml } from '../../../platform/ui/html.js'
import { govukButton, govukCheckboxes, govukDateInput, govukInput, govukSummaryList, govukTable, govukTag, govukTextarea, govukWarningText } from '../../../platform/ui/govuk/index.js'
import type { PageContext } from '../../../platform/ui/layouts/page.js'
import { staffPage, type StaffIdentity } from '../../../platform/staff/index.js'
import type { VisitRow } from '../staff-repository.js'

export interface FieldError {
  field: string
  text: string
}

/** A form that posts with its CSRF token; `novalidate` so our own messages show. */
function postForm(action: string, csrf: string, body: SafeHtml): SafeHtml {
  return html`<form method="post" action="${action}" novalidate><input type="hidden" name="_csrf" value="${csrf}">${body}</form>`
}

const err = (errors: readonly FieldError[] | undefined, field: string) => {
  const e = errors?.find((x) => x.field === field)
  return e ? { text: e.text } : undefined
}

function nav(prison: string, active: string): SafeHtml {
  const items = [
    ['Visits by day', `/staff/prison-visits/${prison}`],
    ['Requests', `/staff/prison-visits/${prison}/requests`],
    ['Search', `/staff/prison-visits/${prison}/search`],
    ['Blocked dates', `/staff/prison-visits/${prison}/blocked-dates`],
    ['Sessions', `/staff/prison-visits/${prison}/sessions`],
    ['Book for someone', `/staff/prison-visits/${prison}/book`],
  ] as const
  return html`<nav class="moj-sub-navigation" aria-label="Prison visits"><ul class="moj-sub-navigation__list">${items.map(
    ([text, href]) => html`<li class="moj-sub-navigation__item"><a class="moj-sub-navigation__link" href="${href}"${active === text ? html` aria-current="page"` : ''}>${text}</a></li>`,
  )}</ul></nav>`
}

function visitsTable(rows: readonly VisitRow[], prison: string, options: { overdue?: ReadonlySet<string> } = {}): SafeHtml {
  return govukTable({
    head: [{ text: 'Reference' }, { text: 'Date' }, { text: 'Time' }, { text: 'Lead visitor' }, { text: 'Visitors' }, { text: 'Prisoner' }, { text: 'Status' }],
    rows: rows.map((r) => [
      { html: html`<a class="govuk-link" href="/staff/prison-visits/${prison}/visits/${r.reference}">${r.reference}</a>` },
      { text: r.date },
      { text: `${r.startTime}–${r.endTime}` },
      { text: r.leadVisitor },
      { text: String(r.visitorCount), format: 'numeric' },
      { text: r.prisonerNumber },
      {
        html: html`${govukTag({ text: r.state, classes: r.state === 'requested' ? 'govuk-tag--yellow' : r.state === 'booked' ? 'govuk-tag--green' : 'govuk-tag--grey' })}${options.overdue?.has(r.id) ? html` ${govukTag({ text: 'Over 3 working days', classes: 'govuk-tag--red' })}` : ''}${r.place === 'closed' ? html` ${govukTag({ text: 'Closed', classes: 'govuk-tag--purple' })}` : ''}`,
      },
    ]),
  })
}

export function prisonsPage(ctx: PageContext, identity: StaffIdentity, prisons: readonly { code: string; name: string }[]): SafeHtml {
  return staffPage(ctx, {
    title: 'Prison visits',
    identity,
    content: html`<h1 class="govuk-heading-l">Prison visits</h1>
<ul class="govuk-list">${prisons.map((p) => html`<li><a class="govuk-link" href="/staff/prison-visits/${p.code}">${p.name}</a></li>`)}</ul>`,
  })
}

export interface DayView {
  prison: { code: string; name: string }
  date: string
  previous: string
  next: string
  sessions: { startTime: string; endTime: string; openCapacity: number; closedCapacity: number; openTaken: number; closedTaken: number; visits: VisitRow[] }[]
}

export function dayPage(ctx: PageContext, identity: StaffIdentity, v: DayView): SafeHtml {
  return staffPage(ctx, {
    title: `Visits on ${v.date} – ${v.prison.name}`,
    identity,
    content: html`${nav(v.prison.code, 'Visits by day')}
<h1 class="govuk-heading-l">Visits on ${v.date} <span class="govuk-caption-m">${v.prison.name}</span></h1>
<p class="govuk-body"><a class="govuk-link" href="?date=${v.previous}">Previous day</a> · <a class="govuk-link" href="?date=${v.next}">Next day</a> · <a class="govuk-link" href="/staff/prison-visits/${v.prison.code}/visits.csv?date=${v.date}">Download as CSV</a></p>
<form method="get" class="govuk-!-margin-bottom-6">${govukInput({ id: 'date', name: 'date', type: 'date', label: { text: 'Go to date' }, value: v.date, classes: 'govuk-input--width-10' })}${govukButton({ text: 'Show visits', classes: 'govuk-button--secondary' })}</form>
${v.sessions.length === 0 ? html`<p class="govuk-body">No visiting sessions on this day.</p>` : ''}
${v.sessions.map(
  (s) => html`<h2 class="govuk-heading-m">${s.startTime} to ${s.endTime}</h2>
<p class="govuk-body">Open: ${s.openTaken} of ${s.openCapacity} booked. Closed: ${s.closedTaken} of ${s.closedCapacity} booked.${s.openTaken > s.openCapacity ? ' Overbooked.' : ''}</p>
${s.visits.length ? visitsTable(s.visits, v.prison.code) : html`<p class="govuk-body">No visits.</p>`}`,
)}`,
  })
}

export function requestsPage(ctx: PageContext, identity: StaffIdentity, prison: { code: string; name: string }, rows: readonly VisitRow[], overdue: ReadonlySet<string>): SafeHtml {
  return staffPage(ctx, {
    title: `Requests – ${prison.name}`,
    identity,
    content: html`${nav(prison.code, 'Requests')}
<h1 class="govuk-heading-l">Visit requests <span class="govuk-caption-m">${prison.name}</span></h1>
<p class="govuk-body">Oldest first. Visitors are told we reply within 3 working days.</p>
${rows.length ? visitsTable(rows, prison.code, { overdue }) : html`<p class="govuk-body">There are no requests waiting.</p>`}`,
  })
}

export interface VisitView {
  prison: { code: string; name: string }
  reference: string
  state: string
  date: string
  time: string
  place: string
  prisoner: { number: string; name: string } | undefined
  visitors: { id: number; name: string; dateOfBirth: string; notAllowed: boolean; lead: boolean }[]
  contact: string
  support: string
  requestReasons: string[]
  prisonReasons: string[]
  staffMessage: string | null
  csrf: string
  canDecide: boolean
  canCancel: boolean
  rejectionReasons: readonly { value: string; text: string }[]
  cancellationReasons: readonly { value: string; text: string }[]
  errors?: FieldError[]
  posted?: { reasons?: string[]; message?: string; notAllowed?: string[] }
}

export function visitPage(ctx: PageContext, identity: StaffIdentity, v: VisitView): SafeHtml {
  const base = `/staff/prison-visits/${v.prison.code}/visits/${v.reference}`
  return staffPage(ctx, {
    title: `Visit ${v.reference}`,
    identity,
    errors: v.errors,
    backLink: { href: `/staff/prison-visits/${v.prison.code}/requests` },
    content: html`<h1 class="govuk-heading-l">Visit ${v.reference} <span class="govuk-caption-m">${v.prison.name}</span></h1>
${govukSummaryList({
  rows: [
    { key: { text: 'Status' }, value: { text: v.state } },
    { key: { text: 'Date and time' }, value: { text: `${v.date}, ${v.time}` } },
    { key: { text: 'Place' }, value: { text: v.place } },
    { key: { text: 'Prisoner' }, value: { html: v.prisoner ? html`<a class="govuk-link" href="/staff/prison-visits/${v.prison.code}/prisoners/${v.prisoner.number}">${v.prisoner.name} (${v.prisoner.number})</a>` : html`` } },
    { key: { text: 'Visitors' }, value: { html: html`${v.visitors.map((x, i) => html`${i ? html`<br>` : ''}${x.name}, born ${x.dateOfBirth}${x.lead ? ' (lead)' : ''}${x.notAllowed ? ' – not allowed' : ''}`)}` } },
    { key: { text: 'Contact' }, value: { text: v.contact } },
    { key: { text: 'Support needed' }, value: { text: v.support || 'None' } },
    ...(v.requestReasons.length ? [{ key: { text: 'Why it is a request' }, value: { html: html`${v.requestReasons.map((r, i) => html`${i ? html`<br>` : ''}${r}`)}` } }] : []),
    ...(v.prisonReasons.length ? [{ key: { text: 'Prison’s reasons' }, value: { html: html`${v.prisonReasons.map((r, i) => html`${i ? html`<br>` : ''}${r}`)}` } }] : []),
    ...(v.staffMessage ? [{ key: { text: 'Message to visitor' }, value: { text: v.staffMessage } }] : []),
  ],
})}
${v.canDecide
  ? html`<h2 class="govuk-heading-m">Decide this request</h2>
${postForm(
  `${base}/decision`,
  v.csrf,
  html`${govukCheckboxes({
    idPrefix: 'notAllowed',
    name: 'notAllowed',
    fieldset: { legend: { text: 'Visitors not allowed (optional)', classes: 'govuk-fieldset__legend--s' } },
    hint: { text: 'If the lead visitor is not allowed, the whole visit is rejected.' },
    items: v.visitors.map((x) => ({ value: String(x.id), text: x.name, checked: v.posted?.notAllowed?.includes(String(x.id)) })),
  })}
${govukCheckboxes({
  idPrefix: 'reasons',
  name: 'reasons',
  fieldset: { legend: { text: 'Reasons for rejecting (when rejecting)', classes: 'govuk-fieldset__legend--s' } },
  items: v.rejectionReasons.map((r) => ({ value: r.value, text: r.text, checked: v.posted?.reasons?.includes(r.value) })),
  errorMessage: err(v.errors, 'reasons'),
})}
${govukTextarea({ id: 'message', name: 'message', label: { text: 'Message to the visitor (optional; needed for “other”)' }, value: v.posted?.message ?? '', errorMessage: err(v.errors, 'message') })}
<div class="govuk-button-group">${govukButton({ text: 'Approve', name: 'decision', value: 'approve' })}${govukButton({ text: 'Reject', name: 'decision', value: 'reject', classes: 'govuk-button--warning' })}</div>`,
)}`
  : ''}
${v.canCancel
  ? html`<h2 class="govuk-heading-m">Cancel this visit</h2>
${postForm(
  `${base}/cancel`,
  v.csrf,
  html`${govukCheckboxes({
    idPrefix: 'cancelReasons',
    name: 'reasons',
    fieldset: { legend: { text: 'Reasons', classes: 'govuk-fieldset__legend--s' } },
    items: v.cancellationReasons.map((r) => ({ value: r.value, text: r.text })),
    errorMessage: err(v.errors, 'cancelReasons'),
  })}
${govukTextarea({ id: 'cancelMessage', name: 'message', label: { text: 'Message to the visitor (optional)' } })}
${govukButton({ text: 'Cancel visit and tell the visitor', classes: 'govuk-button--warning' })}`,
)}`
  : ''}`,
  })
}

export function searchPage(ctx: PageContext, identity: StaffIdentity, prison: { code: string; name: string }, q: string, rows: readonly VisitRow[] | undefined, prisoners: readonly { number: string; name: string }[] = []): SafeHtml {
  return staffPage(ctx, {
    title: `Search – ${prison.name}`,
    identity,
    content: html`${nav(prison.code, 'Search')}
<h1 class="govuk-heading-l">Search visits <span class="govuk-caption-m">${prison.name}</span></h1>
<form method="get">${govukInput({ id: 'q', name: 'q', label: { text: 'Reference, prisoner number, prisoner’s last name or visitor’s name' }, value: q })}${govukButton({ text: 'Search' })}</form>
${prisoners.length ? html`<h2 class="govuk-heading-m">Prisoners</h2><ul class="govuk-list">${prisoners.map((p) => html`<li><a class="govuk-link" href="/staff/prison-visits/${prison.code}/prisoners/${p.number}">${p.name} (${p.number})</a></li>`)}</ul>` : ''}
${rows === undefined ? '' : rows.length ? visitsTable(rows, prison.code) : html`<p class="govuk-body">No visits found.</p>`}`,
  })
}

export interface BlockedView {
  prison: { code: string; name: string }
  csrf: string
  blocked: { date: string; startTime: string; reason: string | null }[]
  errors?: FieldError[]
  posted?: { day?: string; month?: string; year?: string; startTime?: string; reason?: string }
  affected?: { date: string; startTime: string | null; visits: VisitRow[] }
}

export function blockedDatesPage(ctx: PageContext, identity: StaffIdentity, v: BlockedView): SafeHtml {
  const action = `/staff/prison-visits/${v.prison.code}/blocked-dates`
  const dateErr = err(v.errors, 'date')
  return staffPage(ctx, {
    title: `Blocked dates – ${v.prison.name}`,
    identity,
    errors: v.errors,
    content: html`${nav(v.prison.code, 'Blocked dates')}
<h1 class="govuk-heading-l">Blocked dates <span class="govuk-caption-m">${v.prison.name}</span></h1>
${v.affected
  ? html`${govukWarningText({ text: `${v.affected.visits.length} visits are booked or requested for ${v.affected.date}${v.affected.startTime ? ` at ${v.affected.startTime}` : ''}.` })}
${v.affected.visits.length ? visitsTable(v.affected.visits, v.prison.code) : ''}
${postForm(
  action,
  v.csrf,
  html`<input type="hidden" name="day" value="${v.posted?.day ?? ''}"><input type="hidden" name="month" value="${v.posted?.month ?? ''}"><input type="hidden" name="year" value="${v.posted?.year ?? ''}">
<input type="hidden" name="startTime" value="${v.posted?.startTime ?? ''}"><input type="hidden" name="reason" value="${v.posted?.reason ?? ''}"><input type="hidden" name="confirm" value="yes">
${govukCheckboxes({ idPrefix: 'cancelAffected', name: 'cancelAffected', items: [{ value: 'yes', text: 'Cancel these visits and tell each visitor', checked: true }] })}
${govukButton({ text: 'Block and continue' })}`,
)}`
  : postForm(
      action,
      v.csrf,
      html`${govukDateInput({
        id: 'date',
        namePrefix: '',
        fieldset: { legend: { text: 'Date to block', classes: 'govuk-fieldset__legend--s' } },
        errorMessage: dateErr,
        items: [
          { id: 'date', name: 'day', label: 'Day', classes: 'govuk-input--width-2', value: v.posted?.day },
          { name: 'month', label: 'Month', classes: 'govuk-input--width-2', value: v.posted?.month },
          { name: 'year', label: 'Year', classes: 'govuk-input--width-4', value: v.posted?.year },
        ],
      })}
${govukInput({ id: 'startTime', name: 'startTime', label: { text: 'Session start time (leave empty to block the whole day)' }, hint: { text: 'For example, 14:00' }, classes: 'govuk-input--width-5', value: v.posted?.startTime, errorMessage: err(v.errors, 'startTime') })}
${govukInput({ id: 'reason', name: 'reason', label: { text: 'Reason' }, value: v.posted?.reason, errorMessage: err(v.errors, 'reason') })}
${govukButton({ text: 'Block' })}`,
    )}
<h2 class="govuk-heading-m">Blocked from today</h2>
${govukTable({ head: [{ text: 'Date' }, { text: 'Session' }, { text: 'Reason' }], rows: v.blocked.map((b) => [{ text: b.date }, { text: b.startTime || 'Whole day' }, { text: b.reason ?? '' }]) })}`,
  })
}

export interface PrisonerView {
  prison: { code: string; name: string }
  csrf: string
  prisoner: { number: string; name: string; dateOfBirth: string; category: string; balance: number; closedOnly: boolean; visitsBanned: boolean }
  approved: { id: number; name: string; dateOfBirth: string | null; bannedUntil: string | null; closedOnly: boolean }[]
  posted?: Record<string, string>
  visits: readonly VisitRow[]
  errors?: FieldError[]
  notice?: string
}

export function prisonerPage(ctx: PageContext, identity: StaffIdentity, v: PrisonerView): SafeHtml {
  return staffPage(ctx, {
    title: `${v.prisoner.name} – ${v.prison.name}`,
    identity,
    errors: v.errors,
    content: html`<h1 class="govuk-heading-l">${v.prisoner.name} <span class="govuk-caption-m">${v.prisoner.number}, ${v.prison.name}</span></h1>
${v.notice ? html`<div class="govuk-inset-text">${v.notice}</div>` : ''}
${govukSummaryList({
  rows: [
    { key: { text: 'Date of birth' }, value: { text: v.prisoner.dateOfBirth } },
    { key: { text: 'Category' }, value: { text: v.prisoner.category } },
    { key: { text: 'Visiting orders' }, value: { text: String(v.prisoner.balance) } },
    { key: { text: 'Closed visits only' }, value: { text: v.prisoner.closedOnly ? 'Yes' : 'No' } },
  ],
})}
<h2 class="govuk-heading-m">Adjust the allowance</h2>
${postForm(
  `/staff/prison-visits/${v.prison.code}/prisoners/${v.prisoner.number}/allowance`,
  v.csrf,
  html`${govukInput({ id: 'change', name: 'change', label: { text: 'Change (for example 1 or -1)' }, classes: 'govuk-input--width-4', inputmode: 'numeric', errorMessage: err(v.errors, 'change') })}
${govukInput({ id: 'reason', name: 'reason', label: { text: 'Reason' }, errorMessage: err(v.errors, 'reason') })}
${govukButton({ text: 'Adjust allowance' })}`,
)}
<h2 class="govuk-heading-m">Restrictions</h2>
${postForm(
  `/staff/prison-visits/${v.prison.code}/prisoners/${v.prisoner.number}/restrictions`,
  v.csrf,
  html`${govukCheckboxes({
    idPrefix: 'restrictions',
    name: 'restrictions',
    fieldset: { legend: { text: 'Prisoner restrictions', classes: 'govuk-fieldset__legend--s' } },
    items: [
      { value: 'closed', text: 'Closed visits only', checked: v.prisoner.closedOnly },
      { value: 'banned', text: 'No visits for now (bookings become requests)', checked: v.prisoner.visitsBanned },
    ],
  })}${govukButton({ text: 'Save restrictions', classes: 'govuk-button--secondary' })}`,
)}
<h2 class="govuk-heading-m">Approved visitors</h2>
${v.approved.length
  ? govukTable({
      head: [{ text: 'Name' }, { text: 'Date of birth' }, { text: 'Restrictions' }, { text: 'Actions' }],
      rows: v.approved.map((a) => [
        { text: a.name },
        { text: a.dateOfBirth ?? '' },
        { text: [a.bannedUntil ? `Banned until ${a.bannedUntil}` : '', a.closedOnly ? 'Closed visits only' : ''].filter(Boolean).join('; ') || 'None' },
        { html: postForm(`/staff/prison-visits/${v.prison.code}/prisoners/${v.prisoner.number}/approved-visitors/${a.id}/remove`, v.csrf, govukButton({ text: 'Remove', classes: 'govuk-button--secondary govuk-!-margin-bottom-0', attributes: { 'aria-label': `Remove ${a.name}` } })) },
      ]),
    })
  : html`<p class="govuk-body">No approved visitors.</p>`}
<h3 class="govuk-heading-s">Add an approved visitor</h3>
${postForm(
  `/staff/prison-visits/${v.prison.code}/prisoners/${v.prisoner.number}/approved-visitors`,
  v.csrf,
  html`${govukInput({ id: 'avFirst', name: 'first', label: { text: 'First name' }, value: v.posted?.first, errorMessage: err(v.errors, 'avFirst'), classes: 'govuk-!-width-one-half' })}
${govukInput({ id: 'avLast', name: 'last', label: { text: 'Last name' }, value: v.posted?.last, errorMessage: err(v.errors, 'avLast'), classes: 'govuk-!-width-one-half' })}
${govukInput({ id: 'avDob', name: 'dob', label: { text: 'Date of birth (optional)' }, hint: { text: 'As 1985-03-27' }, value: v.posted?.dob, errorMessage: err(v.errors, 'avDob'), classes: 'govuk-input--width-10' })}
${govukInput({ id: 'avBanned', name: 'bannedUntil', label: { text: 'Banned until (optional)' }, hint: { text: 'As 2027-01-31' }, value: v.posted?.bannedUntil, errorMessage: err(v.errors, 'avBanned'), classes: 'govuk-input--width-10' })}
${govukCheckboxes({ idPrefix: 'avClosed', name: 'closed', items: [{ value: 'yes', text: 'Closed visits only', checked: v.posted?.closed === 'yes' }] })}
${govukButton({ text: 'Add approved visitor', classes: 'govuk-button--secondary' })}`,
)}
<h2 class="govuk-heading-m">Visits</h2>
${v.visits.length ? visitsTable(v.visits, v.prison.code) : html`<p class="govuk-body">No visits.</p>`}`,
  })
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

export interface TemplatesView {
  prison: { code: string; name: string }
  csrf: string
  templates: { id: number; dayOfWeek: number; startTime: string; endTime: string; openCapacity: number; closedCapacity: number; validFrom: string | null; validTo: string | null; frequencyWeeks: number; imported: boolean }[]
  errors?: FieldError[]
  posted?: Record<string, string>
  editing?: number | null
}

export function templatesPage(ctx: PageContext, identity: StaffIdentity, v: TemplatesView): SafeHtml {
  const base = `/staff/prison-visits/${v.prison.code}/sessions`
  const p = v.posted ?? {}
  return staffPage(ctx, {
    title: `Visiting sessions – ${v.prison.name}`,
    identity,
    errors: v.errors,
    content: html`${nav(v.prison.code, 'Sessions')}
<h1 class="govuk-heading-l">Visiting sessions <span class="govuk-caption-m">${v.prison.name}</span></h1>
${govukTable({
  head: [{ text: 'Day' }, { text: 'Time' }, { text: 'Open' }, { text: 'Closed' }, { text: 'Valid' }, { text: 'Every' }, { text: 'Actions' }],
  rows: v.templates.map((t) => [
    { text: DAY_NAMES[t.dayOfWeek - 1] ?? '' },
    { text: `${t.startTime}–${t.endTime}` },
    { text: String(t.openCapacity), format: 'numeric' },
    { text: String(t.closedCapacity), format: 'numeric' },
    { text: `${t.validFrom ?? 'always'}${t.validTo ? ` to ${t.validTo}` : ''}` },
    { text: t.frequencyWeeks === 2 ? 'fortnight' : 'week' },
    {
      html: html`<a class="govuk-link" href="${base}?edit=${t.id}#template-form">Change<span class="govuk-visually-hidden"> ${DAY_NAMES[t.dayOfWeek - 1]} ${t.startTime}</span></a>
${postForm(`${base}/${t.id}/remove`, v.csrf, govukButton({ text: 'Remove', classes: 'govuk-button--secondary govuk-!-margin-bottom-0', attributes: { 'aria-label': `Remove ${DAY_NAMES[t.dayOfWeek - 1]} ${t.startTime}` } }))}`,
    },
  ]),
})}
<h2 class="govuk-heading-m" id="template-form">${v.editing ? 'Change a session' : 'Add a session'}</h2>
${postForm(
  v.editing ? `${base}/${v.editing}` : base,
  v.csrf,
  html`${govukSelectDay(p.dayOfWeek)}
${govukInput({ id: 'startTime', name: 'startTime', label: { text: 'Starts' }, hint: { text: 'For example, 14:00' }, classes: 'govuk-input--width-5', value: p.startTime, errorMessage: err(v.errors, 'startTime') })}
${govukInput({ id: 'endTime', name: 'endTime', label: { text: 'Ends' }, classes: 'govuk-input--width-5', value: p.endTime, errorMessage: err(v.errors, 'endTime') })}
${govukInput({ id: 'openCapacity', name: 'openCapacity', label: { text: 'Open visits per session' }, classes: 'govuk-input--width-3', inputmode: 'numeric', value: p.openCapacity, errorMessage: err(v.errors, 'openCapacity') })}
${govukInput({ id: 'closedCapacity', name: 'closedCapacity', label: { text: 'Closed visits per session' }, classes: 'govuk-input--width-3', inputmode: 'numeric', value: p.closedCapacity, errorMessage: err(v.errors, 'closedCapacity') })}
${govukInput({ id: 'validFrom', name: 'validFrom', label: { text: 'Valid from (optional)' }, hint: { text: 'As 2026-12-31' }, classes: 'govuk-input--width-10', value: p.validFrom, errorMessage: err(v.errors, 'validFrom') })}
${govukInput({ id: 'validTo', name: 'validTo', label: { text: 'Valid to (optional)' }, classes: 'govuk-input--width-10', value: p.validTo, errorMessage: err(v.errors, 'validTo') })}
${govukCheckboxes({ idPrefix: 'fortnightly', name: 'fortnightly', items: [{ value: 'yes', text: 'Every other week (from the valid-from date)', checked: p.fortnightly === 'yes' }] })}
${govukButton({ text: v.editing ? 'Save changes' : 'Add session' })}`,
)}`,
  })
}

function govukSelectDay(value: string | undefined): SafeHtml {
  return html`<div class="govuk-form-group"><label class="govuk-label" for="dayOfWeek">Day</label>
<select class="govuk-select" id="dayOfWeek" name="dayOfWeek">${DAY_NAMES.map((d, i) => html`<option value="${String(i + 1)}"${value === String(i + 1) ? html` selected` : ''}>${d}</option>`)}</select></div>`
}

export interface BookOnBehalfView {
  prison: { code: string; name: string }
  csrf: string
  sessions: { value: string; text: string; full: boolean }[]
  errors?: FieldError[]
  posted?: Record<string, string>
  needsOverbookConfirmation?: boolean
}

export function bookOnBehalfPage(ctx: PageContext, identity: StaffIdentity, v: BookOnBehalfView): SafeHtml {
  const p = v.posted ?? {}
  const visitor = (i: number) => html`<h3 class="govuk-heading-s">${i === 1 ? 'Lead visitor (18 or over)' : `Visitor ${i} (optional)`}</h3>
${govukInput({ id: `v${i}first`, name: `v${i}first`, label: { text: 'First name' }, value: p[`v${i}first`], errorMessage: err(v.errors, `v${i}first`), classes: 'govuk-!-width-one-half' })}
${govukInput({ id: `v${i}last`, name: `v${i}last`, label: { text: 'Last name' }, value: p[`v${i}last`], errorMessage: err(v.errors, `v${i}last`), classes: 'govuk-!-width-one-half' })}
${govukInput({ id: `v${i}dob`, name: `v${i}dob`, label: { text: 'Date of birth' }, hint: { text: 'As 1985-03-27' }, value: p[`v${i}dob`], errorMessage: err(v.errors, `v${i}dob`), classes: 'govuk-input--width-10' })}`
  return staffPage(ctx, {
    title: `Book a visit for someone – ${v.prison.name}`,
    identity,
    errors: v.errors,
    content: html`${nav(v.prison.code, 'Book for someone')}
<h1 class="govuk-heading-l">Book a visit for someone <span class="govuk-caption-m">${v.prison.name}</span></h1>
<p class="govuk-body">For visitors who phone or call in. The same rules apply as online.</p>
${postForm(
  `/staff/prison-visits/${v.prison.code}/book`,
  v.csrf,
  html`${govukInput({ id: 'prisonerNumber', name: 'prisonerNumber', label: { text: 'Prisoner number' }, classes: 'govuk-input--width-10', value: p.prisonerNumber, errorMessage: err(v.errors, 'prisonerNumber') })}
<div class="govuk-form-group${err(v.errors, 'session') ? ' govuk-form-group--error' : ''}"><label class="govuk-label" for="session">Visit time</label>
${err(v.errors, 'session') ? html`<p id="session-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${err(v.errors, 'session')!.text}</p>` : ''}
<select class="govuk-select" id="session" name="session">${v.sessions.map((s) => html`<option value="${s.value}"${p.session === s.value ? html` selected` : ''}>${s.text}${s.full ? ' (full)' : ''}</option>`)}</select></div>
${visitor(1)}${visitor(2)}${visitor(3)}
${govukInput({ id: 'email', name: 'email', type: 'email', label: { text: 'Visitor’s email address (optional)' }, value: p.email, errorMessage: err(v.errors, 'email') })}
${govukInput({ id: 'phone', name: 'phone', type: 'tel', label: { text: 'Visitor’s UK mobile number (optional)' }, value: p.phone, errorMessage: err(v.errors, 'phone'), classes: 'govuk-input--width-20' })}
${govukTextarea({ id: 'support', name: 'support', label: { text: 'Support needed (optional, up to 200 characters)' }, value: p.support, errorMessage: err(v.errors, 'support') })}
${v.needsOverbookConfirmation
  ? html`<input type="hidden" name="overbookAsked" value="yes">${govukWarningText({ text: 'This session is full. Booking now takes it over capacity.' })}
${govukCheckboxes({ idPrefix: 'overbook', name: 'overbook', items: [{ value: 'yes', text: 'Book even though the session is full' }], errorMessage: err(v.errors, 'overbook') })}`
  : ''}
${govukButton({ text: 'Book visit' })}`,
)}`,
  })
}

/** Staff pages: the prisons in scope, a day's visits, the requests queue, a visit, search, blocked dates, a prisoner. */
import { html, type SafeHtml } from '../../../platform/ui/html.js'
import { govukButton, govukCheckboxes, govukDateInput, govukFieldset, govukRadios, govukInput, govukSummaryList, govukTable, govukTag, govukTextarea, govukWarningText } from '../../../platform/ui/govuk/index.js'
import type { PageContext } from '../../../platform/ui/layouts/page.js'
import { fieldError, formatIsoDate, isLanguage, type Language } from '../../../platform/i18n/index.js'
import { questionView, type DatePart } from '../../../platform/journeys/index.js'
import { staffPage, type StaffIdentity } from '../../../platform/staff/index.js'
import type { VisitRow } from '../staff-repository.js'
import { visitStaffText, visitText } from '../locales/index.js'

export interface FieldError {
  field: string
  text: string
  /** Where the error summary links, when not to the field's own id. */
  href?: string
  /** A date's wrong parts, marked as wrong; all of them when absent. */
  parts?: readonly DatePart[]
}

/** A form that posts with its CSRF token; `novalidate` so our own messages show. */
function postForm(action: string, csrf: string, body: SafeHtml): SafeHtml {
  return html`<form method="post" action="${action}" novalidate><input type="hidden" name="_csrf" value="${csrf}">${body}</form>`
}

/** A field's error beside the field, with the hidden "Error:" / "Gwall:" prefix in the page's language. */
const err = (lang: Language, errors: readonly FieldError[] | undefined, field: string) => {
  const e = errors?.find((x) => x.field === field)
  return e ? fieldError(lang, e.text) : undefined
}

/** A value staff see in a tag or summary (a visit's state, its place, a prisoner's category), in the page's language. */
const named = (names: Record<string, string>, value: string) => names[value] ?? value

type NavItem = 'day' | 'requests' | 'search' | 'blocked' | 'sessions' | 'book'

function nav(lang: Language, prison: string, active: NavItem): SafeHtml {
  const t = visitStaffText(lang).nav
  const items: [NavItem, string][] = [
    ['day', `/staff/prison-visits/${prison}`],
    ['requests', `/staff/prison-visits/${prison}/requests`],
    ['search', `/staff/prison-visits/${prison}/search`],
    ['blocked', `/staff/prison-visits/${prison}/blocked-dates`],
    ['sessions', `/staff/prison-visits/${prison}/sessions`],
    ['book', `/staff/prison-visits/${prison}/book`],
  ]
  return html`<nav class="moj-sub-navigation" aria-label="${t.label}"><ul class="moj-sub-navigation__list">${items.map(
    ([key, href]) => html`<li class="moj-sub-navigation__item"><a class="moj-sub-navigation__link" href="${href}"${active === key ? html` aria-current="page"` : ''}>${t[key]}</a></li>`,
  )}</ul></nav>`
}

function visitsTable(lang: Language, rows: readonly VisitRow[], prison: string, options: { overdue?: ReadonlySet<string> } = {}): SafeHtml {
  const s = visitStaffText(lang)
  const t = s.table
  return govukTable({
    head: [{ text: t.reference }, { text: t.date }, { text: t.time }, { text: t.leadVisitor }, { text: t.visitors }, { text: t.prisoner }, { text: t.status }],
    rows: rows.map((r) => [
      { html: html`<a class="govuk-link" href="/staff/prison-visits/${prison}/visits/${r.reference}">${r.reference}</a>` },
      { text: formatIsoDate(r.date, lang) },
      { text: `${r.startTime}–${r.endTime}` },
      { text: r.leadVisitor },
      { text: String(r.visitorCount), format: 'numeric' },
      { text: r.prisonerNumber },
      {
        html: html`${govukTag({ text: named(s.states, r.state), classes: r.state === 'requested' ? 'govuk-tag--yellow' : r.state === 'booked' ? 'govuk-tag--green' : 'govuk-tag--grey' })}${options.overdue?.has(r.id) ? html` ${govukTag({ text: t.overdue, classes: 'govuk-tag--red' })}` : ''}${r.place === 'closed' ? html` ${govukTag({ text: t.closed, classes: 'govuk-tag--purple' })}` : ''}`,
      },
    ]),
  })
}

export function prisonsPage(ctx: PageContext, identity: StaffIdentity, prisons: readonly { code: string; name: string }[]): SafeHtml {
  const t = visitStaffText(ctx.lang)
  return staffPage(ctx, {
    title: t.title,
    identity,
    content: html`<h1 class="govuk-heading-l">${t.title}</h1>
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
  const lang = ctx.lang
  const all = visitStaffText(lang)
  const t = all.day
  return staffPage(ctx, {
    title: t.title(formatIsoDate(v.date, lang), v.prison.name),
    identity,
    content: html`${nav(lang, v.prison.code, 'day')}
<h1 class="govuk-heading-l">${t.heading(formatIsoDate(v.date, lang))} <span class="govuk-caption-m">${v.prison.name}</span></h1>
<p class="govuk-body"><a class="govuk-link" href="?date=${v.previous}">${t.previous}</a> · <a class="govuk-link" href="?date=${v.next}">${t.next}</a> · <a class="govuk-link" href="/staff/prison-visits/${v.prison.code}/visits.csv?date=${v.date}">${t.csv}</a></p>
<form method="get" class="govuk-!-margin-bottom-6">${govukInput({ id: 'date', name: 'date', type: 'date', label: { text: t.goTo }, value: v.date, classes: 'govuk-input--width-10' })}${govukButton({ text: t.show, classes: 'govuk-button--secondary' })}</form>
${v.sessions.length === 0 ? html`<p class="govuk-body">${t.noSessions}</p>` : ''}
${v.sessions.map(
  (s) => html`<h2 class="govuk-heading-m">${t.session(s.startTime, s.endTime)}</h2>
<p class="govuk-body">${t.taken(s.openTaken, s.openCapacity, s.closedTaken, s.closedCapacity)}${s.openTaken > s.openCapacity ? t.overbooked : ''}</p>
${s.visits.length ? visitsTable(lang, s.visits, v.prison.code) : html`<p class="govuk-body">${all.noVisits}</p>`}`,
)}`,
  })
}

export function requestsPage(ctx: PageContext, identity: StaffIdentity, prison: { code: string; name: string }, rows: readonly VisitRow[], overdue: ReadonlySet<string>): SafeHtml {
  const t = visitStaffText(ctx.lang).requests
  return staffPage(ctx, {
    title: t.title(prison.name),
    identity,
    content: html`${nav(ctx.lang, prison.code, 'requests')}
<h1 class="govuk-heading-l">${t.heading} <span class="govuk-caption-m">${prison.name}</span></h1>
<p class="govuk-body">${t.intro}</p>
${rows.length ? visitsTable(ctx.lang, rows, prison.code, { overdue }) : html`<p class="govuk-body">${t.none}</p>`}`,
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
  const lang = ctx.lang
  const all = visitStaffText(lang)
  const t = all.visit
  const base = `/staff/prison-visits/${v.prison.code}/visits/${v.reference}`
  return staffPage(ctx, {
    title: t.title(v.reference),
    identity,
    errors: v.errors,
    backLink: { href: `/staff/prison-visits/${v.prison.code}/requests` },
    content: html`<h1 class="govuk-heading-l">${t.title(v.reference)} <span class="govuk-caption-m">${v.prison.name}</span></h1>
${govukSummaryList({
  rows: [
    { key: { text: t.status }, value: { text: named(all.states, v.state) } },
    { key: { text: t.when }, value: { text: `${formatIsoDate(v.date, lang)}, ${v.time}` } },
    { key: { text: t.place }, value: { text: named(all.places, v.place) } },
    { key: { text: t.prisoner }, value: { html: v.prisoner ? html`<a class="govuk-link" href="/staff/prison-visits/${v.prison.code}/prisoners/${v.prisoner.number}">${v.prisoner.name} (${v.prisoner.number})</a>` : html`` } },
    { key: { text: t.visitors }, value: { html: html`${v.visitors.map((x, i) => html`${i ? html`<br>` : ''}${t.visitor(x.name, formatIsoDate(x.dateOfBirth, lang))}${x.lead ? t.lead : ''}${x.notAllowed ? t.notAllowed : ''}`)}` } },
    { key: { text: t.contact }, value: { text: v.contact } },
    { key: { text: t.support }, value: { text: v.support || all.none } },
    ...(v.requestReasons.length ? [{ key: { text: t.requestReasons }, value: { html: html`${v.requestReasons.map((r, i) => html`${i ? html`<br>` : ''}${r}`)}` } }] : []),
    ...(v.prisonReasons.length ? [{ key: { text: t.prisonReasons }, value: { html: html`${v.prisonReasons.map((r, i) => html`${i ? html`<br>` : ''}${r}`)}` } }] : []),
    ...(v.staffMessage ? [{ key: { text: t.staffMessage }, value: { text: v.staffMessage } }] : []),
  ],
})}
${v.canDecide
  ? html`<h2 class="govuk-heading-m">${t.decideHeading}</h2>
${postForm(
  `${base}/decision`,
  v.csrf,
  html`${govukCheckboxes({
    idPrefix: 'notAllowed',
    name: 'notAllowed',
    fieldset: { legend: { text: t.notAllowedLegend, classes: 'govuk-fieldset__legend--s' } },
    hint: { text: t.notAllowedHint },
    items: v.visitors.map((x) => ({ value: String(x.id), text: x.name, checked: v.posted?.notAllowed?.includes(String(x.id)) })),
  })}
${govukCheckboxes({
  idPrefix: 'reasons',
  name: 'reasons',
  fieldset: { legend: { text: t.rejectReasonsLegend, classes: 'govuk-fieldset__legend--s' } },
  items: v.rejectionReasons.map((r) => ({ value: r.value, text: r.text, checked: v.posted?.reasons?.includes(r.value) })),
  errorMessage: err(lang, v.errors, 'reasons'),
})}
${govukTextarea({ id: 'message', name: 'message', label: { text: t.decideMessage }, value: v.posted?.message ?? '', errorMessage: err(lang, v.errors, 'message') })}
<div class="govuk-button-group">${govukButton({ text: t.approve, name: 'decision', value: 'approve' })}${govukButton({ text: t.reject, name: 'decision', value: 'reject', classes: 'govuk-button--warning' })}</div>`,
)}`
  : ''}
${v.canCancel
  ? html`<h2 class="govuk-heading-m">${t.cancelHeading}</h2>
${postForm(
  `${base}/cancel`,
  v.csrf,
  html`${govukCheckboxes({
    idPrefix: 'cancelReasons',
    name: 'reasons',
    fieldset: { legend: { text: t.cancelReasonsLegend, classes: 'govuk-fieldset__legend--s' } },
    items: v.cancellationReasons.map((r) => ({ value: r.value, text: r.text })),
    errorMessage: err(lang, v.errors, 'cancelReasons'),
  })}
${govukTextarea({ id: 'cancelMessage', name: 'message', label: { text: t.cancelMessage } })}
${govukButton({ text: t.cancel, classes: 'govuk-button--warning' })}`,
)}`
  : ''}`,
  })
}

export function searchPage(ctx: PageContext, identity: StaffIdentity, prison: { code: string; name: string }, q: string, rows: readonly VisitRow[] | undefined, prisoners: readonly { number: string; name: string }[] = []): SafeHtml {
  const t = visitStaffText(ctx.lang).search
  return staffPage(ctx, {
    title: t.title(prison.name),
    identity,
    content: html`${nav(ctx.lang, prison.code, 'search')}
<h1 class="govuk-heading-l">${t.heading} <span class="govuk-caption-m">${prison.name}</span></h1>
<form method="get">${govukInput({ id: 'q', name: 'q', label: { text: t.label }, value: q })}${govukButton({ text: t.button })}</form>
${prisoners.length ? html`<h2 class="govuk-heading-m">${t.prisoners}</h2><ul class="govuk-list">${prisoners.map((p) => html`<li><a class="govuk-link" href="/staff/prison-visits/${prison.code}/prisoners/${p.number}">${p.name} (${p.number})</a></li>`)}</ul>` : ''}
${rows === undefined ? '' : rows.length ? visitsTable(ctx.lang, rows, prison.code) : html`<p class="govuk-body">${t.none}</p>`}`,
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
  const lang = ctx.lang
  const all = visitStaffText(lang)
  const t = all.blocked
  const parts = visitText(lang).dateParts
  const action = `/staff/prison-visits/${v.prison.code}/blocked-dates`
  const dateErr = err(lang, v.errors, 'date')
  return staffPage(ctx, {
    title: t.title(v.prison.name),
    identity,
    errors: v.errors,
    content: html`${nav(lang, v.prison.code, 'blocked')}
<h1 class="govuk-heading-l">${t.heading} <span class="govuk-caption-m">${v.prison.name}</span></h1>
${v.affected
  ? html`${govukWarningText({ text: t.affected(v.affected.visits.length, formatIsoDate(v.affected.date, lang), v.affected.startTime), iconFallbackText: all.warning })}
${v.affected.visits.length ? visitsTable(lang, v.affected.visits, v.prison.code) : ''}
${postForm(
  action,
  v.csrf,
  html`<input type="hidden" name="day" value="${v.posted?.day ?? ''}"><input type="hidden" name="month" value="${v.posted?.month ?? ''}"><input type="hidden" name="year" value="${v.posted?.year ?? ''}">
<input type="hidden" name="startTime" value="${v.posted?.startTime ?? ''}"><input type="hidden" name="reason" value="${v.posted?.reason ?? ''}"><input type="hidden" name="confirm" value="yes">
${govukCheckboxes({ idPrefix: 'cancelAffected', name: 'cancelAffected', items: [{ value: 'yes', text: t.cancelAffected, checked: true }] })}
${govukButton({ text: t.blockAndContinue })}`,
)}`
  : postForm(
      action,
      v.csrf,
      html`${govukDateInput({
        // The day's input is `date`, where the error summary links.
        id: 'date-group',
        namePrefix: '',
        fieldset: { legend: { text: t.dateLegend, classes: 'govuk-fieldset__legend--s' } },
        errorMessage: dateErr,
        items: [
          { id: 'date', name: 'day', label: parts.day, classes: 'govuk-input--width-2', value: v.posted?.day },
          { name: 'month', label: parts.month, classes: 'govuk-input--width-2', value: v.posted?.month },
          { name: 'year', label: parts.year, classes: 'govuk-input--width-4', value: v.posted?.year },
        ],
      })}
${govukInput({ id: 'startTime', name: 'startTime', label: { text: t.startTime }, hint: { text: all.timeExample }, classes: 'govuk-input--width-5', value: v.posted?.startTime, errorMessage: err(lang, v.errors, 'startTime') })}
${govukInput({ id: 'reason', name: 'reason', label: { text: all.reason }, value: v.posted?.reason, errorMessage: err(lang, v.errors, 'reason') })}
${govukButton({ text: t.block })}`,
    )}
<h2 class="govuk-heading-m">${t.fromToday}</h2>
${govukTable({ head: [{ text: all.table.date }, { text: t.session }, { text: all.reason }], rows: v.blocked.map((b) => [{ text: formatIsoDate(b.date, lang) }, { text: b.startTime || t.wholeDay }, { text: b.reason ?? '' }]) })}`,
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
  const lang = ctx.lang
  const all = visitStaffText(lang)
  const t = all.prisoner
  return staffPage(ctx, {
    title: `${v.prisoner.name} – ${v.prison.name}`,
    identity,
    errors: v.errors,
    content: html`<h1 class="govuk-heading-l">${v.prisoner.name} <span class="govuk-caption-m">${v.prisoner.number}, ${v.prison.name}</span></h1>
${v.notice ? html`<div class="govuk-inset-text">${v.notice}</div>` : ''}
${govukSummaryList({
  rows: [
    { key: { text: all.dateOfBirth }, value: { text: formatIsoDate(v.prisoner.dateOfBirth, lang) } },
    { key: { text: t.category }, value: { text: named(all.categories, v.prisoner.category) } },
    { key: { text: t.visitingOrders }, value: { text: String(v.prisoner.balance) } },
    { key: { text: all.closedOnly }, value: { text: v.prisoner.closedOnly ? all.yes : all.no } },
  ],
})}
<h2 class="govuk-heading-m">${t.allowanceHeading}</h2>
${postForm(
  `/staff/prison-visits/${v.prison.code}/prisoners/${v.prisoner.number}/allowance`,
  v.csrf,
  html`${govukInput({ id: 'change', name: 'change', label: { text: t.change }, classes: 'govuk-input--width-4', inputmode: 'numeric', errorMessage: err(lang, v.errors, 'change') })}
${govukInput({ id: 'reason', name: 'reason', label: { text: all.reason }, errorMessage: err(lang, v.errors, 'reason') })}
${govukButton({ text: t.adjust })}`,
)}
<h2 class="govuk-heading-m">${t.restrictionsHeading}</h2>
${postForm(
  `/staff/prison-visits/${v.prison.code}/prisoners/${v.prisoner.number}/restrictions`,
  v.csrf,
  html`${govukCheckboxes({
    idPrefix: 'restrictions',
    name: 'restrictions',
    fieldset: { legend: { text: t.restrictionsLegend, classes: 'govuk-fieldset__legend--s' } },
    items: [
      { value: 'closed', text: all.closedOnly, checked: v.prisoner.closedOnly },
      { value: 'banned', text: t.banned, checked: v.prisoner.visitsBanned },
    ],
  })}${govukButton({ text: t.saveRestrictions, classes: 'govuk-button--secondary' })}`,
)}
<h2 class="govuk-heading-m">${t.approvedHeading}</h2>
${v.approved.length
  ? govukTable({
      head: [{ text: t.name }, { text: all.dateOfBirth }, { text: t.restrictions }, { text: t.actions }],
      rows: v.approved.map((a) => [
        { text: a.name },
        { text: a.dateOfBirth ? formatIsoDate(a.dateOfBirth, lang) : '' },
        { text: [a.bannedUntil ? t.bannedUntil(formatIsoDate(a.bannedUntil, lang)) : '', a.closedOnly ? all.closedOnly : ''].filter(Boolean).join('; ') || all.none },
        { html: postForm(`/staff/prison-visits/${v.prison.code}/prisoners/${v.prisoner.number}/approved-visitors/${a.id}/remove`, v.csrf, govukButton({ text: all.remove, classes: 'govuk-button--secondary govuk-!-margin-bottom-0', attributes: { 'aria-label': all.removeNamed(a.name) } })) },
      ]),
    })
  : html`<p class="govuk-body">${t.noApproved}</p>`}
<h3 class="govuk-heading-s">${t.addHeading}</h3>
${postForm(
  `/staff/prison-visits/${v.prison.code}/prisoners/${v.prisoner.number}/approved-visitors`,
  v.csrf,
  html`${govukInput({ id: 'avFirst', name: 'first', label: { text: all.firstName }, value: v.posted?.first, errorMessage: err(lang, v.errors, 'avFirst'), classes: 'govuk-!-width-one-half' })}
${govukInput({ id: 'avLast', name: 'last', label: { text: all.lastName }, value: v.posted?.last, errorMessage: err(lang, v.errors, 'avLast'), classes: 'govuk-!-width-one-half' })}
${govukInput({ id: 'avDob', name: 'dob', label: { text: t.dateOfBirthOptional }, hint: { text: all.dateAs('1985-03-27') }, value: v.posted?.dob, errorMessage: err(lang, v.errors, 'avDob'), classes: 'govuk-input--width-10' })}
${govukInput({ id: 'avBanned', name: 'bannedUntil', label: { text: t.bannedUntilOptional }, hint: { text: all.dateAs('2027-01-31') }, value: v.posted?.bannedUntil, errorMessage: err(lang, v.errors, 'avBanned'), classes: 'govuk-input--width-10' })}
${govukCheckboxes({ idPrefix: 'avClosed', name: 'closed', items: [{ value: 'yes', text: all.closedOnly, checked: v.posted?.closed === 'yes' }] })}
${govukButton({ text: t.add, classes: 'govuk-button--secondary' })}`,
)}
<h2 class="govuk-heading-m">${t.visitsHeading}</h2>
${v.visits.length ? visitsTable(lang, v.visits, v.prison.code) : html`<p class="govuk-body">${all.noVisits}</p>`}`,
  })
}

export interface TemplatesView {
  prison: { code: string; name: string }
  csrf: string
  templates: { id: number; dayOfWeek: number; startTime: string; endTime: string; openCapacity: number; closedCapacity: number; validFrom: string | null; validTo: string | null; frequencyWeeks: number; imported: boolean }[]
  errors?: FieldError[]
  posted?: Record<string, string>
  editing?: number | null
  /** Visits to come whose session no longer runs. */
  withoutSession: readonly VisitRow[]
}

export function templatesPage(ctx: PageContext, identity: StaffIdentity, v: TemplatesView): SafeHtml {
  const lang = ctx.lang
  const all = visitStaffText(lang)
  const t = all.sessions
  const dayName = (n: number) => all.days[n - 1] ?? ''
  const base = `/staff/prison-visits/${v.prison.code}/sessions`
  const p = v.posted ?? {}
  return staffPage(ctx, {
    title: t.title(v.prison.name),
    identity,
    errors: v.errors,
    content: html`${nav(lang, v.prison.code, 'sessions')}
<h1 class="govuk-heading-l">${t.heading} <span class="govuk-caption-m">${v.prison.name}</span></h1>
${v.withoutSession.length
  ? html`<h2 class="govuk-heading-m">${t.withoutSessionHeading}</h2>
${govukWarningText({ text: t.withoutSession(v.withoutSession.length), iconFallbackText: all.warning })}
${visitsTable(lang, v.withoutSession, v.prison.code)}`
  : ''}
${govukTable({
  head: [{ text: t.day }, { text: t.time }, { text: t.open }, { text: t.closed }, { text: t.valid }, { text: t.every }, { text: t.actions }],
  rows: v.templates.map((s) => [
    { text: dayName(s.dayOfWeek) },
    { text: `${s.startTime}–${s.endTime}` },
    { text: String(s.openCapacity), format: 'numeric' },
    { text: String(s.closedCapacity), format: 'numeric' },
    { text: t.validRange(s.validFrom && formatIsoDate(s.validFrom, lang), s.validTo && formatIsoDate(s.validTo, lang)) },
    { text: s.frequencyWeeks === 2 ? t.fortnight : t.week },
    {
      html: html`<a class="govuk-link" href="${base}?edit=${s.id}#template-form">${t.change}<span class="govuk-visually-hidden"> ${dayName(s.dayOfWeek)} ${s.startTime}</span></a>
${postForm(`${base}/${s.id}/remove`, v.csrf, govukButton({ text: all.remove, classes: 'govuk-button--secondary govuk-!-margin-bottom-0', attributes: { 'aria-label': all.removeNamed(`${dayName(s.dayOfWeek)} ${s.startTime}`) } }))}`,
    },
  ]),
})}
<h2 class="govuk-heading-m" id="template-form">${v.editing ? t.changeHeading : t.addHeading}</h2>
${postForm(
  v.editing ? `${base}/${v.editing}` : base,
  v.csrf,
  html`${govukSelectDay(lang, p.dayOfWeek)}
${govukInput({ id: 'startTime', name: 'startTime', label: { text: t.starts }, hint: { text: all.timeExample }, classes: 'govuk-input--width-5', value: p.startTime, errorMessage: err(lang, v.errors, 'startTime') })}
${govukInput({ id: 'endTime', name: 'endTime', label: { text: t.ends }, classes: 'govuk-input--width-5', value: p.endTime, errorMessage: err(lang, v.errors, 'endTime') })}
${govukInput({ id: 'openCapacity', name: 'openCapacity', label: { text: t.openCapacity }, classes: 'govuk-input--width-3', inputmode: 'numeric', value: p.openCapacity, errorMessage: err(lang, v.errors, 'openCapacity') })}
${govukInput({ id: 'closedCapacity', name: 'closedCapacity', label: { text: t.closedCapacity }, classes: 'govuk-input--width-3', inputmode: 'numeric', value: p.closedCapacity, errorMessage: err(lang, v.errors, 'closedCapacity') })}
${govukInput({ id: 'validFrom', name: 'validFrom', label: { text: t.validFrom }, hint: { text: all.dateAs('2026-12-31') }, classes: 'govuk-input--width-10', value: p.validFrom, errorMessage: err(lang, v.errors, 'validFrom') })}
${govukInput({ id: 'validTo', name: 'validTo', label: { text: t.validTo }, classes: 'govuk-input--width-10', value: p.validTo, errorMessage: err(lang, v.errors, 'validTo') })}
${govukCheckboxes({ idPrefix: 'fortnightly', name: 'fortnightly', items: [{ value: 'yes', text: t.fortnightly, checked: p.fortnightly === 'yes' }] })}
${govukButton({ text: v.editing ? t.save : t.add })}`,
)}`,
  })
}

function govukSelectDay(lang: Language, value: string | undefined): SafeHtml {
  const all = visitStaffText(lang)
  return html`<div class="govuk-form-group"><label class="govuk-label" for="dayOfWeek">${all.sessions.day}</label>
<select class="govuk-select" id="dayOfWeek" name="dayOfWeek">${all.days.map((d, i) => html`<option value="${String(i + 1)}"${value === String(i + 1) ? html` selected` : ''}>${d}</option>`)}</select></div>`
}

export interface BookOnBehalfView {
  prison: { code: string; name: string }
  csrf: string
  sessions: { value: string; text: string; full: boolean }[]
  errors?: FieldError[]
  posted?: Record<string, string>
  needsOverbookConfirmation?: boolean
}

/**
 * A date of birth as GOV.UK asks for one, through the journeys' own date
 * input: day, month and year, posted and identified as `<name>-day`, `-month`
 * and `-year`, with only the wrong parts marked.
 */
function dateOfBirthInput(lang: Language, name: string, posted: Record<string, string>, error: FieldError | undefined): SafeHtml {
  const t = visitText(lang).visitors
  const errors = error ? [{ field: name, message: error.text, ...(error.parts ? { parts: [...error.parts] } : {}) }] : []
  return questionView(lang, posted, errors).date(name, {
    fieldset: { legend: { text: t.dateOfBirth, classes: 'govuk-fieldset__legend--s' } },
    hint: { text: t.dobHint },
  })
}

export function bookOnBehalfPage(ctx: PageContext, identity: StaffIdentity, v: BookOnBehalfView): SafeHtml {
  const lang = ctx.lang
  const all = visitStaffText(lang)
  const t = all.book
  const p = v.posted ?? {}
  // Each visitor's fields in a fieldset of their own, so every "Date of birth" says whose it is.
  const visitor = (i: number) =>
    govukFieldset({
      legend: { text: i === 1 ? t.lead : t.visitorN(i), classes: 'govuk-fieldset__legend--m' },
      html: html`${govukInput({ id: `v${i}first`, name: `v${i}first`, label: { text: all.firstName }, value: p[`v${i}first`], errorMessage: err(lang, v.errors, `v${i}first`), classes: 'govuk-!-width-one-half' })}
${govukInput({ id: `v${i}last`, name: `v${i}last`, label: { text: all.lastName }, value: p[`v${i}last`], errorMessage: err(lang, v.errors, `v${i}last`), classes: 'govuk-!-width-one-half' })}
${dateOfBirthInput(lang, `v${i}dob`, p, v.errors?.find((e) => e.field === `v${i}dob`))}`,
    })
  const sessionError = err(lang, v.errors, 'session')
  // As the route reads it: what was chosen, or the page's language.
  const visitorLang = isLanguage(p.visitorLang) ? p.visitorLang : lang
  return staffPage(ctx, {
    title: t.title(v.prison.name),
    identity,
    errors: v.errors,
    content: html`${nav(lang, v.prison.code, 'book')}
<h1 class="govuk-heading-l">${t.heading} <span class="govuk-caption-m">${v.prison.name}</span></h1>
<p class="govuk-body">${t.intro}</p>
${postForm(
  `/staff/prison-visits/${v.prison.code}/book`,
  v.csrf,
  html`${govukInput({ id: 'prisonerNumber', name: 'prisonerNumber', label: { text: t.prisonerNumber }, classes: 'govuk-input--width-10', value: p.prisonerNumber, errorMessage: err(lang, v.errors, 'prisonerNumber') })}
<div class="govuk-form-group${sessionError ? ' govuk-form-group--error' : ''}"><label class="govuk-label" for="session">${t.visitTime}</label>
${sessionError ? html`<p id="session-error" class="govuk-error-message"><span class="govuk-visually-hidden">${t.error}</span> ${sessionError.text}</p>` : ''}
<select class="govuk-select" id="session" name="session">${v.sessions.map((s) => html`<option value="${s.value}"${p.session === s.value ? html` selected` : ''}>${s.text}${s.full ? t.full : ''}</option>`)}</select></div>
${visitor(1)}${visitor(2)}${visitor(3)}
${govukInput({ id: 'email', name: 'email', type: 'email', label: { text: t.email }, value: p.email, errorMessage: err(lang, v.errors, 'email') })}
${govukInput({ id: 'phone', name: 'phone', type: 'tel', label: { text: t.phone }, value: p.phone, errorMessage: err(lang, v.errors, 'phone'), classes: 'govuk-input--width-20' })}
${govukTextarea({ id: 'support', name: 'support', label: { text: t.support }, value: p.support, errorMessage: err(lang, v.errors, 'support') })}
${govukRadios({
  idPrefix: 'visitorLang',
  name: 'visitorLang',
  classes: 'govuk-radios--inline',
  fieldset: { legend: { text: t.messagesLanguage, classes: 'govuk-fieldset__legend--s' } },
  // Each language named in itself, as the GOV.UK language switcher does. Staff booking in Welsh are likely booking for a Welsh speaker.
  items: [
    { value: 'en', html: html`<span lang="en">English</span>`, checked: visitorLang === 'en' },
    { value: 'cy', html: html`<span lang="cy">Cymraeg</span>`, checked: visitorLang === 'cy' },
  ],
})}
${v.needsOverbookConfirmation
  ? html`<input type="hidden" name="overbookAsked" value="yes">${govukWarningText({ text: t.fullWarning, iconFallbackText: all.warning })}
${govukCheckboxes({ idPrefix: 'overbook', name: 'overbook', items: [{ value: 'yes', text: t.overbook }], errorMessage: err(lang, v.errors, 'overbook') })}`
  : ''}
${govukButton({ text: t.button })}`,
)}`,
  })
}

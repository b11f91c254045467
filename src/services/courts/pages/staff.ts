/** Staff pages for court data: the list, a court's sections and history, and each section's form. */
import { html, type SafeHtml } from '../../../platform/ui/html.js'
import { govukButton, govukCheckboxes, govukFieldset, govukInput, govukNotificationBanner, govukRadios, govukSummaryList, govukTable, govukTextarea } from '../../../platform/ui/govuk/index.js'
import type { PageContext } from '../../../platform/ui/layouts/page.js'
import { staffPage, type StaffIdentity } from '../../../platform/staff/index.js'
import { postForm, type FieldError } from '../../../platform/staff/pages/layout.js'
import { formatDate, formatTime } from '../../../platform/i18n/index.js'
import { courtText } from '../locales/index.js'
import type { FormValues } from '../editing.js'
import type { SectionField, SectionForm, SectionId } from '../staff-sections.js'

export interface StaffCourtListView {
  identity: StaffIdentity
  courts: { slug: string; name: string; region: string; open: boolean }[]
}

export function staffCourtListPage(ctx: PageContext, view: StaffCourtListView): SafeHtml {
  const t = courtText(ctx.lang).staff
  return staffPage(ctx, {
    title: t.title,
    identity: view.identity,
    content: html`<h1 class="govuk-heading-l">${t.title}</h1>
<p class="govuk-body">${t.intro}</p>
${govukTable({
  firstCellIsHeader: true,
  head: [{ text: t.listName }, { text: t.listRegion }, { text: t.listStatus }],
  rows: view.courts.map((c) => [
    { html: html`<a class="govuk-link" href="/staff/courts/${c.slug}">${c.name}</a>` },
    { text: c.region },
    { html: c.open ? html`` : html`<strong class="govuk-tag govuk-tag--grey">${t.closed}</strong>` },
  ]),
})}`,
  })
}

export interface StaffCourtView {
  identity: StaffIdentity
  slug: string
  name: string
  saved?: SectionId
  sections: { id: SectionId; summary: string }[]
  history: { at: Date; who: string; section: string }[]
}

export function staffCourtPage(ctx: PageContext, view: StaffCourtView): SafeHtml {
  const t = courtText(ctx.lang).staff
  return staffPage(ctx, {
    title: view.name,
    identity: view.identity,
    backLink: { href: '/staff/courts' },
    content: html`${view.saved ? govukNotificationBanner({ type: 'success', text: t.saved }) : ''}
<h1 class="govuk-heading-l">${view.name}</h1>
<p class="govuk-body"><a class="govuk-link" href="/courts/${view.slug}">${t.viewPublic}</a></p>
${govukSummaryList({
  rows: view.sections.map((s) => ({
    key: { text: t.sections[s.id] },
    value: { text: s.summary },
    actions: { items: [{ href: `/staff/courts/${view.slug}/${s.id}`, text: t.change, visuallyHiddenText: t.sections[s.id] }] },
  })),
})}
<h2 class="govuk-heading-m">${t.history}</h2>
${view.history.length === 0
  ? html`<p class="govuk-body">${t.noHistory}</p>`
  : govukTable({
      head: [{ text: t.historyWhen }, { text: t.historyWho }, { text: t.historyWhat }],
      rows: view.history.map((h) => [{ text: `${formatDate(h.at, ctx.lang)} ${formatTime(h.at, ctx.lang)}` }, { text: h.who }, { text: h.section }]),
    })}`,
  })
}

export interface StaffSectionView {
  identity: StaffIdentity
  slug: string
  name: string
  section: SectionId
  form: SectionForm
  version: number
  csrf: string
  errors: FieldError[]
  areasOfLaw: { name: string; displayName: string }[]
}

function value(values: FormValues, name: string): string {
  const v = values[name]
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
}

function field(ctx: PageContext, f: SectionField, id: string, label: string, values: FormValues, errors: FieldError[], areasOfLaw: StaffSectionView['areasOfLaw']): SafeHtml {
  const t = courtText(ctx.lang).staff
  const error = errors.find((e) => e.field === id)
  const errorMessage = error ? { text: error.text } : undefined
  switch (f.kind) {
    case 'textarea':
      return govukTextarea({ name: id, id, label: { text: label }, value: value(values, id), errorMessage, rows: 3 })
    case 'yes-no':
      return govukRadios({
        name: id,
        idPrefix: id,
        fieldset: { legend: { text: label, classes: 'govuk-fieldset__legend--s' } },
        classes: 'govuk-radios--inline',
        items: [
          { value: 'yes', text: t.yes, checked: value(values, id) !== 'no' },
          { value: 'no', text: t.no, checked: value(values, id) === 'no' },
        ],
        errorMessage,
      })
    case 'checkbox':
      if (f.name === 'areas_of_law') {
        const chosen = [values[id] ?? []].flat()
        return govukCheckboxes({
          name: id,
          idPrefix: id,
          fieldset: { legend: { text: label, classes: 'govuk-fieldset__legend--s' } },
          items: areasOfLaw.map((a) => ({ value: a.name, text: a.displayName, checked: chosen.includes(a.name) })),
          errorMessage,
        })
      }
      return govukCheckboxes({ name: id, idPrefix: id, items: [{ value: 'yes', text: label, checked: value(values, id) === 'yes' }], classes: 'govuk-checkboxes--small' })
    default:
      return govukInput({ name: id, id, label: { text: label }, value: value(values, id), errorMessage, spellcheck: false })
  }
}

export function staffSectionPage(ctx: PageContext, view: StaffSectionView): SafeHtml {
  const t = courtText(ctx.lang).staff
  const label = (name: string) => t.fields[name] ?? name
  const rows: SafeHtml[] = []
  for (let i = 0; i < view.form.rows; i++) {
    rows.push(
      govukFieldset({
        legend: { text: t.row(i + 1), classes: 'govuk-fieldset__legend--s' },
        html: html`${view.form.rowFields.map((f) => field(ctx, f, `${f.name}-${i}`, label(f.name), view.form.values, view.errors, view.areasOfLaw))}`,
      }),
    )
  }
  const title = t.sections[view.section]
  return staffPage(ctx, {
    title: `${title}: ${view.name}`,
    identity: view.identity,
    errors: view.errors,
    backLink: { href: `/staff/courts/${view.slug}` },
    content: html`<span class="govuk-caption-l">${view.name}</span>
<h1 class="govuk-heading-l">${title}</h1>
${postForm(
  `/staff/courts/${view.slug}/${view.section}`,
  view.csrf,
  html`<input type="hidden" name="version" value="${view.version}">
  ${view.form.fields.map((f) => field(ctx, f, f.name, label(f.name), view.form.values, view.errors, view.areasOfLaw))}
  ${view.form.rows > 0 ? html`<p class="govuk-body">${t.addHint}</p>${rows}` : ''}
  <div class="govuk-button-group">
    ${govukButton({ text: t.save })}
    <a class="govuk-link" href="/staff/courts/${view.slug}">${t.cancel}</a>
  </div>`,
)}`,
  })
}

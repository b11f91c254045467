/** Managing staff users (platform admins): the list, inviting, one user, their roles. */
import { html, type SafeHtml } from '../../ui/html.js'
import { govukButton, govukInput, govukNotificationBanner, govukRadios, govukSelect, govukSummaryList, govukTable, govukTag } from '../../ui/govuk/index.js'
import type { PageContext } from '../../ui/layouts/page.js'
import { staffText } from '../locales/index.js'
import { errorFor, postForm, staffPage, type FieldError, type StaffIdentity } from './layout.js'

export interface UserSummary {
  id: string
  name: string
  email: string
  status: 'active' | 'deactivated' | 'not-set-up'
  roles: string[]
}

function statusTag(ctx: PageContext, status: UserSummary['status']): SafeHtml {
  const t = staffText(ctx.lang).users
  if (status === 'active') return govukTag({ text: t.active, classes: 'govuk-tag--green' })
  if (status === 'deactivated') return govukTag({ text: t.deactivated, classes: 'govuk-tag--grey' })
  return govukTag({ text: t.notSetUp, classes: 'govuk-tag--yellow' })
}

export function usersPage(ctx: PageContext, model: { identity: StaffIdentity; users: UserSummary[]; notice?: string }): SafeHtml {
  const t = staffText(ctx.lang).users
  return staffPage(ctx, {
    title: t.title,
    identity: model.identity,
    active: 'users',
    content: html`${model.notice ? govukNotificationBanner({ text: model.notice, type: 'success' }) : ''}
<h1 class="govuk-heading-l">${t.title}</h1>
${govukButton({ text: t.invite, href: '/staff/users/invite' })}
${govukTable({
  firstCellIsHeader: true,
  head: [{ text: t.name }, { text: t.email }, { text: t.status }, { text: t.roles }],
  rows: model.users.map((u) => [
    { html: html`<a class="govuk-link" href="/staff/users/${u.id}">${u.name}</a>` },
    { text: u.email },
    { html: statusTag(ctx, u.status) },
    { text: u.roles.join(', ') || t.noGrants },
  ]),
})}`,
  })
}

export function invitePage(ctx: PageContext, model: { identity: StaffIdentity; csrf: string; name: string; email: string; errors?: FieldError[] }): SafeHtml {
  const t = staffText(ctx.lang).users
  return staffPage(ctx, {
    title: t.inviteTitle,
    identity: model.identity,
    active: 'users',
    errors: model.errors,
    backLink: { href: '/staff/users' },
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">${t.inviteTitle}</h1>
<p class="govuk-body">${t.inviteIntro}</p>
${postForm(
  '/staff/users/invite',
  model.csrf,
  html`${govukInput({ name: 'name', label: { text: t.name }, value: model.name, autocomplete: 'off', spellcheck: false, errorMessage: errorFor(model.errors, 'name') })}
${govukInput({ name: 'email', type: 'email', label: { text: t.email }, value: model.email, autocomplete: 'off', spellcheck: false, errorMessage: errorFor(model.errors, 'email') })}
${govukButton({ text: t.send, preventDoubleClick: true })}`,
)}
</div></div>`,
  })
}

export interface UserViewModel {
  identity: StaffIdentity
  csrf: string
  user: UserSummary & { recoveryCodesLeft: number; locked: boolean }
  grants: { role: string; scope: string }[]
  isSelf: boolean
  notice?: string
}

export function userPage(ctx: PageContext, model: UserViewModel): SafeHtml {
  const t = staffText(ctx.lang).users
  const u = model.user
  const action = (path: string, text: string, classes: string, hint?: string) =>
    postForm(`/staff/users/${u.id}/${path}`, model.csrf, html`${hint ? html`<p class="govuk-body">${hint}</p>` : ''}${govukButton({ text, classes })}`)
  return staffPage(ctx, {
    title: u.name,
    identity: model.identity,
    active: 'users',
    backLink: { href: '/staff/users' },
    content: html`${model.notice ? govukNotificationBanner({ text: model.notice, type: 'success' }) : ''}
<h1 class="govuk-heading-l">${u.name}</h1>
${govukSummaryList({
  rows: [
    { key: { text: t.email }, value: { text: u.email } },
    { key: { text: t.status }, value: { html: statusTag(ctx, u.status) } },
  ],
})}
<h2 class="govuk-heading-m">${t.grantsHeading}</h2>
${model.grants.length === 0
  ? html`<p class="govuk-body">${t.noGrants}</p>`
  : html`<ul class="govuk-list govuk-list--bullet">${model.grants.map((g) => html`<li>${g.role}: ${g.scope}</li>`)}</ul>`}
${govukButton({ text: t.changeGrants, href: `/staff/users/${u.id}/grants`, classes: 'govuk-button--secondary' })}
${u.status === 'active' ? action('reset-two-factor', t.resetTwoFactor, 'govuk-button--secondary', t.resetTwoFactorHint) : ''}
${model.isSelf ? '' : u.status === 'deactivated' ? action('reactivate', t.reactivate, 'govuk-button--secondary') : action('deactivate', t.deactivate, 'govuk-button--warning')}`,
  })
}

export interface GrantsViewModel {
  identity: StaffIdentity
  csrf: string
  userId: string
  name: string
  grants: { index: number; role: string; scope: string }[]
  roles: { id: string; name: string }[]
  form: { role: string; scope: string; values: string }
  errors?: FieldError[]
}

export function grantsPage(ctx: PageContext, model: GrantsViewModel): SafeHtml {
  const t = staffText(ctx.lang).grants
  const base = `/staff/users/${model.userId}/grants`
  return staffPage(ctx, {
    title: t.title(model.name),
    identity: model.identity,
    active: 'users',
    errors: model.errors,
    backLink: { href: `/staff/users/${model.userId}` },
    content: html`<h1 class="govuk-heading-l">${t.title(model.name)}</h1>
<h2 class="govuk-heading-m">${t.current}</h2>
${model.grants.length === 0
  ? html`<p class="govuk-body">${staffText(ctx.lang).users.noGrants}</p>`
  : govukTable({
      firstCellIsHeader: true,
      head: [{ text: t.role }, { text: staffText(ctx.lang).home.scope }, { html: html`<span class="govuk-visually-hidden">${t.remove}</span>` }],
      rows: model.grants.map((g) => [
        { text: g.role },
        { text: g.scope },
        { html: postForm(`${base}/remove`, model.csrf, html`<input type="hidden" name="index" value="${g.index}">${govukButton({ text: t.remove, classes: 'govuk-button--secondary govuk-!-margin-bottom-0', attributes: { 'aria-label': `${t.remove}: ${g.role}, ${g.scope}` } })}`) },
      ]),
    })}
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h2 class="govuk-heading-m">${t.addHeading}</h2>
${postForm(
  base,
  model.csrf,
  html`${govukSelect({
    name: 'role',
    label: { text: t.role },
    value: model.form.role,
    items: [{ value: '', text: t.chooseRole }, ...model.roles.map((r) => ({ value: r.id, text: r.name }))],
    errorMessage: errorFor(model.errors, 'role'),
  })}
${govukRadios({
  name: 'scope',
  fieldset: { legend: { text: t.scope, classes: 'govuk-fieldset__legend--s' } },
  value: model.form.scope,
  errorMessage: errorFor(model.errors, 'scope'),
  items: [
    { value: 'all', text: t.scopeAll },
    { value: 'region', text: t.scopeRegion },
    { value: 'courts', text: t.scopeCourts },
    { value: 'prisons', text: t.scopePrisons },
  ],
})}
${govukInput({ name: 'values', label: { text: t.values }, hint: { text: t.valuesHint }, value: model.form.values, spellcheck: false, errorMessage: errorFor(model.errors, 'values') })}
${govukButton({ text: t.add, preventDoubleClick: true })}`,
)}
<p class="govuk-body"><a class="govuk-link" href="/staff/users/${model.userId}">${t.done}</a></p>
</div></div>`,
  })
}

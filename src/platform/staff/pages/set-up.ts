/** Account set-up (password and authenticator app) and password reset pages. */
import { html, type SafeHtml } from '../../ui/html.js'
import { govukButton, govukInput, govukPasswordInput, govukWarningText } from '../../ui/govuk/index.js'
import type { PageContext } from '../../ui/layouts/page.js'
import { staffText } from '../locales/index.js'
import { errorFor, postForm, staffPage, type FieldError } from './layout.js'

export interface SetUpViewModel {
  csrf: string
  action: string
  name: string
  /** False when only the authenticator app is being (re)connected. */
  choosePassword: boolean
  qrCode: string
  manualKey: string
  errors?: FieldError[]
}

function passwordFields(ctx: PageContext, errors: FieldError[] | undefined, label: string): SafeHtml {
  const { setUp: t, passwordToggle } = staffText(ctx.lang)
  return html`${govukPasswordInput({ ...passwordToggle, name: 'password', label: { text: label, classes: 'govuk-label--s' }, hint: { text: t.passwordHint }, autocomplete: 'new-password', errorMessage: errorFor(errors, 'password') })}
  ${govukPasswordInput({ ...passwordToggle, name: 'confirm', label: { text: t.confirm, classes: 'govuk-label--s' }, autocomplete: 'new-password', errorMessage: errorFor(errors, 'confirm') })}`
}

export function setUpPage(ctx: PageContext, model: SetUpViewModel): SafeHtml {
  const t = staffText(ctx.lang).setUp
  return staffPage(ctx, {
    title: t.title,
    errors: model.errors,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  <h1 class="govuk-heading-l">${t.title}</h1>
  <p class="govuk-body">${t.intro(model.name)}</p>
  ${postForm(
    model.action,
    model.csrf,
    html`${model.choosePassword ? html`<h2 class="govuk-heading-m">${t.passwordHeading}</h2>
  ${passwordFields(ctx, model.errors, t.password)}` : ''}
  <h2 class="govuk-heading-m">${t.appHeading}</h2>
  <p class="govuk-body">${t.appIntro}</p>
  <p class="govuk-body"><img src="${model.qrCode}" alt="${t.qrAlt}" width="200" height="200"></p>
  <p class="govuk-body">${t.manual}</p>
  <p class="govuk-body"><code class="app-secret">${model.manualKey}</code></p>
  ${govukInput({ name: 'code', label: { text: t.code, classes: 'govuk-label--s' }, hint: { text: t.codeHint }, inputmode: 'numeric', autocomplete: 'one-time-code', spellcheck: false, classes: 'govuk-input--width-5', errorMessage: errorFor(model.errors, 'code') })}
  ${govukButton({ text: t.submit, preventDoubleClick: true })}`,
  )}
</div></div>`,
  })
}

export function recoveryCodesPage(ctx: PageContext, codes: readonly string[]): SafeHtml {
  const t = staffText(ctx.lang).setUp
  return staffPage(ctx, {
    title: t.codesTitle,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  <h1 class="govuk-heading-l">${t.codesTitle}</h1>
  ${govukWarningText({ text: t.codesIntro, iconFallbackText: 'Warning' })}
  <h2 class="govuk-heading-m">${t.codesCaption}</h2>
  <ul class="govuk-list" id="recovery-codes">
    ${codes.map((c) => html`<li><code>${c}</code></li>`)}
  </ul>
  ${govukButton({ text: t.signIn, href: '/staff/sign-in' })}
</div></div>`,
  })
}

export function resetRequestPage(ctx: PageContext, model: { csrf: string; email: string; errors?: FieldError[] }): SafeHtml {
  const t = staffText(ctx.lang).reset
  return staffPage(ctx, {
    title: t.title,
    errors: model.errors,
    backLink: { href: '/staff/sign-in' },
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  <h1 class="govuk-heading-l">${t.title}</h1>
  <p class="govuk-body">${t.intro}</p>
  ${postForm(
    '/staff/password-reset',
    model.csrf,
    html`${govukInput({ name: 'email', type: 'email', label: { text: t.email }, value: model.email, autocomplete: 'username', spellcheck: false, errorMessage: errorFor(model.errors, 'email') })}
  ${govukButton({ text: t.send, preventDoubleClick: true })}`,
  )}
</div></div>`,
  })
}

export function newPasswordPage(ctx: PageContext, model: { csrf: string; action: string; errors?: FieldError[] }): SafeHtml {
  const t = staffText(ctx.lang)
  return staffPage(ctx, {
    title: t.reset.newTitle,
    errors: model.errors,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  <h1 class="govuk-heading-l">${t.reset.newTitle}</h1>
  ${postForm(
    model.action,
    model.csrf,
    html`${passwordFields(ctx, model.errors, t.reset.newPassword)}
  ${govukInput({ name: 'code', label: { text: t.twoFactor.code, classes: 'govuk-label--s' }, hint: { text: t.twoFactor.hint }, inputmode: 'numeric', autocomplete: 'one-time-code', spellcheck: false, classes: 'govuk-input--width-5', errorMessage: errorFor(model.errors, 'code') })}
  ${govukButton({ text: t.reset.save, preventDoubleClick: true })}`,
  )}
</div></div>`,
  })
}

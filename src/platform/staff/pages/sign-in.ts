/** Sign-in pages: email and password, then the TOTP code or a recovery code. */
import { html, type SafeHtml } from '../../ui/html.js'
import { govukButton, govukInput, govukInsetText, govukPasswordInput } from '../../ui/govuk/index.js'
import type { PageContext } from '../../ui/layouts/page.js'
import { staffText } from '../locales/index.js'
import { errorFor, postForm, staffPage, type FieldError } from './layout.js'

export interface SignInViewModel {
  csrf: string
  email: string
  returnTo?: string
  /** Why the person is here again: a timed-out or ended session, or a slow second step. */
  notice?: 'timedOut' | 'ended' | 'expired'
  /** Whether single sign-on is offered. */
  sso?: boolean
  errors?: FieldError[]
}

export function signInPage(ctx: PageContext, model: SignInViewModel): SafeHtml {
  const t = staffText(ctx.lang)
  return staffPage(ctx, {
    title: t.signIn.title,
    errors: model.errors,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  <h1 class="govuk-heading-l">${t.signIn.title}</h1>
  ${model.notice ? govukInsetText({ text: t.signIn[model.notice] }) : ''}
  ${postForm(
    '/staff/sign-in',
    model.csrf,
    html`${model.returnTo ? html`<input type="hidden" name="returnTo" value="${model.returnTo}">` : ''}
  ${govukInput({ name: 'email', type: 'email', label: { text: t.signIn.email }, value: model.email, autocomplete: 'username', spellcheck: false, errorMessage: errorFor(model.errors, 'email') })}
  ${govukPasswordInput({ ...t.passwordToggle, name: 'password', label: { text: t.signIn.password }, autocomplete: 'current-password', errorMessage: errorFor(model.errors, 'password') })}
  ${govukButton({ text: t.continue, preventDoubleClick: true })}
  <p class="govuk-body"><a class="govuk-link" href="/staff/password-reset">${t.signIn.forgotten}</a></p>`,
  )}
  ${model.sso ? html`<h2 class="govuk-heading-m">${t.signIn.ssoHeading}</h2>
  ${govukButton({ text: t.signIn.sso, href: `/staff/sign-in/sso${model.returnTo ? `?returnTo=${encodeURIComponent(model.returnTo)}` : ''}`, classes: 'govuk-button--secondary' })}` : ''}
</div></div>`,
  })
}

export interface CodeViewModel {
  csrf: string
  errors?: FieldError[]
}

export function twoFactorPage(ctx: PageContext, model: CodeViewModel): SafeHtml {
  const t = staffText(ctx.lang)
  return staffPage(ctx, {
    title: t.twoFactor.title,
    errors: model.errors,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${postForm(
    '/staff/sign-in/two-factor',
    model.csrf,
    html`${govukInput({
      name: 'code',
      label: { text: t.twoFactor.title, isPageHeading: true, classes: 'govuk-label--l' },
      hint: { text: t.twoFactor.hint },
      inputmode: 'numeric',
      autocomplete: 'one-time-code',
      spellcheck: false,
      classes: 'govuk-input--width-5',
      errorMessage: errorFor(model.errors, 'code'),
    })}
  ${govukButton({ text: t.continue, preventDoubleClick: true })}
  <p class="govuk-body"><a class="govuk-link" href="/staff/sign-in/recovery-code">${t.twoFactor.useRecovery}</a></p>`,
  )}
</div></div>`,
  })
}

export function recoveryCodePage(ctx: PageContext, model: CodeViewModel): SafeHtml {
  const t = staffText(ctx.lang)
  return staffPage(ctx, {
    title: t.recovery.title,
    errors: model.errors,
    backLink: { href: '/staff/sign-in/two-factor' },
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${postForm(
    '/staff/sign-in/recovery-code',
    model.csrf,
    html`${govukInput({
      name: 'code',
      label: { text: t.recovery.title, isPageHeading: true, classes: 'govuk-label--l' },
      hint: { text: t.recovery.hint },
      autocomplete: 'off',
      spellcheck: false,
      classes: 'govuk-input--width-10',
      errorMessage: errorFor(model.errors, 'code'),
    })}
  ${govukButton({ text: t.continue, preventDoubleClick: true })}`,
  )}
</div></div>`,
  })
}

/** A page that says one thing and offers one link: signed out, link sent, link expired. */
export function messagePage(ctx: PageContext, model: { title: string; paragraphs: string[]; link?: { href: string; text: string } }): SafeHtml {
  return staffPage(ctx, {
    title: model.title,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  <h1 class="govuk-heading-l">${model.title}</h1>
  ${model.paragraphs.map((p) => html`<p class="govuk-body">${p}</p>`)}
  ${model.link ? html`<p class="govuk-body"><a class="govuk-link" href="${model.link.href}">${model.link.text}</a></p>` : ''}
</div></div>`,
  })
}

export function signOutPage(ctx: PageContext, model: { csrf: string }): SafeHtml {
  const t = staffText(ctx.lang)
  return staffPage(ctx, {
    title: t.navigation.signOut,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  <h1 class="govuk-heading-l">${t.navigation.signOut}</h1>
  ${postForm('/staff/sign-out', model.csrf, govukButton({ text: t.navigation.signOut }))}
  ${postForm('/staff/sign-out-everywhere', model.csrf, html`<p class="govuk-body">${t.home.signOutEverywhereHint}</p>
  ${govukButton({ text: t.home.signOutEverywhere, classes: 'govuk-button--secondary' })}`)}
</div></div>`,
  })
}

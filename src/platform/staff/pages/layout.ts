/** The staff side's page shell: MOJ header, then MOJ primary navigation and organisation switcher above the content. */
import { html, type SafeHtml } from '../../ui/html.js'
import { govukErrorSummary } from '../../ui/govuk/index.js'
import { mojHeader, mojOrganisationSwitcher, mojPrimaryNavigation } from '../../ui/moj/index.js'
import { govukPage, type PageContext } from '../../ui/layouts/page.js'
import { platformText } from '../../i18n/platform.js'
import { staffText } from '../locales/index.js'

/** A field's error: shown in the summary (linked to the field) and beside the field. */
export interface FieldError {
  field: string
  text: string
  /** Where the summary links, when not to the field's own id: a date's first wrong part, say. */
  href?: string
}

/** Who is signed in, as the page shell shows it. */
export interface StaffIdentity {
  name: string
  /** Places shown in the organisation switcher. */
  places: string
  isPlatformAdmin: boolean
}

export interface StaffPageOptions {
  title: string
  content: SafeHtml
  errors?: readonly FieldError[]
  /** The signed-in person; absent on sign-in pages. */
  identity?: StaffIdentity
  /** Which primary navigation item is current. */
  active?: 'home' | 'users' | 'audit'
  backLink?: { href: string }
}

export function staffContext(ctx: PageContext): PageContext {
  return { ...ctx, staff: true, service: { name: staffText(ctx.lang).serviceName, url: '/staff' } }
}

export function errorFor(errors: readonly FieldError[] | undefined, field: string): { text: string } | undefined {
  const e = errors?.find((x) => x.field === field)
  return e && { text: e.text }
}

export function staffPage(ctx: PageContext, page: StaffPageOptions): SafeHtml {
  const t = staffText(ctx.lang)
  const identity = page.identity
  const navigation = identity
    ? html`${mojOrganisationSwitcher({ text: identity.places, label: t.organisation.label, link: { href: '/staff', text: t.organisation.change } })}
${mojPrimaryNavigation({
        label: t.navigation.label,
        items: [
          { text: t.navigation.home, href: '/staff', active: page.active === 'home' },
          ...(identity.isPlatformAdmin
            ? [
                { text: t.navigation.users, href: '/staff/users', active: page.active === 'users' },
                { text: t.navigation.audit, href: '/staff/audit', active: page.active === 'audit' },
              ]
            : []),
        ],
      })}`
    : undefined
  const errors = page.errors ?? []
  const staffCtx = staffContext(ctx)
  return govukPage(staffCtx, {
    title: page.title,
    header: mojHeader({
      organisationLabel: { text: t.organisationName, href: '/staff' },
      serviceLabel: { text: staffCtx.service?.name, href: staffCtx.service?.url },
      assetPath: ctx.assetPath,
      // Who is signed in, and the way out, where MOJ services put them.
      navigation: identity
        ? { label: t.navigation.account, items: [{ text: identity.name, href: '/staff' }, { text: t.navigation.signOut, href: '/staff/sign-out' }] }
        : undefined,
    }),
    hasErrors: errors.length > 0,
    backLink: page.backLink,
    beforeContent: navigation,
    content: html`${errors.length > 0 ? govukErrorSummary({ titleText: platformText(ctx.lang).errorSummaryTitle, errorList: errors.map((e) => ({ text: e.text, href: e.href ?? `#${e.field}` })) }) : ''}${page.content}`,
  })
}

/** A form that posts with its CSRF token; `novalidate` so our own messages show, not the browser's. */
export function postForm(action: string, csrf: string, body: SafeHtml): SafeHtml {
  return html`<form method="post" action="${action}" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  ${body}
</form>`
}

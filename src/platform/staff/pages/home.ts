/** The staff home page: what each grant lets the person do, and where. */
import { html, type SafeHtml } from '../../ui/html.js'
import { govukButton, govukTable } from '../../ui/govuk/index.js'
import type { PageContext } from '../../ui/layouts/page.js'
import { staffText } from '../locales/index.js'
import { postForm, staffPage, type StaffIdentity } from './layout.js'

export interface HomeViewModel {
  identity: StaffIdentity
  csrf: string
  work: { role: string; scope: string; link?: { href: string; text: string } }[]
}

export function staffHomePage(ctx: PageContext, model: HomeViewModel): SafeHtml {
  const t = staffText(ctx.lang).home
  return staffPage(ctx, {
    title: t.title,
    identity: model.identity,
    active: 'home',
    content: html`<h1 class="govuk-heading-l">${t.title}</h1>
<p class="govuk-body">${t.welcome(model.identity.name)}</p>
<h2 class="govuk-heading-m">${t.servicesHeading}</h2>
${model.work.length === 0
  ? html`<p class="govuk-body">${t.noGrants}</p>`
  : govukTable({
      firstCellIsHeader: true,
      head: [{ text: t.role }, { text: t.scope }, { html: html`<span class="govuk-visually-hidden">Link</span>` }],
      rows: model.work.map((w) => [
        { text: w.role },
        { text: w.scope },
        { html: w.link ? html`<a class="govuk-link" href="${w.link.href}">${w.link.text}</a>` : html`` },
      ]),
    })}
${postForm('/staff/sign-out-everywhere', model.csrf, html`<p class="govuk-body">${t.signOutEverywhereHint}</p>
${govukButton({ text: t.signOutEverywhere, classes: 'govuk-button--secondary' })}`)}`,
  })
}

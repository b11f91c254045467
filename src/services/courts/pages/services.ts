/** Search by the help needed: service, then service area, then postcode, then where to go. */
import { html, type SafeHtml } from '../../../platform/ui/html.js'
import { govukInsetText, govukWarningText } from '../../../platform/ui/govuk/index.js'
import { govukPage, type PageContext } from '../../../platform/ui/layouts/page.js'
import { courtText } from '../locales/index.js'
import { courtList, courtsContext, errorSummary, searchForm, type CourtListItem, type FieldError } from './layout.js'

export interface ChoiceView {
  title: string
  backLink?: string
  choices: { href: string; name: string; description: string }[]
}

export function choicePage(base: PageContext, view: ChoiceView): SafeHtml {
  const ctx = courtsContext(base, 'services')
  return govukPage(ctx, {
    title: view.title,
    backLink: view.backLink ? { href: view.backLink } : undefined,
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-l">${view.title}</h1>
    <ul class="govuk-list">
      ${view.choices.map(
        (c) => html`<li class="govuk-!-margin-bottom-4">
        <a class="govuk-link govuk-!-font-weight-bold" href="${c.href}">${c.name}</a>
        ${c.description ? html`<p class="govuk-body govuk-!-margin-top-1">${c.description}</p>` : ''}
      </li>`,
      )}
    </ul>
  </div>
</div>`,
  })
}

export interface ServiceAreaView {
  serviceArea: { name: string; description: string; onlineUrl: string; onlineText: string }
  backLink: string
  action: string
  postcode: string
  error?: FieldError
  result?: {
    postcode: string
    serviceCentres: { slug: string; name: string; intro: string }[]
    explanation: string
    dependsOnAddress: boolean
    groups: { heading: string; courts: CourtListItem[] }[]
  }
}

export function serviceAreaPage(base: PageContext, view: ServiceAreaView): SafeHtml {
  const ctx = courtsContext(base, 'services')
  const t = courtText(ctx.lang)
  const r = view.result
  const title = r ? t.services.resultsTitle(view.serviceArea.name) : t.services.postcodeTitle(view.serviceArea.name)
  return govukPage(ctx, {
    title,
    hasErrors: Boolean(view.error),
    backLink: { href: view.backLink },
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    ${errorSummary(ctx.lang, view.error)}
    ${r
      ? html`<h1 class="govuk-heading-l">${title}</h1>
    ${view.serviceArea.description ? html`<p class="govuk-body">${view.serviceArea.description}</p>` : ''}
    ${view.serviceArea.onlineUrl ? html`<p class="govuk-body"><a class="govuk-link" href="${view.serviceArea.onlineUrl}">${view.serviceArea.onlineText || t.services.onlineLink}</a></p>` : ''}
    ${r.serviceCentres.map(
      (c) => html`<div class="govuk-inset-text" data-service-centre>
      <h2 class="govuk-heading-m govuk-!-margin-bottom-2">${t.services.serviceCentre(c.name)}</h2>
      <p class="govuk-body">${c.intro || t.services.serviceCentreText}</p>
      <p class="govuk-body govuk-!-margin-bottom-0"><a class="govuk-link" href="/courts/${c.slug}">${c.name}</a></p>
    </div>`,
    )}
    <h2 class="govuk-heading-m">${t.services.localCourts}</h2>
    ${r.dependsOnAddress ? govukWarningText({ text: t.services.dependsOnAddress }) : ''}
    ${r.explanation ? govukInsetText({ text: r.explanation }) : ''}
    ${r.groups.every((g) => g.courts.length === 0) ? html`<p class="govuk-body">${t.services.noneNearby}</p>` : ''}
    ${r.groups.map((g) => html`${g.heading ? html`<h3 class="govuk-heading-s">${g.heading}</h3>` : ''}${courtList(ctx.lang, g.courts, 3)}`)}
    <p class="govuk-body"><a class="govuk-link" href="${view.action}">${t.services.changePostcode}</a></p>`
      : html`${view.serviceArea.description ? html`<p class="govuk-body">${view.serviceArea.description}</p>` : ''}
    ${searchForm({ action: view.action, name: 'postcode', label: title, hint: t.services.postcodeHint, value: view.postcode, error: view.error, button: t.services.continue, isPageHeading: true })}`}
  </div>
</div>`,
  })
}

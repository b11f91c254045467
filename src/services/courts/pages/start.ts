import { html, type SafeHtml } from '../../../platform/ui/html.js'
import { govukPage, type PageContext } from '../../../platform/ui/layouts/page.js'
import { courtText } from '../locales/index.js'
import { courtsContext, searchForm } from './layout.js'

export function startPage(base: PageContext, view: { areasOfLaw: { value: string; text: string }[] }): SafeHtml {
  const ctx = courtsContext(base, 'search')
  const t = courtText(ctx.lang)
  return govukPage(ctx, {
    title: t.start.title,
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">${t.start.title}</h1>
    <p class="govuk-body-l">${t.start.intro}</p>
    <p class="govuk-body">${t.start.scope}</p>
    ${searchForm({ action: '/courts/search', name: 'q', label: t.start.byName, hint: t.start.byNameHint, value: '', button: t.start.search })}
    ${searchForm({
      action: '/courts/search',
      name: 'postcode',
      label: t.start.byPostcode,
      hint: t.start.byPostcodeHint,
      value: '',
      button: t.start.search,
      areaOfLaw: view.areasOfLaw.length > 0 ? { label: t.search.areaOfLawLabel, any: t.search.anyAreaOfLaw, value: '', options: view.areasOfLaw } : undefined,
    })}
    <h2 class="govuk-heading-m">${t.start.byHelp}</h2>
    <p class="govuk-body">${t.start.byHelpText}</p>
    <p class="govuk-body"><a class="govuk-link" href="/courts/services">${t.start.byHelpLink}</a></p>
    <p class="govuk-body"><a class="govuk-link" href="/courts/a-z">${t.start.aToZ}</a></p>
  </div>
</div>`,
  })
}

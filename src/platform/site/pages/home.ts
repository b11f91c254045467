import { html } from '../../ui/html.js'
import type { PageOptions } from '../../ui/layouts/page.js'
import type { Language } from '../../i18n/index.js'
import { platformText } from '../../i18n/platform.js'

export interface HomeViewModel {
  services: { name: string; description: string; url: string }[]
}

export function homePage(lang: Language, model: HomeViewModel): PageOptions {
  const t = platformText(lang).home
  return {
    title: t.title,
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">${t.title}</h1>
    <p class="govuk-body-l">${t.lead}</p>
    <h2 class="govuk-heading-m">${t.servicesHeading}</h2>
    ${model.services.length === 0
      ? html`<p class="govuk-body">${t.noServices}</p>`
      : html`<ul class="govuk-list">
      ${model.services.map(
        (s) => html`<li>
        <h3 class="govuk-heading-s govuk-!-margin-bottom-1"><a class="govuk-link" href="${s.url}">${s.name}</a></h3>
        <p class="govuk-body">${s.description}</p>
      </li>`,
      )}
    </ul>`}
  </div>
</div>`,
  }
}

/** The foundation's information pages: cookies, accessibility, privacy, contact. */
import { html, type SafeHtml } from '../../ui/html.js'
import { govukTable } from '../../ui/govuk/index.js'
import type { PageOptions } from '../../ui/layouts/page.js'
import type { Language } from '../../i18n/index.js'
import { platformText } from '../../i18n/platform.js'

/** The layout every information page shares: a two-thirds column under its heading. */
function informationPage(title: string, body: SafeHtml): PageOptions {
  return {
    title,
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-l">${title}</h1>
    ${body}
  </div>
</div>`,
  }
}

export interface CookieRow {
  name: string
  purpose: string
  expires: string
}

export function cookiesPage(lang: Language, cookies: CookieRow[]): PageOptions {
  const t = platformText(lang).cookies
  return informationPage(t.title, html`<p class="govuk-body">${t.intro}</p>
    <p class="govuk-body">${t.essentialOnly}</p>
    ${govukTable({
      caption: t.tableCaption,
      captionClasses: 'govuk-table__caption--m',
      firstCellIsHeader: true,
      head: [{ text: t.name }, { text: t.purpose }, { text: t.expires }],
      rows: cookies.map((c) => [{ text: c.name }, { text: c.purpose }, { text: c.expires }]),
    })}`)
}

export function accessibilityPage(lang: Language): PageOptions {
  const t = platformText(lang).accessibility
  return informationPage(t.title, html`<p class="govuk-body">${t.intro}</p>
    <p class="govuk-body">${t.aim}</p>
    <ul class="govuk-list govuk-list--bullet">${t.abilities.map((a) => html`<li>${a}</li>`)}</ul>
    <h2 class="govuk-heading-m">${t.complianceHeading}</h2>
    <p class="govuk-body">${t.compliance}</p>
    <h2 class="govuk-heading-m">${t.problemsHeading}</h2>
    <p class="govuk-body">${t.problems} <a class="govuk-link" href="/contact">${platformText(lang).footer.contact}</a></p>
    <h2 class="govuk-heading-m">${t.enforcementHeading}</h2>
    <p class="govuk-body">${t.enforcement}</p>
    <h2 class="govuk-heading-m">${t.preparedHeading}</h2>
    <p class="govuk-body">${t.prepared}</p>`)
}

export function privacyPage(lang: Language): PageOptions {
  const t = platformText(lang).privacy
  return informationPage(t.title, html`<p class="govuk-body">${t.intro}</p>
    <h2 class="govuk-heading-m">${t.useHeading}</h2>
    <p class="govuk-body">${t.use}</p>
    <h2 class="govuk-heading-m">${t.keepHeading}</h2>
    <p class="govuk-body">${t.keep}</p>
    <p class="govuk-body"><a class="govuk-link" href="/cookies">${t.cookiesText}</a></p>
    <h2 class="govuk-heading-m">${t.rightsHeading}</h2>
    <p class="govuk-body">${t.rights}</p>`)
}

export function contactPage(lang: Language, supportEmail: string): PageOptions {
  const t = platformText(lang).contact
  return informationPage(t.title, html`<p class="govuk-body">${t.intro}</p>
    <h2 class="govuk-heading-m">${t.courtsHeading}</h2>
    <p class="govuk-body">${t.courts}</p>
    <h2 class="govuk-heading-m">${t.prisonsHeading}</h2>
    <p class="govuk-body">${t.prisons}</p>
    <h2 class="govuk-heading-m">${t.serviceHeading}</h2>
    <p class="govuk-body">${t.service} <a class="govuk-link" href="mailto:${supportEmail}">${supportEmail}</a>.</p>`)
}

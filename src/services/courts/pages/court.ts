/** A court's page: everything the data holds about it, in the order people need it. */
import { html, trustedHtml, type SafeHtml } from '../../../platform/ui/html.js'
import { govukNotificationBanner, govukSummaryList, govukWarningText } from '../../../platform/ui/govuk/index.js'
import { govukPage, type PageContext, type PageOptions } from '../../../platform/ui/layouts/page.js'
import type { Language } from '../../../platform/i18n/index.js'
import { courtText } from '../locales/index.js'
import { courtsContext, searchSectionPage } from './layout.js'

export interface CourtView {
  slug: string
  name: string
  inPerson: boolean
  serviceCentre: boolean
  serviceCentreIntro: string
  accessScheme: boolean
  alert: string
  /** Sanitised against the allow-list (sanitise.ts) when imported, edited and indexed. */
  infoHtml: string
  addresses: { type: string; lines: string[]; town: string; county: string; postcode: string }[]
  mapUrl?: string
  openingTimes: { type: string; hours: string }[]
  phones: { type: string; number: string; explanation: string; fax: boolean }[]
  emails: { type: string; address: string; explanation: string }[]
  dx: { code: string; explanation: string }[]
  facilities: { name: string; descriptionHtml: string }[]
  parking: { onsite: string; offsite: string; blueBadge: string } | null
  areasOfLaw: { name: string; href?: string }[]
  courtTypes: string[]
  codes: { label: string; value: string }[]
  links: { url: string; description: string }[]
  directions: string
}

const telHref = (number: string) => `tel:${number.replace(/[^0-9+]/g, '')}`

export function courtPage(base: PageContext, view: CourtView): SafeHtml {
  return searchSectionPage(base, courtPageOptions(base.lang, view))
}

export function courtPageOptions(lang: Language, view: CourtView): PageOptions {
  const t = courtText(lang).court
  const section = (heading: string, body: SafeHtml | false, id: string) =>
    body ? html`<h2 class="govuk-heading-m" id="${id}">${heading}</h2>
    ${body}` : ''
  const phones = view.phones.filter((p) => !p.fax)
  const faxes = view.phones.filter((p) => p.fax)
  const phoneRows = [
    ...phones.map((p) => ({
      key: { text: p.type || t.phone },
      value: { html: html`<a class="govuk-link" href="${telHref(p.number)}">${p.number}</a>${p.explanation ? html`<br><span class="govuk-body-s">${p.explanation}</span>` : ''}` },
    })),
    ...faxes.map((p) => ({ key: { text: `${t.fax}${p.type ? `: ${p.type}` : ''}` }, value: { html: html`${p.number}${p.explanation ? html`<br><span class="govuk-body-s">${p.explanation}</span>` : ''}` } })),
  ]
  const emailRows = [
    ...view.emails.map((e) => ({
      key: { text: e.type || t.email },
      value: { html: html`<a class="govuk-link" href="mailto:${e.address}">${e.address}</a>${e.explanation ? html`<br><span class="govuk-body-s">${e.explanation}</span>` : ''}` },
    })),
  ]
  const dxRows = [
    ...view.dx.map((d) => ({ key: { text: t.dx }, value: { html: html`${d.code}${d.explanation ? html`<br><span class="govuk-body-s">${d.explanation}</span>` : ''}` } })),
  ]
  return {
    title: view.name,
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">${view.name}</h1>
    ${view.alert ? govukNotificationBanner({ titleText: t.alert, text: view.alert }) : ''}
    ${view.inPerson ? '' : html`<div data-no-in-person>${govukWarningText({ text: t.noInPersonTitle })}<p class="govuk-body">${t.noInPersonText}</p></div>`}
    ${view.serviceCentre ? html`<p class="govuk-body">${view.serviceCentreIntro || t.serviceCentre}</p>` : ''}
    ${view.infoHtml ? html`<div class="govuk-inset-text" data-court-info>${trustedHtml(view.infoHtml)}</div>` : ''}
    ${section(
      t.addresses,
      view.addresses.length > 0 &&
        html`${view.addresses.map(
          (a) => html`<h3 class="govuk-heading-s govuk-!-margin-bottom-1">${t.addressTypes[a.type] ?? a.type}</h3>
    <p class="govuk-body">${[...a.lines, a.town, a.county, a.postcode].filter(Boolean).map((l, i) => html`${i > 0 ? html`<br>` : ''}${l}`)}</p>`,
        )}${view.mapUrl ? html`<p class="govuk-body"><a class="govuk-link" href="${view.mapUrl}" target="_blank" rel="noopener noreferrer">${t.map}</a></p>` : ''}`,
      'address',
    )}
    ${section(t.directions, Boolean(view.directions) && html`<p class="govuk-body">${view.directions}</p>`, 'directions')}
    ${section(
      t.openingTimes,
      view.openingTimes.length > 0 && govukSummaryList({ rows: view.openingTimes.map((o) => ({ key: { text: o.type }, value: { text: o.hours } })) }),
      'opening-times',
    )}
    ${section(
      t.contact,
      phoneRows.length + emailRows.length + dxRows.length > 0 &&
        html`${phoneRows.length > 0 ? html`<h3 class="govuk-heading-s">${t.phone}</h3>${govukSummaryList({ rows: phoneRows })}` : ''}
    ${emailRows.length > 0 ? html`<h3 class="govuk-heading-s">${t.email}</h3>${govukSummaryList({ rows: emailRows })}` : ''}
    ${dxRows.length > 0 ? html`<h3 class="govuk-heading-s">${t.dx}</h3>${govukSummaryList({ rows: dxRows })}` : ''}`,
      'contact',
    )}
    ${section(
      t.areasOfLaw,
      view.areasOfLaw.length > 0 &&
        html`<ul class="govuk-list govuk-list--bullet">${view.areasOfLaw.map((a) => html`<li>${a.href ? html`<a class="govuk-link" href="${a.href}">${a.name}</a>` : a.name}</li>`)}</ul>`,
      'areas-of-law',
    )}
    ${section(t.courtTypes, view.courtTypes.length > 0 && html`<ul class="govuk-list">${view.courtTypes.map((c) => html`<li>${c}</li>`)}</ul>`, 'court-types')}
    ${section(
      t.facilities,
      view.facilities.length > 0 &&
        html`${view.facilities.map((f) => html`<h3 class="govuk-heading-s govuk-!-margin-bottom-1">${f.name}</h3>
    <div class="govuk-body" data-facility>${trustedHtml(f.descriptionHtml)}</div>`)}`,
      'facilities',
    )}
    ${section(
      t.parking,
      Boolean(view.parking && (view.parking.onsite || view.parking.offsite || view.parking.blueBadge)) &&
        govukSummaryList({
          rows: [
            Boolean(view.parking?.onsite) && { key: { text: t.parkingOnsite }, value: { text: view.parking?.onsite } },
            Boolean(view.parking?.offsite) && { key: { text: t.parkingOffsite }, value: { text: view.parking?.offsite } },
            Boolean(view.parking?.blueBadge) && { key: { text: t.parkingBlueBadge }, value: { text: view.parking?.blueBadge } },
          ],
        }),
      'parking',
    )}
    ${section(t.codes, view.codes.length > 0 && govukSummaryList({ rows: view.codes.map((c) => ({ key: { text: c.label }, value: { text: c.value } })) }), 'codes')}
    ${view.accessScheme ? html`<p class="govuk-body">${t.accessScheme}</p>` : ''}
    ${section(
      t.additionalLinks,
      view.links.length > 0 && html`<ul class="govuk-list">${view.links.map((l) => html`<li><a class="govuk-link" href="${l.url}">${l.description || l.url}</a></li>`)}</ul>`,
      'links',
    )}
  </div>
</div>`,
  }
}

export function closedCourtPage(base: PageContext, view: { name: string }): SafeHtml {
  const ctx = courtsContext(base, 'search')
  const t = courtText(ctx.lang).court
  return govukPage(ctx, {
    title: `${view.name}: ${t.closedTitle}`,
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <span class="govuk-caption-l">${view.name}</span>
    <h1 class="govuk-heading-l">${t.closedTitle}</h1>
    <p class="govuk-body">${t.closedText}</p>
    <p class="govuk-body"><a class="govuk-link" href="/courts">${t.searchAgain}</a></p>
  </div>
</div>`,
  })
}

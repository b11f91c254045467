/** What every court finder page shares: the service name and navigation, and the results list. */
import { flatHtml, html, type SafeHtml } from '../../../platform/ui/html.js'
import { govukErrorSummary, govukInput, govukButton, govukSelect } from '../../../platform/ui/govuk/index.js'
import { govukPage, type PageContext, type PageOptions } from '../../../platform/ui/layouts/page.js'
import { formatNumber, type Language } from '../../../platform/i18n/index.js'
import { courtText } from '../locales/index.js'

export type Section = 'search' | 'a-z' | 'services'

/** The service header by language and section, made once: the page shell is kept per service object (layouts/page.ts). */
const services = new Map<string, PageContext['service']>()

export function courtsContext(ctx: PageContext, section?: Section): PageContext {
  const key = `${ctx.lang}:${section ?? ''}`
  let service = services.get(key)
  if (!service) {
    const t = courtText(ctx.lang)
    // Frozen: the shell kept for it (layouts/page.ts) would not see a change.
    service = Object.freeze({
      name: t.serviceName,
      url: '/courts',
      navigation: [
        Object.freeze({ text: t.nav.search, href: '/courts', active: section === 'search' }),
        Object.freeze({ text: t.nav.aToZ, href: '/courts/a-z', active: section === 'a-z' }),
        Object.freeze({ text: t.nav.services, href: '/courts/services', active: section === 'services' }),
      ],
    })
    services.set(key, service)
  }
  // Not `{ ...ctx, service }`: V8 builds that (a spread, then one more property) on a slow path, about
  // 1.3 µs a page against 0.4 µs for this (courtsContext measured alone).
  return Object.assign({}, ctx, { service })
}

/** A page of the search section (a search's results, or a court's page) from its parts, which routes.ts keeps. */
export function searchSectionPage(base: PageContext, options: PageOptions): SafeHtml {
  return govukPage(courtsContext(base, 'search'), options)
}

/** A court in a list of results: enough to choose, with a link to its page. */
export interface CourtListItem {
  slug: string
  name: string
  address: string
  distanceMiles?: number | null
  areasOfLaw?: string[]
  inPerson: boolean
}

/** Rendered lists by the items they show: items kept for a repeated search (nameMatchItems) are rendered once per language and heading. */
const renderedLists = new WeakMap<readonly CourtListItem[], Map<string, SafeHtml>>()

export function courtList(lang: Language, courts: readonly CourtListItem[], headingLevel: 2 | 3 = 2): SafeHtml {
  let rendered = renderedLists.get(courts)
  if (!rendered) renderedLists.set(courts, (rendered = new Map()))
  const key = `${lang}${headingLevel}`
  let list = rendered.get(key)
  if (!list) rendered.set(key, (list = flatHtml(renderCourtList(lang, courts, headingLevel))))
  return list
}

function renderCourtList(lang: Language, courts: readonly CourtListItem[], headingLevel: 2 | 3): SafeHtml {
  const t = courtText(lang).search
  const heading = (item: CourtListItem) =>
    headingLevel === 2
      ? html`<h2 class="govuk-heading-m govuk-!-margin-bottom-1"><a class="govuk-link" href="/courts/${item.slug}">${item.name}</a></h2>`
      : html`<h3 class="govuk-heading-s govuk-!-margin-bottom-1"><a class="govuk-link" href="/courts/${item.slug}">${item.name}</a></h3>`
  return html`<ul class="govuk-list" data-results>
${courts.map(
  (item) => html`  <li class="govuk-!-margin-bottom-6">
    ${heading(item)}
    ${item.address ? html`<p class="govuk-body govuk-!-margin-bottom-1">${item.address}</p>` : ''}
    ${item.distanceMiles !== undefined && item.distanceMiles !== null ? html`<p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1" data-distance="${item.distanceMiles}">${t.distance(formatNumber(item.distanceMiles, lang, 1))}</p>` : ''}
    ${item.inPerson ? '' : html`<p class="govuk-body govuk-!-margin-bottom-1"><strong class="govuk-tag govuk-tag--grey">${t.noInPerson}</strong></p>`}
    ${item.areasOfLaw && item.areasOfLaw.length > 0 ? html`<p class="govuk-body-s govuk-!-margin-bottom-0">${t.areasOfLaw}: ${item.areasOfLaw.join(', ')}</p>` : ''}
  </li>
`,
)}</ul>`
}

export interface FieldError {
  field: 'q' | 'postcode' | 'area_of_law'
  text: string
}

export function errorSummary(lang: Language, error: FieldError | undefined): SafeHtml {
  if (!error) return html``
  return govukErrorSummary({ titleText: courtText(lang).search.errors.title, errorList: [{ text: error.text, href: `#${error.field}` }] })
}

/** A GET search form: searching changes nothing, so it needs no CSRF token and bookmarks work. */
export function searchForm(options: {
  action: string
  name: 'q' | 'postcode'
  label: string
  hint?: string
  value: string
  error?: FieldError
  button: string
  isPageHeading?: boolean
  hidden?: Record<string, string>
  /** An optional choice of area of law, for postcode searches. */
  areaOfLaw?: { label: string; any: string; value: string; options: { value: string; text: string }[] }
}): SafeHtml {
  return html`<form action="${options.action}" method="get" novalidate>
  ${Object.entries(options.hidden ?? {}).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
  ${govukInput({
    name: options.name,
    id: options.name,
    label: { text: options.label, classes: options.isPageHeading ? 'govuk-label--l' : 'govuk-label--m', isPageHeading: options.isPageHeading },
    hint: options.hint ? { text: options.hint } : undefined,
    value: options.value,
    classes: options.name === 'postcode' ? 'govuk-input--width-10' : undefined,
    autocomplete: options.name === 'postcode' ? 'postal-code' : 'off',
    spellcheck: false,
    errorMessage: options.error && options.error.field === options.name ? { text: options.error.text } : undefined,
  })}
  ${options.areaOfLaw
    ? govukSelect({
        name: 'area_of_law',
        id: 'area_of_law',
        label: { text: options.areaOfLaw.label },
        value: options.areaOfLaw.value,
        items: [{ value: '', text: options.areaOfLaw.any }, ...options.areaOfLaw.options],
        errorMessage: options.error && options.error.field === 'area_of_law' ? { text: options.error.text } : undefined,
      })
    : ''}
  ${govukButton({ text: options.button })}
</form>`
}

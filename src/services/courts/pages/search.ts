import { html } from '../../../platform/ui/html.js'
import { govukInsetText } from '../../../platform/ui/govuk/index.js'
import type { PageOptions } from '../../../platform/ui/layouts/page.js'
import type { Language } from '../../../platform/i18n/index.js'
import type { Jurisdiction } from '../postcode.js'
import { courtText } from '../locales/index.js'
import { courtList, errorSummary, searchForm, type CourtListItem, type FieldError } from './layout.js'

export interface SearchView {
  mode: 'q' | 'postcode'
  /** What was typed, kept as it was. */
  value: string
  error?: FieldError
  /** The postcode as understood (`LS1 3BG`). */
  postcode?: string
  /** Set when the postcode is outside England and Wales. */
  elsewhere?: Exclude<Jurisdiction, 'england-and-wales'>
  results?: readonly CourtListItem[]
  /** For postcode searches: the area of law chosen ('' for any) and those to choose from. */
  areaOfLaw?: { value: string; options: { value: string; text: string }[] }
}

export function searchPageOptions(lang: Language, view: SearchView): PageOptions {
  const t = courtText(lang)
  const label = view.mode === 'q' ? t.search.nameLabel : t.search.postcodeLabel
  // A search that could not run asks its question again, as a question page does.
  const question = view.mode === 'q' ? t.start.byName : t.start.byPostcode
  const heading = view.error
    ? question
    : !view.results
      ? t.search.title
    : view.mode === 'q'
      ? t.search.resultsFor(view.value)
      : t.search.nearest(view.postcode ?? view.value)
  const other = view.elsewhere ? t.search.otherJurisdiction[view.elsewhere] : undefined
  return {
    title: view.elsewhere && other ? other.title : heading,
    hasErrors: Boolean(view.error),
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    ${errorSummary(lang, view.error)}
    ${other
      ? html`<h1 class="govuk-heading-l">${other.title}</h1>
    <p class="govuk-body">${other.text}</p>
    <p class="govuk-body"><a class="govuk-link" href="${other.href}">${other.link}</a></p>
    <p class="govuk-body">${t.search.englandAndWalesOnly}</p>
    ${searchForm({ action: '/courts/search', name: 'q', label: t.search.nameLabel, value: '', button: t.start.search })}`
      : html`<h1 class="govuk-heading-l">${heading}</h1>
    ${searchForm({
      action: '/courts/search',
      name: view.mode,
      label,
      value: view.value,
      error: view.error,
      button: t.start.search,
      hint: view.mode === 'postcode' ? t.start.byPostcodeHint : t.start.byNameHint,
      areaOfLaw: view.mode === 'postcode' && view.areaOfLaw ? { label: t.search.areaOfLawLabel, any: t.search.anyAreaOfLaw, ...view.areaOfLaw } : undefined,
    })}
    ${view.results
      ? view.results.length === 0
        ? html`<p class="govuk-body govuk-!-font-weight-bold">${t.search.none}</p><p class="govuk-body">${t.search.noneHelp}</p>`
        : html`<p class="govuk-body" role="status">${t.search.count(view.results.length)}</p>
    ${view.mode === 'postcode' ? govukInsetText({ text: t.search.distanceFromSector }) : ''}
    ${courtList(lang, view.results)}`
      : ''}`}
  </div>
</div>`,
  }
}

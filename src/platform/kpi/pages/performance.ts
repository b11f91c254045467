/** The performance dashboard: the GOV.UK measures of every journey, for performance analysts. */
import { html, type SafeHtml } from '../../ui/html.js'
import { govukButton, govukSelect, govukSummaryList, govukTable } from '../../ui/govuk/index.js'
import type { PageContext } from '../../ui/layouts/page.js'
import { formatNumber } from '../../i18n/index.js'
import { staffPage, type StaffIdentity } from '../../staff/pages/layout.js'
import { performanceText } from '../locales.js'
import type { JourneyMeasures, SatisfactionMeasures } from '../measures.js'

export const PERIODS = [7, 30, 90, 365] as const

export interface JourneyPerformance {
  serviceName: string
  journey: string
  measures: JourneyMeasures
  satisfaction: SatisfactionMeasures
  errors: { page: string; field: string; errors: number }[]
}

export interface PerformanceView {
  identity: StaffIdentity
  days: number
  journeys: JourneyPerformance[]
}

export function performancePage(ctx: PageContext, view: PerformanceView): SafeHtml {
  const t = performanceText(ctx.lang)
  const share = (value: number | null) => (value === null ? t.noData : `${formatNumber(value * 100, ctx.lang, 0)}%`)
  const journey = (j: JourneyPerformance) => {
    const m = j.measures
    return html`<h2 class="govuk-heading-m govuk-!-margin-bottom-1">${j.serviceName}</h2>
<p class="govuk-caption-m govuk-!-margin-bottom-4">${t.journey(j.journey)}</p>
${govukSummaryList({
  rows: [
    { key: { text: t.started }, value: { text: formatNumber(m.started, ctx.lang) } },
    { key: { text: t.completed }, value: { text: formatNumber(m.completed, ctx.lang) } },
    { key: { text: t.completionRate }, value: { text: share(m.completionRate) } },
    { key: { text: t.digitalTakeUp }, value: { html: html`${share(m.digitalTakeUp)}<br><span class="govuk-body-s">${t.digitalTakeUpHint}</span>` } },
    {
      key: { text: t.satisfaction },
      value: { text: j.satisfaction.satisfied === null ? t.noData : t.satisfied(share(j.satisfaction.satisfied), j.satisfaction.responses) },
    },
    { key: { text: t.costPerTransaction }, value: { text: t.notMeasured } },
  ],
})}
${m.dropOffByPage.length > 0
  ? govukTable({
      caption: t.dropOff,
      captionClasses: 'govuk-table__caption--s',
      firstCellIsHeader: true,
      head: [{ text: t.dropOffPage }, { text: t.runs, format: 'numeric' }],
      rows: m.dropOffByPage.slice(0, 10).map((d) => [{ text: d.page }, { text: formatNumber(d.runs, ctx.lang), format: 'numeric' }]),
    })
  : ''}
${j.errors.length > 0
  ? govukTable({
      caption: t.errors,
      captionClasses: 'govuk-table__caption--s',
      head: [{ text: t.errorsPage }, { text: t.errorsField }, { text: t.errorsCount, format: 'numeric' }],
      rows: j.errors.slice(0, 10).map((e) => [{ text: e.page }, { text: e.field }, { text: formatNumber(e.errors, ctx.lang), format: 'numeric' }]),
    })
  : ''}`
  }
  return staffPage(ctx, {
    title: t.title,
    identity: view.identity,
    content: html`<h1 class="govuk-heading-l">${t.title}</h1>
<p class="govuk-body">${t.intro}</p>
<form method="get" action="/staff/performance" novalidate>
  ${govukSelect({
    id: 'days',
    name: 'days',
    label: { text: t.period },
    items: PERIODS.map((days) => ({ value: String(days), text: t.periods[days] ?? String(days), selected: days === view.days })),
  })}
  ${govukButton({ text: t.show, classes: 'govuk-button--secondary' })}
</form>
${view.journeys.length === 0 ? html`<p class="govuk-body">${t.none}</p>` : view.journeys.map(journey)}`,
  })
}

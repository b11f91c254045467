/** The performance dashboard's text, in English and Welsh. */
import type { Catalogue, Language } from '../i18n/index.js'

const en = {
  title: 'Service performance',
  intro: 'The GOV.UK measures for each journey, from the runs people started in the period. A run is one person’s way through a journey, from its first page.',
  period: 'Period',
  periods: { 7: 'Last 7 days', 30: 'Last 30 days', 90: 'Last 90 days', 365: 'Last 12 months' } as Record<number, string>,
  show: 'Show',
  none: 'No journeys have been used yet.',
  journey: (name: string) => `Journey: ${name}`,
  started: 'Runs started',
  completed: 'Completed',
  completionRate: 'Completion rate',
  digitalTakeUp: 'Digital take-up',
  digitalTakeUpHint: 'completed online, of all completed (online and by staff for someone)',
  satisfaction: 'User satisfaction',
  satisfied: (share: string, responses: number) => `${share} satisfied or very satisfied (${responses} ${responses === 1 ? 'response' : 'responses'})`,
  costPerTransaction: 'Cost per transaction',
  notMeasured: 'Not measured here: it needs the service’s running costs',
  noData: 'No data yet',
  dropOff: 'Where people stopped',
  dropOffPage: 'Last page seen',
  runs: 'Runs',
  errors: 'Questions with the most errors',
  errorsPage: 'Page',
  errorsField: 'Field',
  errorsCount: 'Errors',
}

export type PerformanceText = typeof en

const cy: Catalogue<PerformanceText> = {
  title: 'Perfformiad gwasanaethau',
  intro: 'Mesurau GOV.UK ar gyfer pob taith, o’r rhediadau a ddechreuodd pobl yn y cyfnod. Rhediad yw ffordd un person drwy daith, o’i thudalen gyntaf.',
  period: 'Cyfnod',
  periods: { 7: 'Y 7 diwrnod diwethaf', 30: 'Y 30 diwrnod diwethaf', 90: 'Y 90 diwrnod diwethaf', 365: 'Y 12 mis diwethaf' },
  show: 'Dangos',
  none: 'Nid oes neb wedi defnyddio taith eto.',
  journey: (name: string) => `Taith: ${name}`,
  started: 'Rhediadau a ddechreuwyd',
  completed: 'Wedi’u cwblhau',
  completionRate: 'Cyfradd cwblhau',
  digitalTakeUp: 'Defnydd digidol',
  digitalTakeUpHint: 'wedi’u cwblhau ar-lein, o’r holl rai a gwblhawyd (ar-lein a chan staff ar ran rhywun)',
  satisfaction: 'Bodlonrwydd defnyddwyr',
  satisfied: (share: string, responses: number) => `${share} yn fodlon neu’n fodlon iawn (${responses} ymateb)`,
  costPerTransaction: 'Cost fesul trafodiad',
  notMeasured: 'Heb ei fesur yma: mae angen costau rhedeg y gwasanaeth',
  noData: 'Dim data eto',
  dropOff: 'Ble stopiodd pobl',
  dropOffPage: 'Y dudalen olaf a welwyd',
  runs: 'Rhediadau',
  errors: 'Cwestiynau gyda’r mwyaf o wallau',
  errorsPage: 'Tudalen',
  errorsField: 'Maes',
  errorsCount: 'Gwallau',
}

export function performanceText(lang: Language): PerformanceText {
  return lang === 'cy' ? cy : en
}

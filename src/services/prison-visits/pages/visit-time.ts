/** The visit time page: sessions grouped by day, full ones shown as such and not choosable. */
import { formatTime, formatIsoDate, type Language } from '../../../platform/i18n/index.js'
import type { QuestionView } from '../../../platform/journeys/index.js'
import { html, type SafeHtml } from '../../../platform/ui/html.js'
import { govukRadios, govukErrorMessage, govukNotificationBanner } from '../../../platform/ui/govuk/index.js'
import { visitText } from '../locales/index.js'

export interface DayOfSessions {
  date: string
  sessions: { value: string; start: string; end: string; available: boolean }[]
}

export function timeText(hhmm: string, lang: Language): string {
  return formatTime(new Date(`2026-01-15T${hhmm}:00Z`), lang)
}

export function visitTimePage(view: QuestionView): SafeHtml {
  const { days, owner, prisonName, gone } = view.data as { days: DayOfSessions[]; owner: string; prisonName: string; gone: boolean }
  const t = visitText(view.lang).visitTime
  const chosen = typeof view.values.session === 'string' ? view.values.session : ''
  const error = view.error('session')
  if (days.length === 0) return html`<h1 class="govuk-heading-l">${t.title}</h1><p class="govuk-body">${t.none}</p>`
  return html`${gone ? govukNotificationBanner({ text: t.gone }) : ''}<input type="hidden" name="owner" value="${owner}">
<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
<fieldset class="govuk-fieldset" aria-describedby="session-intro${error ? ' session-error' : ''}">
  <legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">${t.title}</h1></legend>
  <p class="govuk-body" id="session-intro">${t.intro(prisonName)}</p>
  ${error ? govukErrorMessage({ id: 'session-error', text: error.message }) : ''}
  ${days.map((day, d) => {
    const label = formatIsoDate(day.date, view.lang, { withDay: true })
    return html`<h2 class="govuk-heading-s govuk-!-margin-bottom-2">${label}</h2>
  ${govukRadios({
    idPrefix: d === 0 ? 'session' : `session-${day.date}`,
    name: 'session',
    classes: 'govuk-radios--small govuk-!-margin-bottom-4',
    formGroup: { classes: 'govuk-!-margin-bottom-0' },
    items: day.sessions.map((s) => ({
      value: s.value,
      text: `${timeText(s.start, view.lang)} ${t.to} ${timeText(s.end, view.lang)}${s.available ? '' : ` – ${t.full}`}`,
      checked: s.value === chosen,
      disabled: !s.available,
    })),
  })}`
  })}
</fieldset>
</div>`
}

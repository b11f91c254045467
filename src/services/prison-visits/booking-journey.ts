/**
 * The public booking journey on the journeys engine: prison, prisoner,
 * visitors, visit time (which holds a place), additional support, contact
 * details, check answers, then booked or requested.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { withTables, type PlatformTables } from '../../platform/db/index.js'
import { formatIsoDate, type Language } from '../../platform/i18n/index.js'
import { sendMessage } from '../../platform/notify/index.js'
import {
  AnswerRejected,
  customPage,
  DATE_PARTS,
  date,
  defineJourney,
  email,
  firstValue,
  formSchema,
  questionPage,
  text,
  ukPhone,
  type FormValues,
  type QuestionView,
} from '../../platform/journeys/index.js'
import { andThen } from '../../platform/maybe-async.js'
import { flatHtml, html, type SafeHtml } from '../../platform/ui/html.js'
import { govukButton, govukFieldset } from '../../platform/ui/govuk/index.js'
import { databasePrisonerRegister } from './prisoner-register.js'
import { book, currentHold, findPrison, holdPlace, listPrisons, sessionAvailability, workingCalendar, type Db, type Prison } from './repository.js'
import { placeNeeded } from './rules/capacity.js'
import { isIsoDate, todayInLondon, type IsoDate } from './rules/dates.js'
import { signManageToken } from './rules/manage-token.js'
import type { RequestReason } from './rules/outcome.js'
import { DEFAULT_VISITOR_LIMITS, normalisePrisonerNumber, visitorProblems } from './rules/visitors.js'
import { bookableRange } from './rules/working-days.js'
import { findOnList } from './prisoner-register.js'
import { visitText } from './locales/index.js'
import { timeText, visitTimePage, type DayOfSessions } from './pages/visit-time.js'
import type { PrisonVisitsSettings } from './settings.js'
import type { PrisonVisitsTables } from './schema.js'

const tables = (db: Kysely<PlatformTables>): Db => withTables<PrisonVisitsTables>(db)
export const MAX_VISITORS_ON_FORM = 6
/** Wrong prisoner details allowed per journey, and per address, in LOOKUP_WINDOW_MINUTES. */
export const LOOKUP_LIMIT_PER_DRAFT = 5
export const LOOKUP_WINDOW_MINUTES = 15

/**
 * Prison names for check your answers, whose summary cannot query: filled when
 * the service starts and whenever the prison page loads, in every process.
 */
export const prisonNames = new Map<string, { en: string; cy: string }>()

export function rememberPrisonNames(prisons: readonly Prison[]): void {
  for (const p of prisons) prisonNames.set(p.code, { en: p.name, cy: p.nameCy ?? p.name })
}

/**
 * The prison question by language, answer and error, for each read of the
 * prison list: its 120 options cost more to render than the rest of the page,
 * and change only when the list does (every minute at most, see listPrisons).
 */
const prisonQuestions = new WeakMap<readonly Prison[], Map<string, SafeHtml>>()

export function prettyDate(d: IsoDate, lang: Language): string {
  return formatIsoDate(d, lang, { withDay: true })
}

export function reasonText(r: RequestReason, lang: Language): string {
  const t = visitText(lang).reasons
  switch (r.kind) {
    case 'no-allowance':
      return t.noAllowance(formatIsoDate(r.nextDueOn, lang))
    case 'visitor-not-on-list':
      return t.notOnList(r.visitor)
    case 'visitor-banned':
      return t.banned(r.visitor)
    case 'closed-visit':
      return t.closed
    case 'prisoner-restricted':
      return t.restricted
  }
}

interface Visitor {
  firstName: string
  lastName: string
  dateOfBirth: IsoDate
}

/** Posted visitors: `visitor-N-first`, `visitor-N-last`, `visitor-N-dob-day|month|year`, N from 1. */
function visitorCount(form: FormValues): number {
  let n = 1
  for (const key of Object.keys(form)) {
    const m = /^visitor-(\d+)-/.exec(key)
    if (m) n = Math.max(n, Number(m[1]))
  }
  return Math.min(n, MAX_VISITORS_ON_FORM + 1)
}

/**
 * The rules for a visitor's date of birth, and whose it is in their
 * messages: the public journey speaks to the lead visitor ("your"), staff
 * name each visitor by number.
 */
export function visitorDateOfBirth(lang: Language, visitor: number, options: { leadIsYou: boolean }): z.ZodType<string> {
  const name = options.leadIsYou && visitor === 1 ? { en: 'your date of birth', cy: 'eich dyddiad geni' } : { en: `visitor ${visitor}’s date of birth`, cy: `dyddiad geni ymwelydd ${visitor}` }
  return date(lang, { name, past: true })
}

function visitorsSchema(lang: Language) {
  const t = visitText(lang).visitors
  return z.unknown().transform((raw, ctx): Visitor[] => {
    const form = (raw ?? {}) as FormValues
    const visitors: Visitor[] = []
    for (let i = 1; i <= visitorCount(form); i++) {
      const first = firstValue(form[`visitor-${i}-first`]).trim()
      const last = firstValue(form[`visitor-${i}-last`]).trim()
      const who = i === 1 ? t.you : t.visitorN(i)
      if (!first) ctx.addIssue({ code: 'custom', path: [`visitor-${i}-first`], message: t.firstRequired(who) })
      else if (first.length > 50) ctx.addIssue({ code: 'custom', path: [`visitor-${i}-first`], message: t.tooLong })
      if (!last) ctx.addIssue({ code: 'custom', path: [`visitor-${i}-last`], message: t.lastRequired(who) })
      else if (last.length > 50) ctx.addIssue({ code: 'custom', path: [`visitor-${i}-last`], message: t.tooLong })
      const dob = visitorDateOfBirth(lang, i, { leadIsYou: true }).safeParse({
        day: form[`visitor-${i}-dob-day`],
        month: form[`visitor-${i}-dob-month`],
        year: form[`visitor-${i}-dob-year`],
      })
      // With the date's wrong parts (day, month, year), so the summary links to the first and only those are marked.
      if (!dob.success) {
        const issue = dob.error.issues[0] as { message?: string; params?: Record<string, unknown> } | undefined
        ctx.addIssue({ code: 'custom', path: [`visitor-${i}-dob`], message: issue?.message ?? '', params: issue?.params })
      } else if (first && last) visitors.push({ firstName: first, lastName: last, dateOfBirth: dob.data })
    }
    return visitors
  })
}

/** Each visitor's name and date of birth, through the journey's own fields: a date's error marks only the parts that are wrong. */
function visitorFields(view: QuestionView<unknown>) {
  const t = visitText(view.lang).visitors
  const count = visitorCount(view.values)
  return html`${Array.from({ length: count }, (_, k) => {
    const i = k + 1
    return govukFieldset({
      legend: { text: i === 1 ? t.leadLegend : t.visitorN(i), classes: 'govuk-fieldset__legend--m' },
      html: html`${view.input(`visitor-${i}-first`, { label: { text: t.firstName }, classes: 'govuk-!-width-two-thirds', autocomplete: i === 1 ? 'given-name' : 'off', spellcheck: false })}
${view.input(`visitor-${i}-last`, { label: { text: t.lastName }, classes: 'govuk-!-width-two-thirds', autocomplete: i === 1 ? 'family-name' : 'off', spellcheck: false })}
${view.date(`visitor-${i}-dob`, {
  fieldset: { legend: { text: t.dateOfBirth, classes: 'govuk-fieldset__legend--s' } },
  hint: { text: t.dobHint },
  ...(i === 1 ? { autocomplete: 'bday' } : {}),
})}
${i > 1 ? govukButton({ text: t.remove(i), classes: 'govuk-button--secondary', name: '_action', value: `remove-${i}` }) : ''}`,
    })
  })}
${count < MAX_VISITORS_ON_FORM ? govukButton({ text: t.add, classes: 'govuk-button--secondary', name: '_action', value: 'add' }) : ''}`
}

/** Renumbers visitors after one is removed, keeping what was typed. */
export function removeVisitor(form: FormValues, n: number): FormValues {
  const out: FormValues = {}
  for (const [key, value] of Object.entries(form)) {
    const m = /^visitor-(\d+)-(.*)$/.exec(key)
    if (!m) {
      out[key] = value
      continue
    }
    const i = Number(m[1])
    if (i === n) continue
    out[`visitor-${i > n ? i - 1 : i}-${m[2]}`] = value
  }
  return out
}

async function lookupAllowed(db: Db, key: string, limit: number, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - LOOKUP_WINDOW_MINUTES * 60_000)
  const r = await db.selectFrom('prison_visits_lookup_attempts').select((eb) => eb.fn.countAll<number>().as('n')).where('key', '=', key).where('at', '>', since).executeTakeFirstOrThrow()
  return Number(r.n) < limit
}

export async function ipLookupAllowed(db: Db, ip: string, limit: number, now = new Date()): Promise<boolean> {
  return lookupAllowed(db, `ip:${ip}`, limit, now)
}

export async function recordLookup(db: Db, key: string, now = new Date()): Promise<void> {
  await db.insertInto('prison_visits_lookup_attempts').values({ key, at: now }).execute()
}

export function bookingJourney(settings: PrisonVisitsSettings, baseUrl: string, secret: string) {
  return defineJourney({
    id: 'book-a-visit',
    service: 'prison-visits',
    startUrl: '/prison-visits',
    pages: {
      prison: customPage({
        path: 'prison',
        title: { en: 'Which prison are you visiting?', cy: 'Pa garchar ydych chi’n ymweld ag ef?' },
        schema: (lang) =>
          formSchema({ prison: z.string().regex(/^[A-Z]{3}$/, visitText(lang).prison.required) }).transform((v) => ({ ...v, lang })),
        // At once while the prison list is kept (listPrisons): the journey's first page, and its most seen.
        load: ({ db }) =>
          andThen(listPrisons(tables(db), { bookableOnly: true }), (prisons) => {
            if (!prisonQuestions.has(prisons)) {
              rememberPrisonNames(prisons)
              prisonQuestions.set(prisons, new Map())
            }
            return prisons
          }),
        render: (view) => {
          const prisons = view.data as readonly Prison[]
          const rendered = prisonQuestions.get(prisons) ?? new Map<string, SafeHtml>()
          const value = firstValue(view.values.prison)
          const key = `${view.lang}\u0000${value}\u0000${view.error('prison')?.message ?? ''}`
          let question = rendered.get(key)
          if (!question) {
            const t = visitText(view.lang).prison
            question = html`<link rel="stylesheet" href="/prison-visits/assets/accessible-autocomplete.min.css">
<script src="/prison-visits/assets/accessible-autocomplete.min.js" defer></script>
<script type="module" src="/prison-visits/assets/prison-autocomplete.js"></script>
${view.select('prison', {
              label: { text: t.label, classes: 'govuk-label--l', isPageHeading: true },
              hint: { text: t.hint },
              attributes: { 'data-module': 'pv-prison-autocomplete' },
              items: [{ value: '', text: t.choose }, ...prisons.map((p) => ({ value: p.code, text: view.lang === 'cy' && p.nameCy ? p.nameCy : p.name }))],
            })}`
            // Only answers the list offers: a forged form can send any value, which is shown but not kept.
            if (value === '' || prisonNames.has(value)) rendered.set(key, (question = flatHtml(question)))
          }
          return question
        },
        onSave: async (trx, value) => {
          const prison = await findPrison(tables(trx), value.prison)
          return prison?.enabled ? [] : [{ field: 'prison', message: visitText(value.lang).prison.required }]
        },
        summary: (value, lang) => [{ key: visitText(lang).prison.summary, value: prisonNames.get(value.prison)?.[lang] ?? value.prison }],
      }),
      prisoner: customPage({
        path: 'prisoner',
        title: { en: 'Who are you visiting?', cy: 'Pwy ydych chi’n ymweld â nhw?' },
        schema: (lang) => {
          const t = visitText(lang).prisoner
          return formSchema({
            firstName: text(lang, { name: { en: 'the prisoner’s first name', cy: 'enw cyntaf y carcharor' }, max: 50 }),
            lastName: text(lang, { name: { en: 'the prisoner’s last name', cy: 'cyfenw’r carcharor' }, max: 50 }),
            dateOfBirth: date(lang, { name: { en: 'the prisoner’s date of birth', cy: 'dyddiad geni’r carcharor' }, past: true }),
            number: z.unknown().transform((raw, ctx) => {
              const given = firstValue(raw)
              if (!given.trim()) return (ctx.addIssue({ code: 'custom', message: t.numberRequired }), z.NEVER)
              return normalisePrisonerNumber(given) ?? (ctx.addIssue({ code: 'custom', message: t.numberFormat }), z.NEVER)
            }),
          }).transform((v) => ({ ...v, lang }))
        },
        render: (view) => {
          const t = visitText(view.lang).prisoner
          return html`<h1 class="govuk-heading-l">${t.title}</h1>
<p class="govuk-body">${t.intro}</p>
${view.input('firstName', { label: { text: t.firstName }, classes: 'govuk-!-width-two-thirds', spellcheck: false, autocomplete: 'off' })}
${view.input('lastName', { label: { text: t.lastName }, classes: 'govuk-!-width-two-thirds', spellcheck: false, autocomplete: 'off' })}
${view.date('dateOfBirth', { fieldset: { legend: { text: t.dateOfBirth, classes: 'govuk-fieldset__legend--s' } }, hint: { text: t.dobHint } })}
${view.input('number', { label: { text: t.number }, hint: { text: t.numberHint }, classes: 'govuk-input--width-10', spellcheck: false, autocomplete: 'off' })}`
        },
        onSave: async (trx, value, ctx) => {
          const db = tables(trx)
          const t = visitText(value.lang)
          const prisonCode = (ctx.answers.prison as { prison: string } | undefined)?.prison ?? ''
          const now = new Date()
          const key = `draft:${ctx.draftId}`
          if (!(await lookupAllowed(db, key, LOOKUP_LIMIT_PER_DRAFT, now))) return [{ field: 'firstName', message: t.prisoner.tooMany }]
          const match = await databasePrisonerRegister(db).match({ number: value.number, firstName: value.firstName, lastName: value.lastName, dateOfBirth: value.dateOfBirth, prisonCode })
          if (match) return []
          await recordLookup(db, key, now)
          return [{ field: 'firstName', message: t.prisoner.mismatch }]
        },
        summary: (v, lang) => {
          const t = visitText(lang).prisoner
          return [
            { key: t.summaryName, value: `${v.firstName} ${v.lastName}`, field: 'firstName' },
            { key: t.dateOfBirth, value: formatIsoDate(v.dateOfBirth, lang), field: 'dateOfBirth' },
            { key: t.number, value: v.number, field: 'number' },
          ]
        },
      }),
      visitors: customPage({
        path: 'visitors',
        title: { en: 'Who is visiting?', cy: 'Pwy sy’n ymweld?' },
        // The form as it came, not inside an object: an object's key would start every error's field
        // (`visitors-visitor-1-first`), which matches no input on the page.
        schema: (lang) => visitorsSchema(lang).transform((visitors) => ({ visitors, lang })),
        // The chosen prison's own limits, said before anyone is added.
        load: async ({ db, answers }) => {
          const code = (answers.prison as { prison: string } | undefined)?.prison
          const prison = (await listPrisons(tables(db), { bookableOnly: false })).find((p) => p.code === code)
          return prison?.limits ?? DEFAULT_VISITOR_LIMITS
        },
        render: (view) => {
          const t = visitText(view.lang).visitors
          return html`<h1 class="govuk-heading-l">${t.title}</h1>
<p class="govuk-body">${t.intro(view.data)}</p>
${visitorFields(view)}`
        },
        action: (action, form) => {
          if (action === 'add') return { ...form, [`visitor-${visitorCount(form) + 1}-first`]: '' }
          const m = /^remove-(\d+)$/.exec(action)
          return m ? removeVisitor(form, Number(m[1])) : undefined
        },
        onSave: async (trx, value, ctx) => {
          const prison = await findPrison(tables(trx), (ctx.answers.prison as { prison: string } | undefined)?.prison ?? '')
          if (!prison) return []
          const t = visitText(value.lang).visitors
          const problems = visitorProblems(value.visitors.map((v) => v.dateOfBirth), prison.limits, todayInLondon())
          return problems.map((p) => ({
            field: p === 'lead-visitor-under-18' ? 'visitor-1-dob' : 'visitor-1-first',
            // The summary links to the date's first input, not its wrapper, which cannot take focus.
            ...(p === 'lead-visitor-under-18' ? { parts: [...DATE_PARTS] } : {}),
            message: p === 'lead-visitor-under-18' ? t.leadUnder18 : p === 'too-many-visitors' ? t.tooMany(prison.limits.maxVisitors) : t.tooManyAdults(prison.limits.maxAdults, prison.limits.adultAge),
          }))
        },
        summary: (v, lang) => [
          {
            key: visitText(lang).visitors.summary,
            value: v.visitors.map((x) => `${x.firstName} ${x.lastName} (${formatIsoDate(x.dateOfBirth, lang)})`).join(', '),
            field: 'visitor-1-first',
          },
        ],
      }),
      visitTime: customPage({
        path: 'visit-time',
        title: { en: 'Choose a visit time', cy: 'Dewiswch amser ymweld' },
        schema: (lang) =>
          formSchema({
            session: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, visitText(lang).visitTime.required),
            owner: z.string().uuid(),
          }).transform((v) => ({ ...v, lang })),
        load: async ({ db, answers, lang }): Promise<{ days: DayOfSessions[]; owner: string; prisonName: string; gone: boolean }> => {
          const d = tables(db)
          const prison = await findPrison(d, (answers.prison as { prison: string } | undefined)?.prison ?? '')
          const chosen = answers.visitTime as { owner: string } | undefined
          const owner = chosen?.owner ?? randomUUID()
          if (!prison) return { days: [], owner, prisonName: '', gone: false }
          const now = new Date()
          // Back here from check answers with the held place gone and the session since filled.
          const gone = chosen !== undefined && (await currentHold(d, owner, now)) === undefined
          const range = bookableRange(todayInLondon(now), { leadDays: prison.leadDays, bookingWindowDays: prison.bookingWindowDays }, await workingCalendar(d, prison))
          const sessions = await sessionAvailability(d, prison.code, range.from, range.to, now)
          const days = new Map<string, DayOfSessions>()
          for (const s of sessions) {
            const day = days.get(s.date) ?? { date: s.date, sessions: [] }
            day.sessions.push({ value: `${s.date} ${s.startTime}`, start: s.startTime, end: s.endTime, available: s.openTaken < s.openCapacity })
            days.set(s.date, day)
          }
          const prisonName = lang === 'cy' && prison.nameCy ? prison.nameCy : prison.name
          const chosenSession = (answers.visitTime as { session: string } | undefined)?.session
          const stillFree = [...days.values()].some((day) => day.sessions.some((s) => s.value === chosenSession && s.available))
          return { days: [...days.values()], owner, prisonName, gone: gone && !stillFree }
        },
        render: (view) => visitTimePage(view),
        onSave: async (trx, value, ctx) => {
          const db = tables(trx)
          const prisonCode = (ctx.answers.prison as { prison: string } | undefined)?.prison ?? ''
          const prison = await findPrison(db, prisonCode)
          const [date_, start] = value.session.split(' ') as [string, string]
          const t = visitText(value.lang).visitTime
          if (!prison || !isIsoDate(date_)) return [{ field: 'session', message: t.required }]
          const now = new Date()
          const range = bookableRange(todayInLondon(now), { leadDays: prison.leadDays, bookingWindowDays: prison.bookingWindowDays }, await workingCalendar(db, prison))
          if (date_ < range.from || date_ > range.to) return [{ field: 'session', message: t.gone }]
          // The visitors page counts adults as of today; a visitor may turn adult by the visit.
          if (tooManyAdultsOn(ctx.answers, prison, date_)) return [{ field: 'session', message: t.tooManyAdultsThatDay(prison.limits.maxAdults, prison.limits.adultAge) }]
          const place = await placeFor(db, ctx.answers)
          const held = await holdPlace(db, { prisonCode, date: date_, startTime: start, place, owner: value.owner, now, holdMinutes: settings.holdMinutes })
          return held.held ? [] : [{ field: 'session', message: t.gone }]
        },
        summary: (v, lang) => {
          const [d, start] = v.session.split(' ') as [string, string]
          return [{ key: visitText(lang).visitTime.summary, value: `${prettyDate(d, lang)}, ${timeText(start, lang)}`, field: 'session' }]
        },
      }),
      support: questionPage({
        path: 'additional-support',
        title: { en: 'Is there anything the prison needs to know to support your visit?', cy: 'A oes unrhyw beth sydd angen i’r carchar ei wybod i’ch cefnogi yn ystod eich ymweliad?' },
        schema: (lang) => formSchema({ support: text(lang, { name: { en: 'the support you need', cy: 'y cymorth sydd ei angen arnoch' }, max: 200, optional: true }) }),
        questions: (view) =>
          view.textarea('support', {
            label: { text: visitText(view.lang).support.label, classes: 'govuk-label--l', isPageHeading: true },
            hint: { text: visitText(view.lang).support.hint },
            rows: 3,
          }),
        summary: (v, lang) => [{ key: visitText(lang).support.summary, value: v.support ?? visitText(lang).support.none }],
      }),
      contact: questionPage({
        path: 'contact-details',
        title: { en: 'How should we contact you about this visit?', cy: 'Sut ddylem ni gysylltu â chi am yr ymweliad hwn?' },
        schema: (lang) =>
          formSchema({ email: email(lang, { optional: true }), phone: ukPhone(lang, { optional: true }) }).superRefine((v, ctx) => {
            if (!v.email && !v.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: visitText(lang).contact.required })
            if (v.phone && !/^07\d{9}$/.test(v.phone)) ctx.addIssue({ code: 'custom', path: ['phone'], message: visitText(lang).contact.mobile })
          }),
        questions: (view) => {
          const t = visitText(view.lang).contact
          return html`<h1 class="govuk-heading-l">${t.title}</h1>
<p class="govuk-body">${t.intro}</p>
${view.input('email', { label: { text: t.email }, type: 'email', autocomplete: 'email', spellcheck: false })}
${view.input('phone', { label: { text: t.phone }, hint: { text: t.phoneHint }, type: 'tel', autocomplete: 'tel', classes: 'govuk-input--width-20' })}`
        },
        summary: (v, lang) => {
          const t = visitText(lang).contact
          return [
            ...(v.email ? [{ key: t.email, value: v.email, field: 'email' }] : []),
            ...(v.phone ? [{ key: t.phone, value: v.phone, field: 'phone' }] : []),
          ]
        },
      }),
    },
    checkAnswers: {
      title: { en: 'Check your visit details before booking', cy: 'Gwiriwch fanylion eich ymweliad cyn archebu' },
      submitText: { en: 'Book visit', cy: 'Archebu ymweliad' },
      declaration: (lang) => html`<p class="govuk-body">${visitText(lang).check.declaration}</p>`,
    },
    submit: async (trx, answers, ctx) => {
      const db = tables(trx)
      const prison = await findPrison(db, answers.prison!.prison)
      if (!prison) throw new Error('prison gone between answer and submit')
      const [d, start] = answers.visitTime!.session.split(' ') as [string, string]
      // Visitors changed from check answers after the time was chosen are counted on the visit's day too.
      if (tooManyAdultsOn(answers as Record<string, unknown>, prison, d)) {
        throw new AnswerRejected('visitTime', [{ field: 'session', message: visitText(ctx.lang).visitTime.tooManyAdultsThatDay(prison.limits.maxAdults, prison.limits.adultAge) }])
      }
      const now = new Date()
      const result = await book(
        db,
        prison,
        {
          prisonCode: prison.code,
          date: d,
          startTime: start,
          owner: answers.visitTime!.owner,
          prisonerNumber: answers.prisoner!.number,
          visitors: answers.visitors!.visitors,
          contactEmail: answers.contact!.email ?? null,
          contactPhone: answers.contact!.phone ?? null,
          lang: ctx.lang,
          additionalSupport: answers.support?.support ?? null,
          channel: ctx.channel,
          now,
          today: todayInLondon(now),
        },
        async (t, visit) => {
          const link = `${baseUrl}/prison-visits/manage/${signManageToken(visit.id, new Date(now.getTime() + settings.manageLinkDays * 86_400_000), secret)}`
          const prisonName = ctx.lang === 'cy' && prison.nameCy ? prison.nameCy : prison.name
          await sendMessage(t, {
            type: visit.state === 'booked' ? 'prison-visits-booked' : 'prison-visits-requested',
            to: { email: answers.contact!.email, phone: answers.contact!.phone },
            lang: ctx.lang,
            personalisation: {
              reference: visit.reference,
              prison: prisonName,
              when: `${prettyDate(d, ctx.lang)}, ${timeText(start, ctx.lang)}`,
              detail: visit.state === 'booked' ? visitText(ctx.lang).confirmation.bookedDetail : visit.reasons.map((r) => reasonText(r, ctx.lang)).join(' '),
              link,
            },
            idempotencyKey: `prison-visits:booking:${visit.id}`,
          })
        },
      )
      // The prisoner is not at the prison now chosen (the prison was changed from check answers, or the
      // prisoner has moved): back to the prisoner's details, which must be checked against this prison.
      if (result.kind === 'no-prisoner') throw new AnswerRejected('prisoner', [{ field: 'firstName', message: visitText(ctx.lang).prisoner.mismatch }])
      // The held place expired and the session filled meanwhile: back to choose another time, answers kept.
      if (result.kind !== 'done') throw new AnswerRejected('visitTime', [{ field: 'session', message: visitText(ctx.lang).visitTime.gone }])
      return { reference: result.visit.reference }
    },
    confirmation: {
      title: { en: 'Visit booked', cy: 'Ymweliad wedi’i archebu' },
    },
  })
}

/** True when, on the visit's day, the journey's visitors include more adults than the prison allows. */
function tooManyAdultsOn(answers: Record<string, unknown>, prison: Prison, day: IsoDate): boolean {
  const visitors = (answers.visitors as { visitors: { dateOfBirth: IsoDate }[] } | undefined)?.visitors ?? []
  return visitorProblems(visitors.map((v) => v.dateOfBirth), prison.limits, day).includes('too-many-adults')
}

/** A closed place when the prisoner or any visitor on the approved list is restricted to closed visits. */
async function placeFor(db: Db, answers: Record<string, unknown>) {
  const number = (answers.prisoner as { number: string } | undefined)?.number ?? ''
  const register = databasePrisonerRegister(db)
  const prisoner = await register.find(number)
  const list = await register.approvedVisitors(number)
  const visitors = ((answers.visitors as { visitors: Visitor[] } | undefined)?.visitors ?? []).map((v) => findOnList(list, v)?.closedVisitsOnly ?? false)
  return placeNeeded(prisoner?.closedVisitsOnly ?? false, visitors)
}


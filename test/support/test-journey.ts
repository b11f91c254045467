/**
 * A journey used only by tests: every feature of the engine on a few pages.
 * Branching (visited before? -> date of last visit), grouped questions with
 * autocomplete, "add another" visitors and a visit-time calendar with holds
 * (custom pages), check answers, a submission that can be made to fail.
 */
import { sql } from 'kysely'
import { z } from 'zod'
import type { JusticeService } from '../../src/platform/service.js'
import { html } from '../../src/platform/ui/html.js'
import { formatDate } from '../../src/platform/i18n/index.js'
import {
  AnswerRejected,
  customPage,
  date,
  defineJourney,
  email,
  formSchema,
  fullName,
  journeyPlugin,
  oneOf,
  questionPage,
  text,
  ukPhone,
  yesNo,
  type Answers,
  type FormValues,
} from '../../src/platform/journeys/index.js'
import { govukButton } from '../../src/platform/ui/govuk/index.js'
import { requireRole } from '../../src/platform/staff/index.js'

const longDate = (iso: string, lang: 'en' | 'cy') => formatDate(new Date(`${iso}T12:00:00Z`), lang)

/** Visitor fields are `visitor-1`, `visitor-2`...; "Add another" appends an empty one. */
function visitorFields(form: FormValues): string[] {
  return Object.keys(form)
    .filter((k) => /^visitor-\d+$/.test(k))
    .sort((a, b) => Number(a.slice(8)) - Number(b.slice(8)))
}

export const SLOTS = [
  { id: 'mon-am', en: 'Monday morning', cy: 'Bore dydd Llun' },
  { id: 'mon-pm', en: 'Monday afternoon', cy: 'Prynhawn dydd Llun' },
  { id: 'tue-am', en: 'Tuesday morning', cy: 'Bore dydd Mawrth' },
  { id: 'wed-am', en: 'Wednesday morning', cy: 'Bore dydd Mercher' },
  { id: 'wed-pm', en: 'Wednesday afternoon', cy: 'Prynhawn dydd Mercher' },
  { id: 'thu-am', en: 'Thursday morning', cy: 'Bore dydd Iau' },
] as const

const pages = {
  name: questionPage({
    path: 'name',
    title: { en: 'What is your full name?', cy: 'Beth yw eich enw llawn?' },
    schema: (lang) => formSchema({ name: fullName(lang, { name: { en: 'your full name', cy: 'eich enw llawn' } }) }),
    questions: (v) =>
      v.input('name', {
        label: { text: v.lang === 'cy' ? 'Beth yw eich enw llawn?' : 'What is your full name?', isPageHeading: true, classes: 'govuk-label--l' },
        autocomplete: 'name',
        spellcheck: false,
      }),
    summary: (value, lang) => [{ key: lang === 'cy' ? 'Enw' : 'Name', value: value.name }],
  }),
  dateOfBirth: questionPage({
    path: 'date-of-birth',
    title: { en: 'What is your date of birth?', cy: 'Beth yw eich dyddiad geni?' },
    schema: (lang) => formSchema({ dob: date(lang, { name: { en: 'your date of birth', cy: 'eich dyddiad geni' }, past: true }) }),
    questions: (v) =>
      v.date('dob', {
        fieldset: { legend: { text: v.lang === 'cy' ? 'Beth yw eich dyddiad geni?' : 'What is your date of birth?', isPageHeading: true, classes: 'govuk-fieldset__legend--l' } },
        hint: { text: v.lang === 'cy' ? 'Er enghraifft, 27 3 2007' : 'For example, 27 3 2007' },
        autocomplete: 'bday',
      }),
    summary: (value, lang) => [{ key: lang === 'cy' ? 'Dyddiad geni' : 'Date of birth', value: longDate(value.dob, lang) }],
  }),
  visitedBefore: questionPage({
    path: 'visited-before',
    title: { en: 'Have you visited before?', cy: 'Ydych chi wedi ymweld o’r blaen?' },
    schema: (lang) => formSchema({ visited: yesNo(lang, { required: { en: 'Select yes if you have visited before', cy: 'Dewiswch ydw os ydych wedi ymweld o’r blaen' } }) }),
    questions: (v) =>
      v.radios('visited', {
        fieldset: { legend: { text: v.lang === 'cy' ? 'Ydych chi wedi ymweld o’r blaen?' : 'Have you visited before?', isPageHeading: true, classes: 'govuk-fieldset__legend--l' } },
        classes: 'govuk-radios--inline',
        items: [
          { value: 'yes', text: v.lang === 'cy' ? 'Ydw' : 'Yes' },
          { value: 'no', text: v.lang === 'cy' ? 'Nac ydw' : 'No' },
        ],
      }),
    summary: (value, lang) => [{ key: lang === 'cy' ? 'Wedi ymweld o’r blaen' : 'Visited before', value: value.visited ? (lang === 'cy' ? 'Ydw' : 'Yes') : lang === 'cy' ? 'Nac ydw' : 'No' }],
  }),
  lastVisit: questionPage({
    path: 'last-visit',
    title: { en: 'When did you last visit?', cy: 'Pryd wnaethoch chi ymweld ddiwethaf?' },
    schema: (lang) => formSchema({ lastVisit: date(lang, { name: { en: 'the date of your last visit', cy: 'dyddiad eich ymweliad diwethaf' }, todayOrPast: true }) }),
    questions: (v) =>
      v.date('lastVisit', {
        fieldset: { legend: { text: v.lang === 'cy' ? 'Pryd wnaethoch chi ymweld ddiwethaf?' : 'When did you last visit?', isPageHeading: true, classes: 'govuk-fieldset__legend--l' } },
      }),
    summary: (value, lang) => [{ key: lang === 'cy' ? 'Ymweliad diwethaf' : 'Last visit', value: longDate(value.lastVisit, lang) }],
  }),
  contact: questionPage({
    path: 'contact',
    title: { en: 'How can we contact you?', cy: 'Sut gallwn ni gysylltu â chi?' },
    schema: (lang) =>
      formSchema({
        email: email(lang, { required: { en: 'Enter your email address', cy: 'Rhowch eich cyfeiriad e-bost' } }),
        phone: ukPhone(lang, { optional: true }),
      }),
    questions: (v) => html`<fieldset class="govuk-fieldset">
  <legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">${v.lang === 'cy' ? 'Sut gallwn ni gysylltu â chi?' : 'How can we contact you?'}</h1></legend>
  ${v.input('email', { label: { text: v.lang === 'cy' ? 'Cyfeiriad e-bost' : 'Email address' }, type: 'email', autocomplete: 'email', spellcheck: false })}
  ${v.input('phone', { label: { text: v.lang === 'cy' ? 'Rhif ffôn (dewisol)' : 'Telephone number (optional)' }, type: 'tel', autocomplete: 'tel', classes: 'govuk-input--width-20' })}
</fieldset>`,
    summary: (value, lang) => [
      { key: lang === 'cy' ? 'Cyfeiriad e-bost' : 'Email address', value: value.email },
      ...(value.phone ? [{ key: lang === 'cy' ? 'Rhif ffôn' : 'Telephone number', value: value.phone }] : []),
    ],
  }),
  visitors: customPage({
    path: 'visitors',
    title: { en: 'Who is visiting?', cy: 'Pwy sy’n ymweld?' },
    schema: (lang) =>
      z.unknown().transform((raw, ctx) => {
        const form = raw as FormValues
        const names: string[] = []
        const fields = visitorFields(form)
        if (fields.length === 0) fields.push('visitor-1')
        for (const field of fields) {
          const parsed = text(lang, { name: { en: 'the visitor’s full name', cy: 'enw llawn yr ymwelydd' }, max: 100 }).safeParse(form[field])
          if (parsed.success) names.push(parsed.data)
          else ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]!.message, path: [field] })
        }
        return { visitors: names }
      }),
    render: (v) => {
      const fields = visitorFields(v.values)
      if (fields.length === 0) fields.push('visitor-1')
      return html`<h1 class="govuk-heading-l">${v.lang === 'cy' ? 'Pwy sy’n ymweld?' : 'Who is visiting?'}</h1>
${fields.map(
  (field, i) => html`<fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${v.lang === 'cy' ? `Ymwelydd ${i + 1}` : `Visitor ${i + 1}`}</legend>
${v.input(field, { label: { text: v.lang === 'cy' ? 'Enw llawn' : 'Full name' }, spellcheck: false })}
${fields.length > 1 ? govukButton({ text: v.lang === 'cy' ? `Dileu ymwelydd ${i + 1}` : `Remove visitor ${i + 1}`, name: '_action', value: `remove-${field}`, classes: 'govuk-button--secondary' }) : ''}
</fieldset>`,
)}
${govukButton({ text: v.lang === 'cy' ? 'Ychwanegu ymwelydd arall' : 'Add another visitor', name: '_action', value: 'add', classes: 'govuk-button--secondary' })}`
    },
    action: (action, form) => {
      const fields = visitorFields(form)
      if (action === 'add') {
        const n = fields.length === 0 ? 2 : Number(fields[fields.length - 1]!.slice(8)) + 1
        return { ...form, ...(fields.length === 0 ? { 'visitor-1': '' } : {}), [`visitor-${n}`]: '' }
      }
      if (action.startsWith('remove-')) {
        const out = { ...form }
        delete out[action.slice(7)]
        return out
      }
      return undefined
    },
    summary: (value, lang) => [{ key: lang === 'cy' ? 'Ymwelwyr' : 'Visitors', value: value.visitors.join(', ') }],
  }),
  visitTime: customPage({
    path: 'visit-time',
    title: { en: 'Choose a visit time', cy: 'Dewiswch amser ymweld' },
    schema: (lang) => formSchema({ slot: oneOf(lang, SLOTS.map((s) => s.id), { required: { en: 'Select a visit time', cy: 'Dewiswch amser ymweld' } }) }),
    load: async ({ db }) => {
      const held = await sql<{ slot: string }>`select slot from test_journey_holds`.execute(db)
      return new Set(held.rows.map((r) => r.slot))
    },
    render: (v) =>
      v.radios('slot', {
        fieldset: { legend: { text: v.lang === 'cy' ? 'Dewiswch amser ymweld' : 'Choose a visit time', isPageHeading: true, classes: 'govuk-fieldset__legend--l' } },
        items: SLOTS.map((s) => ({ value: s.id, text: s[v.lang], disabled: v.data.has(s.id) && v.values.slot !== s.id })),
      }),
    // Holds the slot for this draft; a slot another draft holds is refused.
    onSave: async (trx, value, { draftId }) => {
      await sql`delete from test_journey_holds where draft_id = ${draftId}`.execute(trx)
      const taken = await sql`insert into test_journey_holds (slot, draft_id) values (${value.slot}, ${draftId}) on conflict (slot) do nothing returning slot`.execute(trx)
      if (taken.rows.length === 0) return [{ field: 'slot', message: 'That time has just been taken. Choose another time' }]
    },
    summary: (value, lang) => [{ key: lang === 'cy' ? 'Amser ymweld' : 'Visit time', value: SLOTS.find((s) => s.id === value.slot)![lang] }],
  }),
}

export type TestAnswers = Answers<typeof pages>

let references = 0

export const testJourney = defineJourney({
  id: 'apply',
  service: 'journey-probe',
  pages,
  next: {
    visitedBefore: (answers) => (answers.visitedBefore?.visited ? 'lastVisit' : 'contact'),
  },
  checkAnswers: {
    declaration: (lang) => html`<p class="govuk-body">${lang === 'cy' ? 'Drwy anfon y cais hwn rydych yn cadarnhau bod y manylion yn gywir.' : 'By sending this application you confirm that the details are correct.'}</p>`,
  },
  submit: async (trx, answers, { draftId }) => {
    if (answers.name?.name === 'Fail Please') throw new Error('the service could not take the application')
    if (answers.name?.name === 'Slot Gone') throw new AnswerRejected('visitTime', [{ field: 'slot', message: 'That time is no longer available. Choose another time' }])
    // The held time becomes the booking: release the hold.
    await sql`delete from test_journey_holds where draft_id = ${draftId}`.execute(trx)
    references++
    const reference = `TST-${Date.now().toString(36).toUpperCase()}-${references}`
    await sql`insert into test_journey_applications (reference, answers) values (${reference}, ${JSON.stringify(answers)})`.execute(trx)
    return { reference }
  },
  confirmation: {
    title: { en: 'Application sent', cy: 'Cais wedi’i anfon' },
    render: ({ lang }) => html`<p class="govuk-body">${lang === 'cy' ? 'Byddwn yn anfon e-bost atoch.' : 'We have sent you an email.'}</p>`,
  },
  startUrl: '/',
})

/**
 * A test-only service that mounts the journey at /apply, and again at
 * /staff/apply-for for staff completing it for someone (assisted).
 */
export function journeyProbeService(options: { sessionMinutes?: number } = {}): JusticeService {
  return {
    id: 'journey-probe',
    name: { en: 'Apply for a test', cy: 'Gwneud cais am brawf' },
    description: { en: 'Used by tests', cy: 'Ar gyfer profion' },
    path: '/apply',
    listed: false,
    migrations: [
      {
        name: 'journey-probe/tables',
        async up(db) {
          await sql`create table test_journey_applications (reference text primary key, answers jsonb not null)`.execute(db)
          await sql`create table test_journey_holds (slot text primary key, draft_id text not null)`.execute(db)
        },
      },
    ],
    async plugin(app, deps) {
      await app.register(journeyPlugin, {
        prefix: '/apply',
        journey: testJourney,
        database: deps.database,
        service: { name: { en: 'Apply for a test', cy: 'Gwneud cais am brawf' }, url: '/apply' },
        baseUrl: deps.config.baseUrl,
        sessionMinutes: options.sessionMinutes,
        channel: (request) => (request.headers['x-assisted'] === 'yes' ? 'assisted' : 'digital'),
      })
      await app.register(journeyPlugin, {
        prefix: '/staff/apply-for',
        journey: testJourney,
        database: deps.database,
        service: { name: { en: 'Apply for a test', cy: 'Gwneud cais am brawf' }, url: '/staff/apply-for' },
        baseUrl: deps.config.baseUrl,
        routeConfig: { staff: requireRole('platform-admin') },
        channel: () => 'assisted',
        cleanupIntervalMs: 0,
      })
    },
  }
}

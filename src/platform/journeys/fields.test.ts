import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { z } from 'zod'
import { date, email, errorHref, fieldErrors, formSchema, fullName, normaliseUkPhone, oneOf, postcode, someOf, text, ukPhone, wholeNumber, yesNo } from './fields.js'

const today = () => '2026-06-15'
const dob = (lang: 'en' | 'cy' = 'en') => formSchema({ dob: date(lang, { name: { en: 'your date of birth', cy: 'eich dyddiad geni' }, past: true, today }) })

function errorsOf(schema: z.ZodType, form: Record<string, string | string[]>) {
  const result = schema.safeParse(form)
  assert.equal(result.success, false, 'expected the form to be refused')
  return fieldErrors((result as { error: z.ZodError }).error)
}

test('a date is stored as YYYY-MM-DD; month names and spaces are accepted', () => {
  assert.deepEqual(dob().parse({ 'dob-day': ' 3 ', 'dob-month': '4', 'dob-year': '1990' }), { dob: '1990-04-03' })
  assert.deepEqual(dob().parse({ 'dob-day': '03', 'dob-month': 'April', 'dob-year': '1990' }), { dob: '1990-04-03' })
})

test('an empty date asks to enter it and highlights every part; the summary links to the day', () => {
  const [e] = errorsOf(dob(), { 'dob-day': '', 'dob-month': '', 'dob-year': '' })
  assert.equal(e?.message, 'Enter your date of birth')
  assert.deepEqual(e?.parts, ['day', 'month', 'year'])
  assert.equal(errorHref(e!), '#dob-day')
})

test('a date missing parts names them, and links to the first missing', () => {
  const [e] = errorsOf(dob(), { 'dob-day': '12', 'dob-month': '', 'dob-year': '' })
  assert.equal(e?.message, 'Your date of birth must include a month and a year')
  assert.equal(errorHref(e!), '#dob-month')
  const [y] = errorsOf(dob(), { 'dob-day': '12', 'dob-month': '3', 'dob-year': '' })
  assert.equal(y?.message, 'Your date of birth must include a year')
  assert.deepEqual(y?.parts, ['year'])
})

test('an impossible date is not a real date, and says which part is wrong', () => {
  assert.deepEqual(errorsOf(dob(), { 'dob-day': '31', 'dob-month': '6', 'dob-year': '1990' })[0]?.parts, ['day'])
  const [m] = errorsOf(dob(), { 'dob-day': '1', 'dob-month': '13', 'dob-year': '1990' })
  assert.equal(m?.message, 'Your date of birth must be a real date')
  assert.deepEqual(m?.parts, ['month'])
  assert.deepEqual(errorsOf(dob(), { 'dob-day': '29', 'dob-month': '2', 'dob-year': '2023' })[0]?.parts, ['day'])
  assert.equal(dob().parse({ 'dob-day': '29', 'dob-month': '2', 'dob-year': '2024' }).dob, '2024-02-29')
  assert.equal(errorsOf(dob(), { 'dob-day': '1', 'dob-month': '1', 'dob-year': '90' })[0]?.message, 'Your date of birth must include a year with 4 numbers')
})

test('past and future rules compare with today in London', () => {
  assert.equal(errorsOf(dob(), { 'dob-day': '15', 'dob-month': '6', 'dob-year': '2026' })[0]?.message, 'Your date of birth must be in the past')
  const visit = formSchema({ when: date('en', { name: { en: 'the visit date', cy: 'dyddiad yr ymweliad' }, todayOrFuture: true, today }) })
  assert.equal(visit.parse({ 'when-day': '15', 'when-month': '6', 'when-year': '2026' }).when, '2026-06-15')
  assert.equal(errorsOf(visit, { 'when-day': '14', 'when-month': '6', 'when-year': '2026' })[0]?.message, 'The visit date must be today or in the future')
})

test('Welsh messages', () => {
  assert.equal(errorsOf(dob('cy'), { 'dob-day': '', 'dob-month': '', 'dob-year': '' })[0]?.message, 'Rhowch eich dyddiad geni')
  assert.equal(errorsOf(dob('cy'), { 'dob-day': '31', 'dob-month': '6', 'dob-year': '1990' })[0]?.message, 'Rhaid i’ch dyddiad geni fod yn ddyddiad go iawn')
  assert.match(errorsOf(formSchema({ email: email('cy') }), { email: 'x' })[0]!.message, /^Rhowch gyfeiriad e-bost yn y fformat cywir/)
})

test('text is trimmed, required unless optional, and limited in length', () => {
  const name = formSchema({ name: fullName('en', { name: { en: 'your full name', cy: 'eich enw llawn' } }) })
  assert.deepEqual(name.parse({ name: '  Ada Lovelace ' }), { name: 'Ada Lovelace' })
  assert.equal(errorsOf(name, { name: ' ' })[0]?.message, 'Enter your full name')
  assert.equal(errorsOf(name, { name: 'x'.repeat(101) })[0]?.message, 'Your full name must be 100 characters or fewer')
  const note = formSchema({ note: text('en', { name: { en: 'a note', cy: 'nodyn' }, optional: true }) })
  assert.deepEqual(note.parse({ note: '' }), { note: undefined })
  assert.equal(note.parse({}).note, undefined)
})

test('email addresses', () => {
  const s = formSchema({ email: email('en') })
  assert.equal(s.parse({ email: ' name@example.com ' }).email, 'name@example.com')
  for (const bad of ['name', 'name@example', 'name @example.com', '@example.com', 'name@.com']) {
    assert.equal(errorsOf(s, { email: bad })[0]?.message, 'Enter an email address in the correct format, like name@example.com', bad)
  }
  assert.equal(errorsOf(s, { email: '' })[0]?.message, 'Enter an email address')
})

test('UK telephone numbers are normalised to digits starting 0', () => {
  assert.equal(normaliseUkPhone('07700 900 982'), '07700900982')
  assert.equal(normaliseUkPhone('+44 (0)7700 900982'), '07700900982')
  assert.equal(normaliseUkPhone('+44 808 157 0192'), '08081570192')
  assert.equal(normaliseUkPhone('01632-960-001'), '01632960001')
  assert.equal(normaliseUkPhone('12345'), undefined)
  assert.equal(normaliseUkPhone('077009009821234'), undefined)
  const s = formSchema({ phone: ukPhone('en') })
  assert.match(errorsOf(s, { phone: 'call me' })[0]!.message, /^Enter a telephone number, like 01632 960 001/)
})

test('postcodes, whole numbers, yes/no, one of, some of', () => {
  assert.equal(formSchema({ p: postcode('en') }).parse({ p: 'sw1a1aa' }).p, 'SW1A 1AA')
  assert.equal(errorsOf(formSchema({ p: postcode('en') }), { p: 'SW1' })[0]?.message, 'Enter a real postcode')
  const n = formSchema({ n: wholeNumber('en', { name: { en: 'the number of adults', cy: 'nifer yr oedolion' }, min: 1, max: 3 }) })
  assert.equal(n.parse({ n: '2' }).n, 2)
  assert.equal(errorsOf(n, { n: '2.5' })[0]?.message, 'The number of adults must be a whole number')
  assert.equal(errorsOf(n, { n: '4' })[0]?.message, 'The number of adults must be between 1 and 3')
  const yn = formSchema({ ok: yesNo('en', { required: { en: 'Select yes if it is ok', cy: 'Dewiswch ydy os yw’n iawn' } }) })
  assert.equal(yn.parse({ ok: 'no' }).ok, false)
  assert.equal(errorsOf(yn, {})[0]?.message, 'Select yes if it is ok')
  const one = formSchema({ c: oneOf('en', ['a', 'b'], { required: { en: 'Select a colour', cy: 'Dewiswch liw' } }) })
  assert.equal(one.parse({ c: 'b' }).c, 'b')
  assert.equal(errorsOf(one, { c: 'z' })[0]?.message, 'Select a colour')
  const some = formSchema({ s: someOf('en', ['a', 'b', 'c'], { required: { en: 'Select at least one', cy: 'Dewiswch o leiaf un' } }) })
  assert.deepEqual(some.parse({ s: ['a', 'c', 'x', 'a'] }).s, ['a', 'c'])
  assert.deepEqual(some.parse({ s: 'b' }).s, ['b'])
  assert.equal(errorsOf(some, {})[0]?.message, 'Select at least one')
})

test('errors come one per field, in order, for the summary', () => {
  const s = formSchema({ name: fullName('en'), email: email('en') })
  const errors = errorsOf(s, { name: '', email: 'x' })
  assert.deepEqual(
    errors.map((e) => [e.field, errorHref(e)]),
    [
      ['name', '#name'],
      ['email', '#email'],
    ],
  )
})

test('Welsh messages join "i" to the field name as Welsh does', async () => {
  const { cy } = await import('./locales/cy.js')
  assert.equal(cy.errors.tooLong('y cymorth sydd ei angen arnoch', 200), 'Rhaid i’r cymorth sydd ei angen arnoch fod yn 200 nod neu lai')
  assert.equal(cy.errors.tooLong('eich enw', 50), 'Rhaid i’ch enw fod yn 50 nod neu lai')
  assert.equal(cy.errors.date.real('Dyddiad geni’r carcharor'), 'Rhaid i ddyddiad geni’r carcharor fod yn ddyddiad go iawn')
  assert.equal(cy.errors.required('cyfenw’r carcharor'), 'Rhowch gyfenw’r carcharor')
})

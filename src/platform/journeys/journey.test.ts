import { test } from 'node:test'
import assert from 'node:assert/strict'
import { html } from '../ui/html.js'
import { date, formSchema, fullName, oneOf, yesNo } from './fields.js'
import { defineJourney, questionPage, type Answers } from './journey.js'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const expectType = <T extends true>(ok: T) => ok

const pages = {
  name: questionPage({
    path: 'name',
    title: { en: 'Name', cy: 'Enw' },
    schema: (lang) => formSchema({ name: fullName(lang) }),
    questions: (v) => v.input('name', { label: { text: 'Name' } }),
    // The value's type reaches summary from the schema.
    summary: (value) => [{ key: 'Name', value: value.name.toUpperCase() }],
  }),
  born: questionPage({
    path: 'born',
    title: (lang, answers) => `${lang === 'cy' ? 'Geni' : 'Born'} ${(answers.name as { name?: string } | undefined)?.name ?? ''}`,
    schema: (lang) => formSchema({ dob: date(lang, { name: { en: 'your date of birth', cy: 'eich dyddiad geni' }, past: true }), adult: yesNo(lang, { required: { en: 'Select', cy: 'Dewiswch' } }) }),
    questions: () => html``,
  }),
  colour: questionPage({
    path: 'colour',
    title: { en: 'Colour', cy: 'Lliw' },
    schema: (lang) => formSchema({ colour: oneOf(lang, ['red', 'green'], { required: { en: 'Select a colour', cy: 'Dewiswch liw' } }) }),
    questions: () => html``,
  }),
}

test('the answers’ type is inferred from the pages', () => {
  type A = Answers<typeof pages>
  expectType<Equal<A['name'], { name: string } | undefined>>(true)
  expectType<Equal<A['born'], { dob: string; adult: boolean } | undefined>>(true)
  expectType<Equal<A['colour'], { colour: 'red' | 'green' } | undefined>>(true)

  const journey = defineJourney({
    id: 'typed',
    service: 'test',
    pages,
    next: {
      // `answers` is typed: `adult` is a boolean, and the result must be a page key.
      born: (answers) => (answers.born?.adult ? 'colour' : 'check-answers'),
    },
    submit: async (_trx, answers) => ({ reference: answers.name?.name ?? 'none' }),
    confirmation: { title: { en: 'Done', cy: 'Wedi gorffen' } },
  })
  assert.deepEqual(journey.order, ['name', 'born', 'colour'])

  defineJourney({
    id: 'wrong',
    service: 'test',
    pages,
    // @ts-expect-error: a page that does not exist
    next: { name: () => 'nowhere' },
    submit: async () => ({ reference: 'R' }),
    confirmation: { title: { en: 'Done', cy: 'Wedi gorffen' } },
  })
})

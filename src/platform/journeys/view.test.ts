import { test } from 'node:test'
import assert from 'node:assert/strict'
import { questionView } from './view.js'

test('a date input highlights only the parts in error, and labels the parts in the page language', () => {
  const v = questionView('cy', { 'dob-day': '12', 'dob-month': '', 'dob-year': '1990' }, [{ field: 'dob', message: 'Rhaid i eich dyddiad geni gynnwys mis', parts: ['month'] }])
  const out = v.date('dob', { fieldset: { legend: { text: 'Dyddiad geni' } }, autocomplete: 'bday' }).value
  assert.match(out, /id="dob-month"[^>]*class="govuk-input govuk-date-input__input govuk-input--width-2 govuk-input--error"|class="govuk-input govuk-date-input__input govuk-input--width-2 govuk-input--error" id="dob-month"/)
  assert.doesNotMatch(out, /class="[^"]*govuk-input--error"[^>]*id="dob-day"|id="dob-day"[^>]*class="[^"]*govuk-input--error"/)
  assert.match(out, /value="12"/)
  assert.match(out, /autocomplete="bday-year"/)
  assert.match(out, />\s*Mis\s*</)
  assert.match(out, /Rhaid i eich dyddiad geni gynnwys mis/)
})

test('radios and inputs are wired to their value and error', () => {
  const v = questionView('en', { visited: 'no', name: 'Ada' }, [{ field: 'name', message: 'Enter your full name' }])
  assert.match(v.radios('visited', { items: [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }] }).value, /value="no" checked/)
  const input = v.input('name', { label: { text: 'Name' }, autocomplete: 'name' }).value
  assert.match(input, /id="name" name="name" type="text"/)
  assert.match(input, /value="Ada"/)
  assert.match(input, /govuk-error-message/)
  assert.equal(v.error('visited'), undefined)
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatDate, formatDateWithDay, formatIsoDate, formatNumber, formatTime, isLanguage, softMutation } from './index.js'

test('dates in English and Welsh, GOV.UK style', () => {
  const date = new Date('2026-11-29T12:00:00Z')
  assert.equal(formatDate(date, 'en'), '29 November 2026')
  assert.equal(formatDate(date, 'cy'), '29 Tachwedd 2026')
  assert.equal(formatDateWithDay(date, 'en'), 'Sunday 29 November 2026')
  assert.equal(formatDateWithDay(date, 'cy'), 'Dydd Sul 29 Tachwedd 2026')
})

test('dates are in UK time, whatever the server clock says', () => {
  // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
  assert.equal(formatDate(new Date('2026-06-30T23:30:00Z'), 'en'), '1 July 2026')
})

test('times use am, pm, midday and midnight', () => {
  assert.equal(formatTime(new Date('2026-01-10T14:30:00Z'), 'en'), '2:30pm')
  assert.equal(formatTime(new Date('2026-01-10T09:00:00Z'), 'en'), '9am')
  assert.equal(formatTime(new Date('2026-01-10T12:00:00Z'), 'en'), 'midday')
  assert.equal(formatTime(new Date('2026-01-10T12:00:00Z'), 'cy'), 'canol dydd')
  assert.equal(formatTime(new Date('2026-01-10T00:00:00Z'), 'en'), 'midnight')
})

test('numbers per language', () => {
  assert.equal(formatNumber(12345.6, 'en'), '12,345.6')
  assert.equal(formatNumber(3.14159, 'cy', 1), '3.1')
})

test('only English and Welsh are languages here', () => {
  assert.ok(isLanguage('en') && isLanguage('cy'))
  assert.ok(!isLanguage('fr') && !isLanguage(undefined) && !isLanguage('EN'))
})

test('Welsh soft mutation of a field name after Rhowch, Dewiswch or Rhaid i', () => {
  assert.equal(softMutation('cyfenw’r carcharor'), 'gyfenw’r carcharor')
  assert.equal(softMutation('Dyddiad geni’r carcharor'), 'ddyddiad geni’r carcharor')
  assert.equal(softMutation('gwybodaeth'), 'wybodaeth')
  assert.equal(softMutation('rhif carcharor'), 'rif carcharor')
  assert.equal(softMutation('llythyren'), 'lythyren')
  assert.equal(softMutation('manylion'), 'fanylion')
  assert.equal(softMutation('pwrpas'), 'bwrpas')
  assert.equal(softMutation('teitl'), 'deitl')
  assert.equal(softMutation('blwyddyn'), 'flwyddyn')
  // No mutation: vowels, and ch, ph, th, dd, ff.
  assert.equal(softMutation('enw cyntaf y carcharor'), 'enw cyntaf y carcharor')
  assert.equal(softMutation('eich cyfenw'), 'eich cyfenw')
  assert.equal(softMutation('chwaer'), 'chwaer')
  assert.equal(softMutation('ffôn'), 'ffôn')
  assert.equal(softMutation('theatr'), 'theatr')
  assert.equal(softMutation('DX'), 'DX')
  assert.equal(softMutation('Tref neu ddinas'), 'dref neu ddinas')
})

test('a calendar date kept as YYYY-MM-DD is shown on its own day, whatever the clocks do', () => {
  assert.equal(formatIsoDate('1985-05-05', 'en'), '5 May 1985')
  assert.equal(formatIsoDate('2026-03-29', 'cy'), '29 Mawrth 2026', 'the day the clocks go forward')
  assert.equal(formatIsoDate('2026-10-25', 'en', { withDay: true }), 'Sunday 25 October 2026', 'the day they go back')
  assert.equal(formatIsoDate('soon', 'en'), 'soon', 'anything else is shown as it is')
  assert.equal(formatIsoDate('2026-13-45', 'en'), '2026-13-45')
})

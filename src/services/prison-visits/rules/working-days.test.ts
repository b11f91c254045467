import { test } from 'node:test'
import assert from 'node:assert/strict'
import { addWorkingDays, bookableRange, isRequestOverdue, isWorkingDay, workingDaysBetween } from './working-days.js'

const ew = { bankHolidays: new Set(['2026-12-25', '2026-12-28']), worksWeekends: false }

test('weekends and bank holidays are not working days unless the prison works weekends', () => {
  assert.equal(isWorkingDay('2026-12-05', ew), false) // Saturday
  assert.equal(isWorkingDay('2026-12-25', ew), false)
  assert.equal(isWorkingDay('2026-12-24', ew), true)
  assert.equal(isWorkingDay('2026-12-05', { ...ew, worksWeekends: true }), true)
  assert.equal(isWorkingDay('2026-12-25', { ...ew, worksWeekends: true }), false)
})

test('adding working days skips weekends and bank holidays', () => {
  assert.equal(addWorkingDays('2026-11-30', 3, ew), '2026-12-03') // Mon -> Thu
  assert.equal(addWorkingDays('2026-12-03', 3, ew), '2026-12-08') // Thu -> Tue over a weekend
  // Wed 23 Dec: Thu 24, (Fri 25 holiday, weekend, Mon 28 holiday) Tue 29, Wed 30
  assert.equal(addWorkingDays('2026-12-23', 3, ew), '2026-12-30')
  assert.equal(addWorkingDays('2026-12-23', 3, { ...ew, worksWeekends: true }), '2026-12-27')
})

test('the bookable range starts after the notice period and ends at the booking window', () => {
  assert.deepEqual(bookableRange('2026-11-30', { leadDays: 3, bookingWindowDays: 28 }, ew), { from: '2026-12-04', to: '2026-12-28' })
  assert.deepEqual(bookableRange('2026-11-30', { leadDays: 0, bookingWindowDays: 14 }, ew), { from: '2026-12-01', to: '2026-12-14' })
})

test('a request is overdue after three working days', () => {
  assert.equal(workingDaysBetween('2026-11-27', '2026-12-02', ew), 3) // Fri -> Wed
  assert.equal(isRequestOverdue('2026-11-27', '2026-12-02', ew), false)
  assert.equal(isRequestOverdue('2026-11-27', '2026-12-03', ew), true)
})

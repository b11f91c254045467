import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sessionsBetween, templateRunsOn, visitsWithoutSession, type SessionTemplate } from './sessions.js'

const monday: SessionTemplate = {
  id: 1, dayOfWeek: 1, startTime: '14:00', endTime: '16:00', openCapacity: 20, closedCapacity: 2, validFrom: null, validTo: null, frequencyWeeks: 1,
}

test('a weekly template runs on its day within its dates', () => {
  assert.equal(templateRunsOn(monday, '2026-11-30'), true)
  assert.equal(templateRunsOn(monday, '2026-12-01'), false)
  assert.equal(templateRunsOn({ ...monday, validFrom: '2026-12-01' }, '2026-11-30'), false)
  assert.equal(templateRunsOn({ ...monday, validTo: '2026-11-29' }, '2026-11-30'), false)
})

test('a fortnightly template runs every other week from its start', () => {
  const t = { ...monday, validFrom: '2026-11-30', frequencyWeeks: 2 }
  assert.equal(templateRunsOn(t, '2026-11-30'), true)
  assert.equal(templateRunsOn(t, '2026-12-07'), false)
  assert.equal(templateRunsOn(t, '2026-12-14'), true)
})

test('blocked days and sessions are removed; one-off days replace the recurring sessions', () => {
  const sat: SessionTemplate = { ...monday, id: 2, dayOfWeek: 6, startTime: '09:30', endTime: '11:30' }
  const sat2: SessionTemplate = { ...sat, id: 3, startTime: '14:00', endTime: '16:00' }
  const sessions = sessionsBetween(
    '2026-11-30',
    '2026-12-13',
    [monday, sat, sat2],
    [{ date: '2026-12-12', startTime: '10:00', endTime: '11:00', openCapacity: 5, closedCapacity: 0 }],
    [{ date: '2026-12-07' }, { date: '2026-12-05', startTime: '14:00' }],
  )
  assert.deepEqual(
    sessions.map((s) => `${s.date} ${s.startTime} ${s.templateId ?? '-'}`),
    ['2026-11-30 14:00 1', '2026-12-05 09:30 2', '2026-12-12 10:00 -'],
  )
})

test('visits whose session no longer runs are the ones staff must move or cancel', () => {
  const visits = [
    { reference: 'A', date: '2026-12-07', startTime: '14:00', endTime: '16:00', place: 'open' },
    { reference: 'B', date: '2026-12-07', startTime: '10:00', endTime: '12:00', place: 'open' },
    { reference: 'C', date: '2026-12-14', startTime: '14:00', endTime: '16:00', place: 'open' },
  ]
  // Monday's session moved from 14:00 to 15:00 from 14 December; 7 December keeps 14:00.
  const moved = { ...monday, validTo: '2026-12-13' }
  const later = { ...monday, id: 2, startTime: '15:00', validFrom: '2026-12-14' }
  const sessions = sessionsBetween('2026-12-01', '2026-12-31', [moved, later], [], [])
  assert.deepEqual(visitsWithoutSession(visits, sessions).map((v) => v.reference), ['B', 'C'])
  assert.deepEqual(visitsWithoutSession(visits, sessionsBetween('2026-12-01', '2026-12-31', [monday], [], [{ date: '2026-12-07', startTime: null }])).map((v) => v.reference), ['A', 'B'], 'a blocked day')
})

test('a visit whose session now ends earlier, or has no places of its kind, no longer fits it', () => {
  const visits = [
    { reference: 'open', date: '2026-12-07', startTime: '14:00', endTime: '16:00', place: 'open' },
    { reference: 'closed', date: '2026-12-07', startTime: '14:00', endTime: '16:00', place: 'closed' },
  ]
  const sessions = (change: Partial<SessionTemplate>) => sessionsBetween('2026-12-01', '2026-12-31', [{ ...monday, ...change }], [], [])
  assert.deepEqual(visitsWithoutSession(visits, sessions({})).map((v) => v.reference), [], 'as booked')
  assert.deepEqual(visitsWithoutSession(visits, sessions({ endTime: '15:30' })).map((v) => v.reference), ['open', 'closed'], 'ends half an hour earlier')
  assert.deepEqual(visitsWithoutSession(visits, sessions({ endTime: '16:30' })).map((v) => v.reference), [], 'ends later: the visit still fits')
  assert.deepEqual(visitsWithoutSession(visits, sessions({ closedCapacity: 0 })).map((v) => v.reference), ['closed'], 'no closed places left')
  assert.deepEqual(visitsWithoutSession(visits, sessions({ openCapacity: 0 })).map((v) => v.reference), ['open'], 'closed visits only now')
  assert.deepEqual(visitsWithoutSession(visits, sessions({ openCapacity: 1, closedCapacity: 1 })).map((v) => v.reference), [], 'fewer places, but some: a question of capacity')
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sessionsBetween, templateRunsOn, type SessionTemplate } from './sessions.js'

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

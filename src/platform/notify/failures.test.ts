import { test } from 'node:test'
import assert from 'node:assert/strict'
import { classifyHttpFailure, describeSendError, receiptStatus, SendFailure, templateIdFor } from './failures.js'

test('rate limits, server errors and no answer are retried; refusals are permanent', () => {
  assert.equal(classifyHttpFailure(429), 'retry')
  assert.equal(classifyHttpFailure(500), 'retry')
  assert.equal(classifyHttpFailure(503), 'retry')
  assert.equal(classifyHttpFailure(undefined), 'retry')
  assert.equal(classifyHttpFailure(400), 'permanent')
  assert.equal(classifyHttpFailure(403), 'permanent')
})

test('a Notify error body becomes a reason staff can read', () => {
  const failure = describeSendError({
    response: { status: 400, data: { status_code: 400, errors: [{ error: 'ValidationError', message: 'phone_number Not a UK mobile number' }] } },
  })
  assert.equal(failure.kind, 'permanent')
  assert.equal(failure.message, 'GOV.UK Notify answered 400: ValidationError - phone_number Not a UK mobile number')
})

test('a timeout and a refused connection are retried with their reason', () => {
  assert.deepEqual(
    [describeSendError({ code: 'ECONNABORTED', message: 'timeout of 100ms exceeded' })].map((f) => [f.kind, f.message]),
    [['retry', 'No answer from GOV.UK Notify in time']],
  )
  const refused = describeSendError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' })
  assert.equal(refused.kind, 'retry')
  assert.match(refused.message, /ECONNREFUSED/)
  const ours = new SendFailure('permanent', 'no template')
  assert.equal(describeSendError(ours), ours)
})

test('delivery receipts map to our statuses; in-between statuses are ignored', () => {
  assert.equal(receiptStatus('delivered'), 'delivered')
  assert.equal(receiptStatus('permanent-failure'), 'permanent-failure')
  assert.equal(receiptStatus('temporary-failure'), 'temporary-failure')
  assert.equal(receiptStatus('technical-failure'), 'technical-failure')
  assert.equal(receiptStatus('sending'), undefined)
})

test('the most specific template wins, then the generic one for the channel', () => {
  const config = {
    emailTemplateId: 'generic-email',
    smsTemplateId: undefined,
    templateIds: { 'visit-booked:email:cy': 'welsh', 'visit-booked:email': 'english', 'visit-cancelled': 'any' },
  }
  assert.equal(templateIdFor(config, 'visit-booked', 'email', 'cy'), 'welsh')
  assert.equal(templateIdFor(config, 'visit-booked', 'email', 'en'), 'english')
  assert.equal(templateIdFor(config, 'visit-cancelled', 'sms', 'en'), 'any')
  assert.equal(templateIdFor(config, 'other-type', 'email', 'en'), 'generic-email')
  assert.equal(templateIdFor(config, 'other-type', 'sms', 'en'), undefined)
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { additionalLinksSection, addressesSection, areasOfLawSection, codesSection, contactsSection, emailsSection, facilitiesSection, generalSection, openingTimesSection } from './editing.js'

test('general details: a name is needed, the alert stays short', () => {
  assert.deepEqual(generalSection({ name: '  ' }), { ok: false, errors: [{ field: 'name', error: 'required' }] })
  assert.deepEqual(generalSection({ name: 'Leeds', alert: 'x'.repeat(251) }), { ok: false, errors: [{ field: 'alert', error: 'tooLong' }] })
  const ok = generalSection({ name: ' Leeds Combined Court Centre ', alert: 'Closed on Friday', in_person: 'no' })
  assert.deepEqual(ok, { ok: true, changes: { name: 'Leeds Combined Court Centre', name_cy: '', alert: 'Closed on Friday', directions: '', in_person: false } })
})

test('repeating sections: blank rows dropped, half-filled rows refused with the row named', () => {
  assert.deepEqual(openingTimesSection({ 'type-0': 'Court open', 'hours-0': '9am to 5pm', 'type-1': '', 'hours-1': '' }), {
    ok: true,
    changes: { opening_times: [{ type: 'Court open', hours: '9am to 5pm' }] },
  })
  assert.deepEqual(openingTimesSection({ 'type-0': 'Court open', 'hours-0': '', 'type-2': '', 'hours-2': '10am' }), {
    ok: false,
    errors: [{ field: 'hours-0', error: 'required' }, { field: 'type-2', error: 'required' }],
  })
})

test('phones and emails are checked', () => {
  assert.equal(contactsSection({ 'type-0': 'Enquiries', 'number-0': 'call us' }).ok, false)
  assert.deepEqual(contactsSection({ 'type-0': 'Enquiries', 'number-0': '0113  306 2800', 'fax-0': 'no' }), {
    ok: true,
    changes: { contacts: [{ type: 'Enquiries', number: '0113 306 2800', explanation: '', fax: false }] },
  })
  assert.deepEqual(emailsSection({ 'type-0': 'Listing', 'address-0': 'not an email' }), { ok: false, errors: [{ field: 'address-0', error: 'email' }] })
  assert.equal(emailsSection({ 'type-0': 'Listing', 'address-0': 'hearings.leeds@justice.gov.uk' }).ok, true)
})

test('facility HTML from staff is sanitised before it is saved', () => {
  const result = facilitiesSection({ 'name-0': 'Hearing loop', 'description-0': '<p>Ask at reception</p><script>alert(1)</script>' })
  assert.deepEqual(result, { ok: true, changes: { facilities: [{ name: 'Hearing loop', description: '<p class="govuk-body">Ask at reception</p>' }] } })
})

test('areas of law must be known ones; codes are numbers; links are https', () => {
  assert.equal(areasOfLawSection({ areas_of_law: ['Crime', 'Witchcraft'] }, ['Crime']).ok, false)
  assert.deepEqual(areasOfLawSection({ areas_of_law: ['Crime', 'Crime'] }, ['Crime']), { ok: true, changes: { areas_of_law: ['Crime'] } })
  assert.deepEqual(codesSection({ county: '24x' }), { ok: false, errors: [{ field: 'county', error: 'code' }] })
  assert.deepEqual(codesSection({ county: '243', gbs: 'y264', 'dx-0': '703016 Leeds 6' }), {
    ok: true,
    changes: { codes: { crown: null, county: 243, magistrates: null, family: null, tribunal: null, gbs: 'Y264' }, dx_codes: [{ code: '703016 Leeds 6', explanation: '' }] },
  })
  assert.deepEqual(additionalLinksSection({ 'url-0': 'javascript:alert(1)', 'description-0': 'x' }), { ok: false, errors: [{ field: 'url-0', error: 'url' }] })
  assert.equal(additionalLinksSection({ 'url-0': 'https://www.gov.uk/x', 'description-0': 'More' }).ok, true)
})

test('addresses need lines, a town and a full postcode; Welsh lines are kept', () => {
  assert.deepEqual(addressesSection({ 'type-0': 'Visit us', 'lines-0': '1 Oxford Row', 'town-0': 'Leeds', 'postcode-0': 'LS1' }), { ok: false, errors: [{ field: 'postcode-0', error: 'postcode' }] })
  assert.deepEqual(addressesSection({ 'type-0': 'Visit us', 'lines-0': 'The Courthouse\r\n1 Oxford Row\n', 'town-0': 'Leeds', 'postcode-0': 'ls13bg', 'lines_cy-0': 'Y Llys' }), {
    ok: true,
    changes: { addresses: [{ type: 'Visit us', lines: ['The Courthouse', '1 Oxford Row'], town: 'Leeds', county: '', postcode: 'LS1 3BG', linesCy: ['Y Llys'], townCy: '' }] },
  })
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parsePostcode } from './postcode.js'
import type { CourtData, CourtRecord } from './repository.js'
import { buildCourtIndex, checkNameQuery, locatePostcode, nearestCourts, resolvePostcode, searchByName, searchServiceArea, type PostcodeLocation } from './search.js'

function court(slug: string, name: string, extra: Partial<CourtRecord> = {}): CourtRecord {
  return {
    slug, fact_id: null, name, name_cy: '', displayed: true, lat: null, lon: null, region: '', country: 'England', in_person: true,
    access_scheme: null, service_centre: false, service_centre_intro: '', welsh_enabled: false, court_types: [],
    codes: { crown: null, county: null, magistrates: null, family: null, tribunal: null, gbs: null }, areas_of_law: [], areas_of_law_spoe: [],
    addresses: [], opening_times: [], contacts: [], emails: [], dx_codes: [], facilities: [], parking: null, additional_links: [],
    local_authorities_by_area_of_law: {}, postcode_prefixes_served: [], alert: '', info: '', directions: '', image_file: '',
    staff_edited_fields: [], import_problems: [], version: 1, source_updated_at: null, imported_at: new Date(0), updated_at: new Date(0),
    ...extra,
  }
}
const address = (town: string, postcode: string) => [{ type: 'Visit us', lines: ['1 High Street'], town, county: '', postcode, linesCy: [], townCy: '' }]

const data: CourtData = {
  courts: [
    court('leeds-combined-court-centre', 'Leeds Combined Court Centre', { lat: 53.8, lon: -1.55, areas_of_law: ['Money claims', 'Children'], addresses: address('Leeds', 'LS1 3BG'), codes: { crown: null, county: 243, magistrates: null, family: null, tribunal: null, gbs: 'Y264' } }),
    court('leeds-magistrates', "Leeds Magistrates' Court", { lat: 53.801, lon: -1.552, areas_of_law: ['Crime', 'Children'], addresses: address('Leeds', 'LS1 3JP') }),
    court('kings-lynn-crown-court', "King's Lynn Crown Court", { lat: 52.75, lon: 0.4, areas_of_law: ['Crime'], addresses: address("King's Lynn", 'PE30 1EU') }),
    court('caerdydd', 'Cardiff Crown Court', { name_cy: 'Llys y Goron Caerdydd', lat: 51.48, lon: -3.17, areas_of_law: ['Crime'] }),
    court('bradford', 'Bradford Combined Court Centre', { lat: 53.79, lon: -1.75, areas_of_law: ['Money claims', 'Children'] }),
    court('wakefield', 'Wakefield Civil and Family Justice Centre', { lat: 53.68, lon: -1.5, areas_of_law: ['Money claims', 'Children'] }),
    court('closed-court', 'Leeds Old Court', { displayed: false, lat: 53.8, lon: -1.55, areas_of_law: ['Money claims'] }),
    court('no-visits', 'Leeds Phone Centre', { in_person: false, lat: 53.8, lon: -1.55 }),
    court('cnbc', 'Civil National Business Centre', { service_centre: true, areas_of_law: ['Money claims'] }),
  ],
  areasOfLaw: [
    { name: 'Money claims', fact_id: 1, display_name: '', alt_name: '', external_link: '', external_link_desc: '', display_external_link: '' },
    { name: 'Children', fact_id: 2, display_name: 'Childcare arrangements', alt_name: '', external_link: '', external_link_desc: '', display_external_link: '' },
  ],
  serviceAreas: [
    { slug: 'money-claims', name: 'Money claims', description: '', type: 'civil', catchment_method: 'postcode', area_of_law: 'Money claims', online_url: '', online_text: '', text: '', sort_order: 1, services: ['money'], service_area_courts: [{ court_slug: 'cnbc', catchment_type: 'national' }] },
    { slug: 'childcare', name: 'Childcare', description: '', type: 'family', catchment_method: 'local-authority', area_of_law: 'Children', online_url: '', online_text: '', text: '', sort_order: 2, services: ['family'], service_area_courts: [] },
    { slug: 'remedy', name: 'Financial remedy', description: '', type: 'family', catchment_method: null, area_of_law: 'Money claims', online_url: '', online_text: '', text: '', sort_order: 3, services: ['family'], service_area_courts: [] },
  ],
  services: [{ slug: 'money', name: 'Money', description: '', sort_order: 1 }],
  postcodes: [
    { prefix: 'LS13BG', court_slug: 'wakefield' },
    { prefix: 'LS13', court_slug: 'bradford' },
    { prefix: 'LS1', court_slug: 'leeds-combined-court-centre' },
    { prefix: 'LS', court_slug: 'leeds-combined-court-centre' },
    { prefix: 'LS', court_slug: 'closed-court' },
  ],
  councilCourts: [
    { council: 'Leeds City Council', area_of_law: 'Children', court_slug: 'leeds-combined-court-centre', displayed: true },
    { council: 'Bradford City Council', area_of_law: 'Children', court_slug: 'bradford', displayed: true },
  ],
  councilMatches: [
    { council: 'Leeds City Council', la_codes: ['E08000035'], method: 'name' },
    { council: 'Bradford City Council', la_codes: ['E08000032'], method: 'name' },
  ],
  sectors: [{ sector: 'LS1 3', lat: 53.8, lon: -1.55 }, { sector: 'LS28 5', lat: 53.8, lon: -1.66 }, { sector: 'EH1 1', lat: 55.95, lon: -3.19 }],
  districts: [{ outcode: 'LS1', lat: 53.797, lon: -1.546 }, { outcode: 'LS28', lat: 53.8, lon: -1.66 }, { outcode: 'YO1', lat: 53.96, lon: -1.08 }],
  councils: [
    { area: 'LS1 3', level: 'sector', la_code: 'E08000035', la_name: 'Leeds', share: 1 },
    { area: 'LS28 5', level: 'sector', la_code: 'E08000035', la_name: 'Leeds', share: 0.6 },
    { area: 'LS28 6', level: 'sector', la_code: 'E08000032', la_name: 'Bradford', share: 1 },
    { area: 'LS28', level: 'district', la_code: 'E08000035', la_name: 'Leeds', share: 0.7 },
    { area: 'EH1 1', level: 'sector', la_code: 'S12000036', la_name: 'City of Edinburgh', share: 1 },
  ],
  authorities: [{ la_code: 'E08000035', la_name: 'Leeds' }, { la_code: 'E08000032', la_name: 'Bradford' }],
}
const index = buildCourtIndex(data)
const names = (q: string) => searchByName(index, q).map((m) => m.court.slug)
const at = (postcode: string): PostcodeLocation => {
  const found = locatePostcode(index, parsePostcode(postcode)!)
  assert.ok(found, postcode)
  return found
}

test('name search tolerates typos, apostrophes, case and accents', () => {
  assert.equal(names('Leeds Combind Court')[0], 'leeds-combined-court-centre')
  assert.equal(names('leeds cmobined')[0], 'leeds-combined-court-centre')
  assert.deepEqual(names('Kings Lynn'), ['kings-lynn-crown-court'])
  assert.deepEqual(names('KING’S LYNN'), ['kings-lynn-crown-court'])
  assert.deepEqual(names('Llys y Goron Caerdydd'), ['caerdydd'])
  assert.deepEqual(names('llys y goron caerdÿdd'), ['caerdydd'])
})

test('the exact name comes first, and closed courts are not found', () => {
  const leeds = names("Leeds Magistrates' Court")
  assert.equal(leeds[0], 'leeds-magistrates')
  assert.ok(!names('Leeds Old Court').includes('closed-court'))
})

test('name search also finds towns, postcodes and court codes', () => {
  assert.deepEqual(names('LS1 3JP'), ['leeds-magistrates'])
  assert.equal(names('243')[0], 'leeds-combined-court-centre')
  assert.equal(names('y264')[0], 'leeds-combined-court-centre')
  assert.deepEqual(names('zzzz qqqq'), [])
  assert.deepEqual(names('   '), [])
})

test('a name query is checked for length', () => {
  assert.deepEqual(checkNameQuery(''), { kind: 'error', error: 'emptyQuery' })
  assert.deepEqual(checkNameQuery('x'.repeat(2000)), { kind: 'error', error: 'tooLong' })
  assert.deepEqual(checkNameQuery(' leeds '), { kind: 'ok', query: 'leeds' })
})

test('postcodes are placed by sector centroid, else district', () => {
  assert.equal(at('LS1 3BG').precision, 'sector')
  assert.equal(at('LS1 9ZZ').precision, 'district')
  assert.equal(at('YO1').precision, 'district')
  assert.equal(locatePostcode(index, parsePostcode('ZZ9 9ZZ')!), undefined)
})

test('postcode answers: errors, elsewhere, found', () => {
  assert.deepEqual(resolvePostcode(index, '', parsePostcode), { kind: 'error', error: 'emptyPostcode' })
  assert.deepEqual(resolvePostcode(index, 'nonsense', parsePostcode), { kind: 'error', error: 'invalidPostcode' })
  assert.deepEqual(resolvePostcode(index, 'ZZ9 9ZZ', parsePostcode), { kind: 'error', error: 'unknownPostcode' })
  assert.equal((resolvePostcode(index, 'EH1 1YZ', parsePostcode) as { jurisdiction: string }).jurisdiction, 'scotland')
  assert.equal((resolvePostcode(index, 'BT1 1AA', parsePostcode) as { jurisdiction: string }).jurisdiction, 'northern-ireland')
  assert.equal(resolvePostcode(index, 'ls1 3bg', parsePostcode).kind, 'found')
})

test('nearest courts: open ones with coordinates, in person when asked, nearest first', () => {
  const found = nearestCourts(index, at('LS1 3BG'), { inPersonOnly: true })
  assert.deepEqual(found.map((f) => f.court.slug).slice(0, 2), ['leeds-combined-court-centre', 'leeds-magistrates'])
  assert.ok(!found.some((f) => f.court.slug === 'no-visits' || f.court.slug === 'closed-court' || f.court.slug === 'cnbc'))
  assert.equal(found[0]?.distanceMiles, 0)
  const sorted = found.map((f) => f.distanceMiles as number)
  assert.deepEqual([...sorted].sort((a, b) => a - b), sorted)
})

test('postcode catchment: longest prefix first, then falls back to proximity', () => {
  const area = index.serviceAreas.find((s) => s.slug === 'money-claims')!
  const full = searchServiceArea(index, area, at('LS1 3BG'))
  assert.equal(full.matchedPrefix, 'LS13BG')
  assert.deepEqual(full.courts.map((c) => c.court.slug), ['wakefield'])
  assert.deepEqual(full.serviceCentres.map((c) => c.slug), ['cnbc'], 'the national centre comes first')
  const sector = searchServiceArea(index, area, at('LS1 3AA'))
  assert.equal(sector.matchedPrefix, 'LS13')
  const district = searchServiceArea(index, area, at('LS1 9ZZ'))
  assert.equal(district.matchedPrefix, 'LS1')
  const areaOnly = searchServiceArea(index, area, at('LS28 5AA'))
  assert.equal(areaOnly.matchedPrefix, 'LS')
  assert.deepEqual(areaOnly.courts.map((c) => c.court.slug), ['leeds-combined-court-centre'], 'closed courts are left out')
  const none = searchServiceArea(index, area, at('YO1'))
  assert.equal(none.fellBackToProximity, true)
  assert.ok(none.courts.every((c) => c.court.areas_of_law.includes('Money claims')))
})

test('local-authority catchment: the council’s courts; a shared area shows each council', () => {
  const area = index.serviceAreas.find((s) => s.slug === 'childcare')!
  const leeds = searchServiceArea(index, area, at('LS1 3BG'))
  assert.equal(leeds.dependsOnAddress, false)
  assert.deepEqual(leeds.courts.map((c) => c.court.slug), ['leeds-combined-court-centre'])
  const shared = searchServiceArea(index, area, at('LS28 5AA'))
  assert.equal(shared.dependsOnAddress, true)
  assert.deepEqual(shared.councils?.map((c) => c.council), ['Leeds', 'Bradford'])
  assert.deepEqual(shared.councils?.map((c) => c.courts.map((x) => x.court.slug)), [['leeds-combined-court-centre'], ['bradford']])
  const noCouncil = searchServiceArea(index, area, at('YO1'))
  assert.equal(noCouncil.fellBackToProximity, true)
})

test('a service area with no catchment method gives the nearest courts', () => {
  const area = index.serviceAreas.find((s) => s.slug === 'remedy')!
  assert.equal(area.catchmentMethod, 'proximity')
  const r = searchServiceArea(index, area, at('LS1 3BG'))
  assert.equal(r.fellBackToProximity, false)
  assert.equal(r.courts[0]?.court.slug, 'leeds-combined-court-centre')
})

/**
 * Find a court or tribunal, end to end through inject(), on the real FaCT and
 * ONS data imported once per database kind.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { sql } from 'kysely'
import { Client, REFERENCE_DATA_DIR, startTestApp, type TestApp } from '../support/app.js'
import { databaseKinds } from '../support/databases.js'
import { runImport, type ImportSummary } from '../../src/platform/reference-data/index.js'
import { postcodeImporter } from '../../src/platform/reference-data/postcodes.js'
import { courtsService } from '../../src/services/courts/index.js'
import { courtImporter } from '../../src/services/courts/importer.js'
import { courtIndex, editCourt, refreshCourtIndex, watchCourtData } from '../../src/services/courts/store.js'
import { makeStaff, signIn } from '../support/staff.js'
import { csrfFrom } from '../support/app.js'

const COURTS_DIR = join(REFERENCE_DATA_DIR, 'courts')
const POSTCODES_DIR = join(REFERENCE_DATA_DIR, 'postcodes')
const quiet = { info: () => {}, warn: () => {} }
const csv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true, bom: true, trim: true }) as Record<string, string>[]

interface FactCourt {
  slug: string
  name: string
  displayed: boolean
  in_person: boolean | null
  lat: number | null
  lon: number | null
  areas_of_law: string[] | null
}
const factCourts = JSON.parse(readFileSync(join(COURTS_DIR, 'fact-courts.json'), 'utf8')) as FactCourt[]
const sectorCentroids = new Map(csv(join(POSTCODES_DIR, 'gb-postcode-sector-centroids.csv')).map((r) => [r.sector, [Number(r.lat), Number(r.lon)] as const]))
const districtCentroids = new Map(csv(join(POSTCODES_DIR, 'gb-postcode-district-centroids.csv')).map((r) => [r.outcode, [Number(r.lat), Number(r.lon)] as const]))

/** Written here, apart from the service's code: the spherical law of cosines, mean Earth radius in miles. */
function miles(a: readonly [number, number], b: readonly [number, number]): number {
  const r = Math.PI / 180
  const cos = Math.sin(a[0] * r) * Math.sin(b[0] * r) + Math.cos(a[0] * r) * Math.cos(b[0] * r) * Math.cos((b[1] - a[1]) * r)
  return Math.round(3958.8 * Math.acos(Math.min(1, cos)) * 10) / 10
}

function expectedNearest(from: readonly [number, number]): { slug: string; miles: number }[] {
  return factCourts
    .filter((c) => c.displayed && c.in_person !== false && c.lat !== null && c.lon !== null)
    .map((c) => ({ slug: c.slug, miles: miles(from, [c.lat as number, c.lon as number]) }))
    .sort((x, y) => x.miles - y.miles)
    .slice(0, 10)
}

const results = (body: string) => [...body.matchAll(/<a class="govuk-link" href="\/courts\/([a-z0-9-]+)">/g)].map((m) => m[1] as string)
const distances = (body: string) => [...body.matchAll(/data-distance="([0-9.]+)"/g)].map((m) => Number(m[1]))

for (const kind of databaseKinds()) {
  describe(`court finder on ${kind}`, () => {
    let t: TestApp
    let client: Client
    let firstImport: ImportSummary
    before(async () => {
      t = await startTestApp(kind, { services: [courtsService] })
      await runImport(t.database.db, postcodeImporter, POSTCODES_DIR, quiet)
      firstImport = await runImport(t.database.db, courtImporter, COURTS_DIR, quiet)
      client = new Client(t.app)
    })
    after(async () => {
      await t?.close()
    })

    test('the import keeps every court, reports faults, and matches every council', async () => {
      assert.equal(firstImport.counts.courts, 763)
      assert.equal(firstImport.counts['open courts'], 450)
      assert.equal(firstImport.counts['councils unmatched'], 0)
      assert.ok((firstImport.counts['malformed postcode catchments'] ?? 0) > 0)
      assert.ok(firstImport.problems.some((p) => p.includes('"0X252RH"')), 'a malformed catchment is named')
      const closed = await t.app.inject('/courts/aberdare-county-court')
      assert.equal(closed.statusCode, 200)
      assert.match(closed.body, /This court or tribunal has closed/)
    })

    test('start page, A to Z and services work in English and Welsh', async () => {
      const start = await client.get('/courts?lang=en')
      assert.equal(start.statusCode, 200)
      assert.match(start.body, /<h1 class="govuk-heading-xl">Find a court or tribunal<\/h1>/)
      const startCy = await client.get('/courts?lang=cy')
      assert.match(startCy.body, /<html lang="cy"/)
      assert.match(startCy.body, /Dod o hyd i lys neu dribiwnlys/)
      const az = await client.get('/courts/a-z?lang=en')
      assert.equal(results(az.body).length, 450)
      const services = await client.get('/courts/services')
      assert.match(services.body, /href="\/courts\/services\/money"/)
      const money = await client.get('/courts/services/money')
      assert.match(money.body, /href="\/courts\/services\/money\/money-claims"/)
      assert.equal((await client.get('/courts/services/nope')).statusCode, 404)
      const moneyCy = await client.get('/courts/services/money?lang=cy')
      assert.match(moneyCy.body, /Arian: gyda beth mae angen help arnoch\?/)
      assert.match(moneyCy.body, />Hawliadau am arian</)
    })

    test('name search tolerates typos and apostrophes, and ranks the exact name first', async () => {
      const typo = await client.get('/courts/search?q=Leeds+Combind+Court')
      assert.equal(results(typo.body)[0], 'leeds-combined-court-centre')
      const apostrophe = await client.get('/courts/search?q=Kings+Lynn')
      const found = results(apostrophe.body)
      assert.ok(found.length >= 1 && found.every((s) => s.startsWith('kings-lynn')), found.join())
      assert.match(apostrophe.body, /King&#39;s Lynn/)
      const exact = await client.get(`/courts/search?q=${encodeURIComponent("Leeds Magistrates' Court and Family Court")}`)
      assert.equal(results(exact.body)[0], 'leeds-magistrates-court-and-family-court')
      const welsh = await client.get('/courts/search?q=caerdydd&lang=cy')
      assert.ok(results(welsh.body).includes('cardiff-crown-court'))
      assert.match(welsh.body, /Caerdydd - Llys Y Goron/)
      const none = await client.get('/courts/search?q=qqqqzzzz&lang=en')
      assert.match(none.body, /We could not find a court or tribunal matching your search/)
    })

    test('postcode search: the 10 nearest in-person courts, distances as computed here from the centroid files', async () => {
      for (const [input, centroid] of [
        ['ls13bg', sectorCentroids.get('LS1 3')],
        ['  sw1a 1aa ', sectorCentroids.get('SW1A 1')],
        ['CF10', districtCentroids.get('CF10')],
      ] as const) {
        assert.ok(centroid, input)
        const page = await client.get(`/courts/search?postcode=${encodeURIComponent(input)}&lang=en`)
        assert.equal(page.statusCode, 200)
        const expected = expectedNearest(centroid)
        assert.deepEqual(distances(page.body), expected.map((e) => e.miles), input)
        assert.deepEqual(new Set(results(page.body)), new Set(expected.map((e) => e.slug)), input)
      }
    })

    test('postcode errors, and Scotland and Northern Ireland explained', async () => {
      for (const [postcode, message] of [
        ['nonsense', 'Enter a real postcode, like SW1A 1AA'],
        ['', 'Enter a postcode'],
        ['ZZ9 9ZZ', 'We could not find that postcode'],
      ] as const) {
        const page = await client.get(`/courts/search?postcode=${encodeURIComponent(postcode)}&lang=en`)
        assert.equal(page.statusCode, 200)
        assert.match(page.body, /govuk-error-summary/)
        assert.match(page.body, new RegExp(message))
        assert.match(page.body, /<title>Error: /)
        assert.match(page.body, new RegExp(`name="postcode" type="text" spellcheck="false" value="${postcode}"`), 'the answer is kept')
      }
      const unknownArea = await client.get('/courts/search?postcode=LS1+3BG&area_of_law=Witchcraft&lang=en')
      assert.match(unknownArea.body, /Select a type of case from the list/)
      assert.match(unknownArea.body, /href="#area_of_law"/)
      const crime = await client.get('/courts/search?postcode=LS1+3BG&area_of_law=Crime&lang=en')
      const crimeCourts = new Set(factCourts.filter((c) => c.areas_of_law?.includes('Crime')).map((c) => c.slug))
      assert.equal(results(crime.body).length, 10)
      assert.ok(results(crime.body).every((slug) => crimeCourts.has(slug)))
      assert.match(crime.body, /<option value="Crime" selected>/)
      const scotland = await client.get('/courts/search?postcode=EH1+1YZ&lang=en')
      assert.match(scotland.body, /Scottish Courts and Tribunals Service/)
      assert.match(scotland.body, /href="https:\/\/www\.scotcourts\.gov\.uk/)
      const ni = await client.get('/courts/search?postcode=BT1+1AA&lang=en')
      assert.match(ni.body, /Northern Ireland Courts and Tribunals Service/)
      const niCy = await client.get('/courts/search?postcode=BT1+1AA&lang=cy')
      assert.match(niCy.body, /Gogledd Iwerddon/)
    })

    test('postcode catchment (money claims): the national centre first, then the courts for the postcode', async () => {
      const page = await client.get('/courts/services/money/money-claims?postcode=LS1+3BG&lang=en')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Your case will be handled by the Civil National Business Centre/)
      const found = results(page.body)
      assert.equal(found[0], 'civil-national-business-centre-cnbc')
      // Independently: the longest prefix of LS1 3BG in the catchment file with an open money-claims court.
      const catchments = csv(join(COURTS_DIR, 'fact-court-postcodes.csv'))
      const moneyCourts = new Set(factCourts.filter((c) => c.displayed && c.areas_of_law?.includes('Money claims')).map((c) => c.slug))
      const prefix = ['LS13BG', 'LS13', 'LS1', 'LS'].find((p) => catchments.some((r) => r.postcode === p && moneyCourts.has(r.court_slug ?? '')))
      const expected = catchments.filter((r) => r.postcode === prefix && moneyCourts.has(r.court_slug ?? '')).map((r) => r.court_slug)
      assert.deepEqual(new Set(found.slice(1).filter((s) => s !== 'civil-national-business-centre-cnbc')), new Set(expected))
      const shown = { LS13BG: 'LS1 3BG', LS13: 'LS1 3' }[prefix as string] ?? prefix
      assert.match(page.body, new RegExp(`postcodes starting ${shown}\\.`))
    })

    test('local-authority catchment (childcare): by council, a county through its districts, and a shared sector', async () => {
      const councilCourts = csv(join(COURTS_DIR, 'fact-court-local-authority-area-of-law.csv'))
      const open = new Set(factCourts.filter((c) => c.displayed).map((c) => c.slug))
      const courtsFor = (council: string) => new Set(councilCourts.filter((r) => r.local_authority === council && r.area_of_law === 'Children' && open.has(r.court_slug ?? '')).map((r) => r.court_slug))
      const api = async (postcode: string) => {
        const response = await t.app.inject(`/api/v1/courts?service_area=childcare-arrangements&postcode=${encodeURIComponent(postcode)}`)
        assert.equal(response.statusCode, 200)
        return (JSON.parse(response.body) as { slug: string; catchment: string }[]).filter((c) => c.catchment === 'local-authority')
      }
      assert.deepEqual(new Set((await api('LS1 3BG')).map((c) => c.slug)), courtsFor('Leeds City Council'))
      // Tunbridge Wells is a district: FaCT names Kent County Council.
      assert.deepEqual(new Set((await api('TN1 1AA')).map((c) => c.slug)), courtsFor('Kent County Council'))
      // B38 0 is two-thirds Bromsgrove (Worcestershire); its district is mostly Birmingham.
      const shared = await client.get('/courts/services/childcare-and-parenting/childcare-arrangements?postcode=B38+0AA&lang=en')
      assert.match(shared.body, /depends on your exact address/)
      assert.match(shared.body, /Courts for Bromsgrove/)
      assert.match(shared.body, /Courts for Birmingham/)
      const both = new Set(results(shared.body))
      for (const slug of [...courtsFor('Worcestershire County Council'), ...courtsFor('Birmingham City Council')]) assert.ok(both.has(slug as string), slug)
    })

    test('proximity catchment (probate): the service centre, then the nearest probate courts', async () => {
      const response = await t.app.inject('/api/v1/courts?service_area=probate&postcode=LS1+3BG')
      const body = JSON.parse(response.body) as { slug: string; distance_miles: number | null; catchment: string; areas_of_law: string[] }[]
      assert.equal(body[0]?.slug, 'probate-service-centre')
      assert.equal(body[0]?.catchment, 'national')
      const local = body.slice(1)
      assert.ok(local.length > 0 && local.every((c) => c.catchment === 'proximity' && c.areas_of_law.includes('Probate')))
      const d = local.map((c) => c.distance_miles as number)
      assert.deepEqual([...d].sort((a, b) => a - b), d)
    })

    test('court page: everything the data holds, in English and Welsh', async () => {
      const page = await client.get('/courts/leeds-combined-court-centre?lang=en')
      assert.equal(page.statusCode, 200)
      for (const text of ['Leeds Combined Court Centre', 'Visit or contact us', '1 Oxford Row', 'LS1 3BG', 'Opening times', 'Counter open', '0113 306 2800', 'enquiries.leeds.countycourt@Justice.gov.uk', 'Listing (circuit judges)', '703016 Leeds 6', 'Hearing Loop', 'Court codes for legal professionals', 'Y264', 'County Court location code', 'Breathing Space', 'openstreetmap.org/?mlat=53.80038', 'Paid off site parking']) {
        assert.ok(page.body.includes(text), text)
      }
      assert.match(page.body, /<a href="https:\/\/www\.thepsu\.org\/" class="govuk-link">The PSU<\/a>/, 'sanitised facility HTML keeps its link')
      const cy = await client.get('/courts/aberystwyth-justice-centre?lang=cy')
      assert.match(cy.body, /<html lang="cy"/)
      assert.match(cy.body, /Aberystwyth - Canolfan Cyfiawnder/)
      assert.match(cy.body, /Y Lanfa/)
      assert.match(cy.body, /Oriau agor|Cysylltu/)
      // Areas of law, opening-time types and contact types in Welsh: the data has them in English only.
      assert.match(cy.body, /Mabwysiadu/)
      assert.match(cy.body, /Cofrestrfa Ddosbarth yr Uchel Lys/)
      const leedsCy = await client.get('/courts/leeds-combined-court-centre?lang=cy')
      assert.match(leedsCy.body, /Y cownter ar agor/)
      assert.doesNotMatch(leedsCy.body, /Counter open/)
      // Phone and email types too.
      assert.match(leedsCy.body, /<dt class="govuk-summary-list__key">\s*Ymholiadau\s*<\/dt>/)
      assert.match(leedsCy.body, /Ymholiadau Lle i Anadlu/)
      assert.doesNotMatch(leedsCy.body, />\s*(Enquiries|Breathing space enquiries|Family public law \(children in care\))\s*</)
      assert.match((await client.get('/courts?lang=cy')).body, /<option value="Money claims">Hawliadau am arian<\/option>/)
      const noVisits = await client.get('/courts/civil-national-business-centre-cnbc?lang=en')
      assert.match(noVisits.body, /We do not provide an in-person service/)
      assert.equal((await client.get('/courts/no-such-court')).statusCode, 404)
      assert.equal((await client.get('/courts/%3Cscript%3E')).statusCode, 404)
    })

    test('bad input: HTML escaped, a 2,000-character query refused', async () => {
      const xss = await client.get('/courts/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&lang=en')
      assert.equal(xss.statusCode, 200)
      assert.doesNotMatch(xss.body, /<script>alert\(1\)/)
      assert.match(xss.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/)
      const long = await client.get(`/courts/search?q=${'a'.repeat(2000)}&lang=en`)
      assert.equal(long.statusCode, 200)
      assert.match(long.body, /Search must be 200 characters or fewer/)
      assert.ok(long.body.length < 40_000, 'the page does not echo the whole query')
      const empty = await client.get('/courts/search?q=&lang=en')
      assert.match(empty.body, /Enter a court name, town or postcode/)
      // The question is asked again, not answered with "Search results".
      assert.match(empty.body, /<title>Error: Search by name or address – /)
      assert.match(empty.body, /<h1 class="govuk-heading-l">Search by name or address<\/h1>/)
    })

    test('facility HTML from the data can never inject script', async () => {
      await sql`update courts set facilities = ${JSON.stringify([{ name: 'Evil', description: '<p>ok</p><script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>' }])}::jsonb, info = ${'<p onclick="alert(4)">note</p><iframe src="https://evil.example"></iframe>'} where slug = 'bradford-combined-court-centre'`.execute(t.database.db)
      await refreshCourtIndex(t.database.db)
      const page = await client.get('/courts/bradford-combined-court-centre?lang=en')
      assert.match(page.body, /<p class="govuk-body">ok<\/p>/)
      assert.match(page.body, /note/)
      assert.doesNotMatch(page.body, /alert\([1-4]\)|onerror|onclick|javascript:|<iframe/)
    })

    test('API v1: shapes, problems, CORS, rate limit and OpenAPI', async () => {
      const search = await t.app.inject('/api/v1/courts?q=leeds+combind')
      assert.equal(search.statusCode, 200)
      assert.equal(search.headers['access-control-allow-origin'], '*')
      assert.ok(search.headers['x-ratelimit-limit'])
      const list = JSON.parse(search.body) as Record<string, unknown>[]
      assert.equal(list[0]?.slug, 'leeds-combined-court-centre')
      assert.deepEqual(Object.keys(list[0] ?? {}).sort(), ['areas_of_law', 'in_person', 'lat', 'lon', 'name', 'name_cy', 'open', 'postcode', 'slug', 'town', 'url'])
      const near = JSON.parse((await t.app.inject('/api/v1/courts?postcode=LS1+3BG&area_of_law=Crime')).body) as { distance_miles: number; areas_of_law: string[] }[]
      assert.equal(near.length, 10)
      assert.ok(near.every((c) => c.areas_of_law.includes('Crime') && typeof c.distance_miles === 'number'))
      const court = JSON.parse((await t.app.inject('/api/v1/courts/leeds-combined-court-centre')).body) as Record<string, unknown>
      for (const field of ['addresses', 'opening_times', 'contacts', 'emails', 'dx_codes', 'facilities', 'parking', 'codes', 'areas_of_law', 'court_types', 'additional_links']) assert.ok(field in court, field)
      assert.equal((JSON.parse((await t.app.inject('/api/v1/areas-of-law')).body) as unknown[]).length, 23)
      const serviceAreas = JSON.parse((await t.app.inject('/api/v1/service-areas')).body) as { slug: string; catchment_method: string }[]
      assert.equal(serviceAreas.length, 19)
      assert.equal(serviceAreas.find((s) => s.slug === 'money-claims')?.catchment_method, 'postcode')

      for (const url of ['/api/v1/courts', `/api/v1/courts?q=${'x'.repeat(2000)}`, '/api/v1/courts?postcode=nonsense', '/api/v1/courts?postcode=LS1&area_of_law=Witchcraft', '/api/v1/courts?postcode=LS1&service_area=nope', '/api/v1/courts?postcode=EH1+1YZ']) {
        const bad = await t.app.inject(url)
        assert.equal(bad.statusCode, 400, url)
        assert.match(bad.headers['content-type'] as string, /application\/problem\+json/)
        const problem = JSON.parse(bad.body) as { status: number; title: string; detail: string }
        assert.equal(problem.status, 400)
        assert.ok(problem.detail, url)
      }
      const missing = await t.app.inject('/api/v1/courts/nope')
      assert.equal(missing.statusCode, 404)
      assert.match(missing.headers['content-type'] as string, /application\/problem\+json/)

      const openapi = JSON.parse((await t.app.inject('/api/v1/openapi.json')).body) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }
      assert.equal(openapi.openapi, '3.1.0')
      for (const path of ['/api/v1/courts', '/api/v1/courts/{slug}', '/api/v1/areas-of-law', '/api/v1/service-areas']) assert.ok(openapi.paths[path], path)
      assert.ok(openapi.components.schemas.Problem)
    })

    test('a re-import duplicates nothing and keeps every field staff have edited', async () => {
      const before = await sql<{ courts: number; postcodes: number; councils: number }>`select (select count(*) from courts)::int as courts, (select count(*) from court_postcodes)::int as postcodes, (select count(*) from court_council_courts)::int as councils`.execute(t.database.db)
      const read = await sql<{ version: number }>`select version from courts where slug = 'leeds-combined-court-centre'`.execute(t.database.db)
      const version = read.rows[0]?.version as number
      const saved = await editCourt(t.database.db, 'leeds-combined-court-centre', version, { name: 'Leeds Combined Court Centre (Oxford Row)', alert: 'Closed on Friday' })
      assert.equal(saved.kind, 'saved')
      assert.deepEqual(saved.before, { name: 'Leeds Combined Court Centre', alert: '' })
      // A second editor who read the same version cannot overwrite the first silently.
      const stale = await editCourt(t.database.db, 'leeds-combined-court-centre', version, { alert: 'Open as usual' })
      assert.deepEqual(stale, { kind: 'conflict', currentVersion: version + 1 })
      assert.deepEqual(await editCourt(t.database.db, 'no-such-court', 1, { alert: 'x' }), { kind: 'notFound' })
      await sql`update courts set directions = 'changed without being marked as edited' where slug = 'leeds-combined-court-centre'`.execute(t.database.db)
      const summary = await runImport(t.database.db, courtImporter, COURTS_DIR, quiet)
      assert.equal(summary.counts['courts with staff edits kept'], 1)
      const after = await sql<{ courts: number; postcodes: number; councils: number }>`select (select count(*) from courts)::int as courts, (select count(*) from court_postcodes)::int as postcodes, (select count(*) from court_council_courts)::int as councils`.execute(t.database.db)
      assert.deepEqual(after.rows, before.rows)
      const row = await sql<{ name: string; alert: string; directions: string; staff_edited_fields: string[] }>`select name, alert, directions, staff_edited_fields from courts where slug = 'leeds-combined-court-centre'`.execute(t.database.db)
      assert.equal(row.rows[0]?.name, 'Leeds Combined Court Centre (Oxford Row)')
      assert.equal(row.rows[0]?.alert, 'Closed on Friday')
      assert.equal(row.rows[0]?.directions, '', 'a field staff did not edit comes from the data again')
      assert.deepEqual(row.rows[0]?.staff_edited_fields, ['alert', 'name'])
      // The import rebuilt the index: the page shows the edit.
      const page = await client.get('/courts/leeds-combined-court-centre?lang=en')
      assert.match(page.body, /Leeds Combined Court Centre \(Oxford Row\)/)
      assert.match(page.body, /Closed on Friday/)
    })

    test('staff: court data admins see only their region, edit a section with validation, audit and history', async () => {
      const yorkshire = await makeStaff(t.database.db, [{ role: 'court-data-admin', scope: { kind: 'region', values: ['Yorkshire and the Humber'] } }])
      const staff = new Client(t.app)
      await signIn(staff, yorkshire, '/staff/courts')
      const list = await staff.get('/staff/courts')
      assert.equal(list.statusCode, 200)
      assert.match(list.body, /href="\/staff\/courts\/sheffield-combined-court-centre"/)
      assert.doesNotMatch(list.body, /href="\/staff\/courts\/cardiff-crown-court"/)
      assert.equal((await staff.get('/staff/courts/cardiff-crown-court')).statusCode, 404, 'out of scope is not found')
      assert.equal((await staff.get('/staff/courts/sheffield-combined-court-centre/nonsense')).statusCode, 404)

      const url = '/staff/courts/sheffield-combined-court-centre/emails'
      const bad = await staff.submit(url, { 'type-0': 'Listing', 'address-0': 'not an email', version: '1' })
      assert.equal(bad.statusCode, 200)
      assert.match(bad.body, /govuk-error-summary/)
      assert.match(bad.body, /Enter an email address in the correct format/)
      assert.match(bad.body, /value="not an email"/, 'the answer is kept')

      // Seen before the edit, so the page is kept; the edit must replace it.
      const beforeEdit = await client.get('/courts/sheffield-combined-court-centre?lang=en')
      assert.doesNotMatch(beforeEdit.body, /&lt;script&gt;x&lt;\/script&gt;/)
      const form = await staff.get(url)
      const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] as string
      const saved = await staff.post(url, { _csrf: csrfFrom(form.body), version, 'type-0': 'Enquiries', 'address-0': 'enquiries.sheffield@justice.gov.uk', 'explanation-0': '<script>x</script>' })
      assert.equal(saved.statusCode, 303)
      assert.equal(saved.headers.location, '/staff/courts/sheffield-combined-court-centre?saved=emails')
      const overview = await staff.get(saved.headers.location as string)
      assert.match(overview.body, /Your changes have been saved/)
      assert.match(overview.body, new RegExp(`${yorkshire.email.replace(/[.]/g, '\\.')}`), 'the history names who')
      assert.match(overview.body, /Email addresses/)
      const events = await sql<{ action: string; actor_email: string }>`select action, actor_email from audit_events where record_type = 'court' and record_id = 'sheffield-combined-court-centre'`.execute(t.database.db)
      assert.deepEqual(events.rows.map((e) => e.action), ['courts.court.update'])
      const publicPage = await client.get('/courts/sheffield-combined-court-centre?lang=en')
      assert.match(publicPage.body, /enquiries\.sheffield@justice\.gov\.uk/)
      assert.match(publicPage.body, /&lt;script&gt;x&lt;\/script&gt;/)

      // A second save from the same, now stale, form is refused, not applied.
      const stale = await staff.post(url, { _csrf: csrfFrom(form.body), version, 'type-0': 'Enquiries', 'address-0': 'old@justice.gov.uk' })
      assert.equal(stale.statusCode, 200)
      assert.match(stale.body, /Someone else changed this section since you opened it/)
      assert.match(stale.body, /enquiries\.sheffield@justice\.gov\.uk/, 'the form shows what is saved now')

      // The edit survives a re-import.
      await runImport(t.database.db, courtImporter, COURTS_DIR, quiet)
      const after = await client.get('/courts/sheffield-combined-court-centre?lang=en')
      assert.match(after.body, /enquiries\.sheffield@justice\.gov\.uk/)
      const cy = await staff.get('/staff/courts/sheffield-combined-court-centre?lang=cy')
      assert.match(cy.body, /Cyfeiriadau e-bost/)
    })

    test('a change made by another process reaches this one’s index without a request scanning the database', async () => {
      const before = await courtIndex(t.database.db)
      const stop = watchCourtData(t.database.db, 50)
      try {
        await new Promise((resolve) => setTimeout(resolve, 150))
        await sql`update courts set alert = 'Changed elsewhere', updated_at = now() where slug = 'cardiff-crown-court'`.execute(t.database.db)
        let after = await courtIndex(t.database.db)
        for (let i = 0; i < 100 && after === before; i++) {
          await new Promise((resolve) => setTimeout(resolve, 50))
          after = await courtIndex(t.database.db)
        }
        assert.notEqual(after, before)
        assert.equal(after.bySlug.get('cardiff-crown-court')?.alert, 'Changed elsewhere')
      } finally {
        stop()
      }
    })

    test('the API is rate limited, with a problem body', async () => {
      let last = await t.app.inject('/api/v1/areas-of-law')
      for (let i = 0; i < 400 && last.statusCode === 200; i++) last = await t.app.inject('/api/v1/areas-of-law')
      assert.equal(last.statusCode, 429)
      assert.match(last.headers['content-type'] as string, /application\/problem\+json/)
      assert.match((JSON.parse(last.body) as { detail: string }).detail, /Too many requests/)
      assert.ok(last.headers['retry-after'])
      // Pages are not limited.
      assert.equal((await t.app.inject('/courts')).statusCode, 200)
    })
  })
}

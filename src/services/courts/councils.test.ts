import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { councilKey, matchCouncils, type Authority } from './councils.js'

// The real data, beside the checkout unless REFERENCE_DATA_DIR says otherwise (as the app reads it).
const DATA = process.env.REFERENCE_DATA_DIR ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data')
const csv = (file: string) => parse(readFileSync(join(DATA, file), 'utf8'), { columns: true, bom: true, trim: true }) as Record<string, string>[]

const authorities = csv('postcodes/gb-local-authority-names.csv') as unknown as Authority[]
const custodian = csv('courts/ew-local-authorities-os-custodian-codes.csv').map((r) => ({
  name: r.name ?? '',
  code: r.os_local_custodian_code ?? '',
  childCodes: (r.child_custodian_codes ?? '').split(/\s+/).filter(Boolean),
}))
const factNames = (JSON.parse(readFileSync(join(DATA, 'courts/fact-lookups.json'), 'utf8')) as { local_authorities: string[] }).local_authorities

test('council names in their different spellings share a key', () => {
  assert.equal(councilKey('Bradford City Council'), councilKey('City of Bradford Metropolitan District Council'))
  assert.equal(councilKey('Durham County Council'), councilKey('County Durham'))
  assert.equal(councilKey('Bristol City Council'), councilKey('Bristol, City of'))
  assert.equal(councilKey('Kingston upon Hull City Council'), councilKey('Kingston upon Hull, City of'))
})

test('every FaCT council matches GSS codes in the postcode tables', () => {
  const matches = matchCouncils(factNames, authorities, custodian)
  assert.equal(matches.length, factNames.length)
  assert.deepEqual(matches.filter((m) => m.method === 'unmatched').map((m) => m.council), [])
  const byName = new Map(matches.map((m) => [m.council, m]))
  assert.deepEqual(byName.get('Leeds City Council'), { council: 'Leeds City Council', laCodes: ['E08000035'], method: 'name' })
  // A county council covers its districts, found through the custodian codes.
  const kent = byName.get('Kent County Council')
  assert.equal(kent?.method, 'county')
  assert.ok(kent?.laCodes.includes('E07000110'), 'Maidstone is in Kent')
  assert.equal(kent?.laCodes.length, 12)
  // Abolished councils go to their successors.
  assert.deepEqual(byName.get('Cumbria County Council')?.laCodes, ['E06000063', 'E06000064'])
  // No FaCT council matches a Scottish one.
  for (const m of matches) for (const code of m.laCodes) assert.match(code, /^[EW]/, m.council)
})

test('an unknown council is reported as unmatched, not guessed', () => {
  const [m] = matchCouncils(['Atlantis District Council'], authorities, custodian)
  assert.deepEqual(m, { council: 'Atlantis District Council', laCodes: [], method: 'unmatched' })
})

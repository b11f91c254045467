/**
 * `justice import courts <dir>`: FaCT's export, as it is. Every court, open
 * and closed, is kept; a fault in a row is reported and the rest of the row
 * kept. A field staff have edited is never overwritten (see upsertCourts).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Kysely } from 'kysely'
import type { PlatformTables } from '../../platform/db/index.js'
import type { ImportLog, ImportSummary, ReferenceDataImporter } from '../../platform/reference-data/index.js'
import { matchCouncils, type CustodianCouncil } from './councils.js'
import { cleanCatchmentPrefix, parsePostcode } from './postcode.js'
import { distanceMiles } from './geo.js'
import { courtDb, loadAuthorities, replaceRows, staffEditedFields, upsertCourts } from './repository.js'
import { looksDangerous, sanitiseCourtHtml } from './sanitise.js'
import type { CourtAddress, CourtCodes, CourtContact, CourtDx, CourtEmail, CourtFacility, CourtLink, CourtOpeningTime, CourtParking } from './schema.js'
import { refreshCourtIndex } from './store.js'

type Source = Record<string, unknown>

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '')
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const list = (v: unknown): Source[] => (Array.isArray(v) ? v.filter((x): x is Source => typeof x === 'object' && x !== null) : [])
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter(Boolean) : [])
const lines = (v: unknown): string[] => str(v).split(/\r?\n/).map((l) => l.trim()).filter(Boolean)

/** One FaCT court as our row, with the faults found in it. Pure. */
export function courtRow(source: Source, importedAt: Date): { row: Record<string, unknown>; problems: string[] } {
  const problems: string[] = []
  const slug = str(source.slug)
  const displayed = source.displayed === true
  const lat = num(source.lat)
  const lon = num(source.lon)
  const inPerson = source.in_person !== false
  if ((lat === null) !== (lon === null)) problems.push('only one of latitude and longitude')
  if (lat !== null && lon !== null && (lat < 49 || lat > 61 || lon < -9 || lon > 3)) problems.push(`coordinates ${lat},${lon} are outside Great Britain`)

  const addresses: CourtAddress[] = list(source.addresses).map((a) => ({
    type: str(a.type),
    lines: lines(a.address_lines),
    town: str(a.town),
    county: str(a.county),
    postcode: str(a.postcode).toUpperCase(),
    linesCy: lines(a.address_lines_cy),
    townCy: str(a.town_cy),
  }))
  for (const a of addresses) if (!a.postcode && displayed) problems.push(`address "${a.type}" has no postcode`)

  const facilities: CourtFacility[] = list(source.facilities).map((f) => {
    const raw = str(f.description)
    if (looksDangerous(raw)) problems.push(`facility "${str(f.name)}" held unsafe HTML, which was removed`)
    return { name: str(f.name), description: sanitiseCourtHtml(raw) }
  })
  const info = str(source.info)
  if (looksDangerous(info)) problems.push('notice held unsafe HTML, which was removed')

  const codes = (source.codes ?? {}) as Source
  const parking = source.parking && typeof source.parking === 'object' ? (source.parking as Source) : null
  const laByArea: Record<string, string[]> = {}
  if (source.local_authorities_by_area_of_law && typeof source.local_authorities_by_area_of_law === 'object') {
    for (const [area, councils] of Object.entries(source.local_authorities_by_area_of_law as Record<string, unknown>)) laByArea[area] = strings(councils)
  }
  const json = (v: unknown) => JSON.stringify(v)
  const row = {
    slug,
    fact_id: num(source.id),
    name: str(source.name) || slug,
    name_cy: str(source.name_cy),
    displayed,
    lat: lat !== null && lon !== null ? lat : null,
    lon: lat !== null && lon !== null ? lon : null,
    region: str(source.region),
    country: str(source.country),
    in_person: inPerson,
    access_scheme: typeof source.access_scheme === 'boolean' ? source.access_scheme : null,
    service_centre: source.service_centre === true,
    service_centre_intro: str(source.service_centre_intro),
    welsh_enabled: source.welsh_enabled === true,
    court_types: json(strings(source.court_types)),
    codes: json({
      crown: num(codes.crown_location_code),
      county: num(codes.county_location_code),
      magistrates: num(codes.magistrates_location_code),
      family: num(codes.family_location_code),
      tribunal: num(codes.tribunal_location_code),
      gbs: str(codes.gbs) || null,
    } satisfies CourtCodes),
    areas_of_law: json(strings(source.areas_of_law)),
    areas_of_law_spoe: json(strings(source.areas_of_law_spoe)),
    addresses: json(addresses),
    opening_times: json(list(source.opening_times).map((o): CourtOpeningTime => ({ type: str(o.type), hours: str(o.hours) }))),
    contacts: json(
      list(source.contacts).map((c): CourtContact => ({ type: str(c.type), number: str(c.number).replace(/\s+/g, ' '), explanation: str(c.explanation), fax: c.fax === true })),
    ),
    emails: json(list(source.emails).map((e): CourtEmail => ({ type: str(e.type), address: str(e.address), explanation: str(e.explanation) }))),
    dx_codes: json(list(source.dx_codes).map((d): CourtDx => ({ code: str(d.code), explanation: str(d.explanation) }))),
    facilities: json(facilities),
    parking: json(parking ? ({ onsite: str(parking.onsite), offsite: str(parking.offsite), blueBadge: str(parking.blue_badge) } satisfies CourtParking) : null),
    additional_links: json(
      list(source.additional_links)
        .map((l): CourtLink => ({ url: str(l.url), description: str(l.description) }))
        .filter((l) => {
          const ok = /^https?:\/\//i.test(l.url)
          if (!ok) problems.push(`additional link "${l.url}" is not a web address and was left out`)
          return ok
        }),
    ),
    local_authorities_by_area_of_law: json(laByArea),
    postcode_prefixes_served: json(strings(source.postcode_prefixes_served)),
    alert: str(source.alert),
    info: sanitiseCourtHtml(info),
    directions: str(source.directions),
    image_file: str(source.image_file),
    import_problems: json(problems),
    source_updated_at: str(source.updated_at) || null,
    imported_at: importedAt,
  }
  return { row, problems }
}

/**
 * A few courts' coordinates disagree with their own address (Bristol's
 * probate registry sat in Cardiff). Where the visiting address's postcode
 * sector is over 10 miles away, its centroid is used instead, and reported.
 */
async function checkCoordinates(db: ReturnType<typeof courtDb>, rows: Record<string, unknown>[], problems: string[]): Promise<void> {
  const sectors = new Map((await db.selectFrom('postcode_sectors').select(['sector', 'lat', 'lon']).execute()).map((s) => [s.sector, s]))
  if (sectors.size === 0) return
  for (const row of rows) {
    const addresses = JSON.parse(row.addresses as string) as CourtAddress[]
    const visit = addresses.find((a) => /visit/i.test(a.type) && a.postcode)
    const parsed = visit ? parsePostcode(visit.postcode) : undefined
    const centroid = parsed?.sector ? sectors.get(parsed.sector) : undefined
    if (!centroid) continue
    if (row.lat === null || row.lon === null) {
      if (row.displayed && row.in_person) problems.push(`${String(row.slug)}: no coordinates; the position of ${parsed?.display} is used`)
      row.lat = centroid.lat
      row.lon = centroid.lon
      continue
    }
    const miles = distanceMiles(row.lat as number, row.lon as number, centroid.lat, centroid.lon)
    if (miles > 10) {
      problems.push(`${String(row.slug)}: coordinates are ${Math.round(miles)} miles from its address postcode ${parsed?.display}; the postcode's position is used`)
      row.lat = centroid.lat
      row.lon = centroid.lon
    }
  }
}

function readJson(dir: string, file: string): unknown {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown
}

function readCsv(dir: string, file: string): Record<string, string>[] {
  return parse(readFileSync(join(dir, file), 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[]
}

export async function importCourts(platformDb: Kysely<PlatformTables>, dir: string, log: ImportLog): Promise<ImportSummary> {
  const db = courtDb(platformDb)
  const problems: string[] = []
  const importedAt = new Date()

  // Courts
  const sources = list(readJson(dir, 'fact-courts.json'))
  const seen = new Set<string>()
  const rows: Record<string, unknown>[] = []
  for (const source of sources) {
    const { row, problems: faults } = courtRow(source, importedAt)
    const slug = row.slug as string
    if (!slug) {
      problems.push(`a court with no slug (${str(source.name) || 'no name'}) was skipped: it cannot have a page`)
      continue
    }
    if (seen.has(slug)) {
      problems.push(`${slug}: appears twice; the first was kept`)
      continue
    }
    seen.add(slug)
    rows.push(row)
    for (const f of faults) problems.push(`${slug}: ${f}`)
  }
  await checkCoordinates(db, rows, problems)
  const edited = await staffEditedFields(db)
  await upsertCourts(db, rows)
  for (const [slug, fields] of edited) {
    if (seen.has(slug)) log.info(`${slug}: kept staff edits to ${fields.join(', ')}`)
  }

  // Lookups
  const lookups = (readJson(dir, 'fact-lookups.json') ?? {}) as Source
  await replaceRows(
    db,
    'court_areas_of_law',
    list(lookups.areas_of_law).map((a) => ({
      name: str(a.name),
      fact_id: num(a.id),
      display_name: str(a.display_name),
      alt_name: str(a.alt_name),
      external_link: str(a.external_link),
      external_link_desc: str(a.external_link_desc),
      display_external_link: str(a.display_external_link),
    })),
  )
  const serviceAreas = list(lookups.service_areas).map((s) => {
    const method = str(s.catchment_method)
    if (!['postcode', 'local-authority', 'proximity'].includes(method)) problems.push(`service area ${str(s.slug)}: catchment method "${method || 'none'}" is not known; nearest courts will be shown`)
    return {
      slug: str(s.slug),
      name: str(s.name),
      description: str(s.description),
      type: str(s.type),
      catchment_method: method || null,
      area_of_law: str(s.area_of_law),
      online_url: str(s.online_url),
      online_text: str(s.online_text),
      text: str(s.text),
      sort_order: num(s.sort_order) ?? 0,
      services: JSON.stringify(strings(s.services)),
      service_area_courts: JSON.stringify(
        list(s.service_area_courts).map((c) => ({ court_slug: str(c.court_slug), catchment_type: str(c.catchment_type) })),
      ),
    }
  })
  for (const s of serviceAreas) {
    for (const c of JSON.parse(s.service_area_courts) as { court_slug: string }[]) {
      if (!seen.has(c.court_slug)) problems.push(`service area ${s.slug}: names unknown court ${c.court_slug}`)
    }
  }
  await replaceRows(db, 'court_service_areas', serviceAreas)
  await replaceRows(
    db,
    'court_services',
    list(lookups.services).map((s, i) => ({ slug: str(s.slug), name: str(s.name), description: str(s.description), sort_order: num(s.id) ?? i })),
  )
  const lookupRows: Record<string, unknown>[] = []
  for (const kind of ['court_types', 'regions', 'local_authorities', 'counties', 'address_types', 'opening_types', 'contact_types', 'email_types', 'facility_types']) {
    const values = Array.isArray(lookups[kind]) ? (lookups[kind] as unknown[]) : []
    values.forEach((value, position) => lookupRows.push({ kind, position, value: JSON.stringify(value) }))
  }
  await replaceRows(db, 'court_lookups', lookupRows)

  // Postcode catchments
  const areas = new Set((readJson(dir, 'fact-ukPostcodeAreas.json') as string[]).map((a) => a.toUpperCase()))
  const postcodeRows = new Map<string, { prefix: string; court_slug: string; raw: string }>()
  let malformed = 0
  for (const r of readCsv(dir, 'fact-court-postcodes.csv')) {
    const raw = r.postcode ?? ''
    const slug = r.court_slug ?? ''
    const prefix = cleanCatchmentPrefix(raw)
    const area = prefix ? (/^[A-Z]+/.exec(prefix)?.[0] ?? '').slice(0, 2) : ''
    const knownArea = prefix !== undefined && (areas.has(area) || areas.has(area.slice(0, 1)))
    if (!prefix || !knownArea || !seen.has(slug)) {
      malformed++
      problems.push(`postcode catchment "${raw}" for ${slug || 'no court'}: ${!seen.has(slug) ? 'unknown court' : !prefix ? 'not a postcode prefix' : `no postcode area ${area}`}; not used`)
      continue
    }
    postcodeRows.set(`${prefix}|${slug}`, { prefix, court_slug: slug, raw })
  }
  await replaceRows(db, 'court_postcodes', [...postcodeRows.values()])

  // Council catchments, and FaCT's council names matched to GSS codes
  const councilRows = new Map<string, Record<string, unknown>>()
  for (const r of readCsv(dir, 'fact-court-local-authority-area-of-law.csv')) {
    const council = r.local_authority ?? ''
    const slug = r.court_slug ?? ''
    if (!council || !r.area_of_law || !seen.has(slug)) {
      problems.push(`council catchment ${JSON.stringify(r)}: ${!seen.has(slug) ? 'unknown court' : 'incomplete row'}; not used`)
      continue
    }
    councilRows.set(`${council}|${r.area_of_law}|${slug}`, { council, area_of_law: r.area_of_law, court_slug: slug, displayed: r.displayed === 't' || r.displayed === 'true' })
  }
  await replaceRows(db, 'court_council_courts', [...councilRows.values()])

  const custodian: CustodianCouncil[] = readCsv(dir, 'ew-local-authorities-os-custodian-codes.csv').map((r) => ({
    name: r.name ?? '',
    code: r.os_local_custodian_code ?? '',
    childCodes: (r.child_custodian_codes ?? '').split(/\s+/).filter(Boolean),
  }))
  const councilNames = [...new Set([...strings(lookups.local_authorities), ...[...councilRows.values()].map((r) => r.council as string)])].sort()
  const authorities = await loadAuthorities(db)
  if (authorities.length === 0) problems.push('no councils in the postcode tables: import postcodes first, then courts again, for council catchments to work')
  const matches = matchCouncils(councilNames, authorities, custodian)
  const unmatched = matches.filter((m) => m.method === 'unmatched')
  for (const m of unmatched) problems.push(`council "${m.council}" matches no council in the postcode tables: its courts are found by distance only`)
  for (const m of matches.filter((x) => x.method === 'successor')) log.info(`council "${m.council}" no longer exists; matched to its successors ${m.laCodes.join(', ')}`)
  await replaceRows(
    db,
    'court_council_matches',
    matches.map((m) => ({ council: m.council, la_codes: JSON.stringify(m.laCodes), method: m.method })),
  )

  await refreshCourtIndex(platformDb)
  return {
    counts: {
      courts: rows.length,
      'open courts': rows.filter((r) => r.displayed).length,
      'areas of law': list(lookups.areas_of_law).length,
      'service areas': serviceAreas.length,
      'postcode catchments': postcodeRows.size,
      'malformed postcode catchments': malformed,
      'council catchments': councilRows.size,
      'councils matched': matches.length - unmatched.length,
      'councils unmatched': unmatched.length,
      'courts with staff edits kept': [...edited.keys()].filter((s) => seen.has(s)).length,
    },
    problems,
  }
}

export const courtImporter: ReferenceDataImporter = {
  kind: 'courts',
  folder: 'courts',
  marker: 'fact-courts.json',
  after: ['postcodes'],
  run: importCourts,
}

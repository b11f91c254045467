/**
 * The court finder's search, over an in-memory index of the court data: by
 * name or address, by postcode, and by the help a person needs (the catchment
 * rules). Pure functions: the index is built from rows loaded once, and
 * rebuilt when the data changes (store.ts), so no request scans the database.
 */
import { distanceMiles, roundMiles } from './geo.js'
import { catchmentPrefixes, jurisdictionOf, type Jurisdiction, type ParsedPostcode } from './postcode.js'
import type { CourtData, CourtRecord } from './repository.js'
import { normaliseText, tokens, wordMatch } from './text.js'
import { remember } from '../../platform/remember.js'

export type Court = CourtRecord

export interface AreaOfLaw {
  name: string
  displayName: string
  externalLink: string
  externalLinkDescription: string
  displayExternalLink: string
}

export interface ServiceArea {
  slug: string
  name: string
  description: string
  type: string
  catchmentMethod: 'postcode' | 'local-authority' | 'proximity'
  areaOfLaw: string
  onlineUrl: string
  onlineText: string
  text: string
  services: string[]
  courts: { slug: string; catchmentType: string }[]
}

export interface Service {
  slug: string
  name: string
  description: string
}

interface IndexedCourt {
  court: Court
  name: string
  nameCy: string
  nameTokens: string[]
  otherTokens: string[]
  postcodes: string[]
  codes: string[]
  areasOfLaw: Set<string>
}

interface Council {
  laCode: string
  laName: string
  share: number
}

export interface CourtIndex {
  courts: readonly Court[]
  bySlug: ReadonlyMap<string, Court>
  open: readonly IndexedCourt[]
  areasOfLaw: readonly AreaOfLaw[]
  serviceAreas: readonly ServiceArea[]
  services: readonly Service[]
  sectors: ReadonlyMap<string, readonly [number, number]>
  districts: ReadonlyMap<string, readonly [number, number]>
  sectorCouncils: ReadonlyMap<string, Council>
  districtCouncils: ReadonlyMap<string, Council>
  /** Councils of each district's sectors, for a district that more than one council shares. */
  councilsInDistrict: ReadonlyMap<string, readonly string[]>
  authorityNames: ReadonlyMap<string, string>
  postcodeCatchments: ReadonlyMap<string, readonly string[]>
  /** `${fact council}|${area of law}` -> open courts. */
  councilCourts: ReadonlyMap<string, readonly string[]>
  /** GSS code -> FaCT council names covering it. */
  factCouncilsByCode: ReadonlyMap<string, readonly string[]>
  /** Every word of every open court's name and address, so a typed word is compared with each once. */
  vocabulary: readonly string[]
  /** Word -> the open courts (positions in `open`) whose name (weight 1) or address (weight 0.5) holds it. */
  postings: ReadonlyMap<string, readonly (readonly [number, number])[]>
  /** Recent typed words and the vocabulary words they match: popular searches repeat. */
  wordCache: Map<string, ReadonlyMap<string, number>>
  /** Recent name searches and their results: a search costs more than the page that shows it. */
  searchCache: Map<string, readonly NameMatch[]>
  builtAt: Date
}

const key = (s: string) => s.toLowerCase()

export function buildCourtIndex(data: CourtData, builtAt = new Date()): CourtIndex {
  const bySlug = new Map(data.courts.map((c) => [c.slug, c]))
  const open: IndexedCourt[] = data.courts
    .filter((c) => c.displayed)
    .map((court) => {
      const other: string[] = []
      const postcodes: string[] = []
      for (const a of court.addresses) {
        other.push(...tokens([...a.lines, a.town, a.county, ...a.linesCy, a.townCy].join(' ')))
        if (a.postcode) postcodes.push(a.postcode.replace(/\s+/g, ''))
      }
      const codes = Object.values(court.codes ?? {})
        .filter((v) => v !== null && v !== undefined && v !== '')
        .map((v) => String(v).toLowerCase())
      return {
        court,
        name: normaliseText(court.name),
        nameCy: normaliseText(court.name_cy),
        nameTokens: [...new Set([...tokens(court.name), ...tokens(court.name_cy)])],
        otherTokens: [...new Set(other)],
        postcodes,
        codes,
        areasOfLaw: new Set(court.areas_of_law.map(key)),
      }
    })

  const point = (rows: { lat: number; lon: number }[], k: (r: never) => string) =>
    new Map(rows.map((r) => [k(r as never), [r.lat, r.lon] as const]))
  const sectorCouncils = new Map<string, Council>()
  const districtCouncils = new Map<string, Council>()
  const councilsInDistrict = new Map<string, Set<string>>()
  for (const c of data.councils) {
    const council = { laCode: c.la_code, laName: c.la_name, share: c.share }
    if (c.level === 'sector') {
      sectorCouncils.set(c.area, council)
      const district = c.area.split(' ')[0] as string
      let set = councilsInDistrict.get(district)
      if (!set) councilsInDistrict.set(district, (set = new Set()))
      set.add(c.la_code)
    } else districtCouncils.set(c.area, council)
  }

  const postcodeCatchments = new Map<string, string[]>()
  for (const p of data.postcodes) {
    if (!bySlug.get(p.court_slug)?.displayed) continue
    const list = postcodeCatchments.get(p.prefix) ?? []
    list.push(p.court_slug)
    postcodeCatchments.set(p.prefix, list)
  }
  const councilCourts = new Map<string, string[]>()
  for (const r of data.councilCourts) {
    if (!r.displayed || !bySlug.get(r.court_slug)?.displayed) continue
    const k = `${r.council}|${key(r.area_of_law)}`
    const list = councilCourts.get(k) ?? []
    list.push(r.court_slug)
    councilCourts.set(k, list)
  }
  const factCouncilsByCode = new Map<string, string[]>()
  for (const m of data.councilMatches) {
    for (const code of m.la_codes) {
      const list = factCouncilsByCode.get(code) ?? []
      list.push(m.council)
      factCouncilsByCode.set(code, list)
    }
  }

  const validMethods = new Set(['postcode', 'local-authority', 'proximity'])
  return {
    courts: data.courts,
    bySlug,
    open,
    areasOfLaw: data.areasOfLaw.map((a) => ({
      name: a.name,
      displayName: a.display_name || a.name,
      externalLink: a.external_link,
      externalLinkDescription: a.external_link_desc,
      displayExternalLink: a.display_external_link,
    })),
    serviceAreas: data.serviceAreas.map((s) => ({
      slug: s.slug,
      name: s.name,
      description: s.description,
      type: s.type,
      // Where the data names no method (financial remedy), the nearest courts are the honest answer.
      catchmentMethod: (validMethods.has(s.catchment_method ?? '') ? s.catchment_method : 'proximity') as ServiceArea['catchmentMethod'],
      areaOfLaw: s.area_of_law,
      onlineUrl: s.online_url,
      onlineText: s.online_text,
      text: s.text,
      services: s.services,
      courts: s.service_area_courts.map((c) => ({ slug: c.court_slug, catchmentType: c.catchment_type })),
    })),
    services: data.services.map((s) => ({ slug: s.slug, name: s.name, description: s.description })),
    sectors: point(data.sectors, (r: { sector: string }) => r.sector),
    districts: point(data.districts, (r: { outcode: string }) => r.outcode),
    sectorCouncils,
    districtCouncils,
    councilsInDistrict: new Map([...councilsInDistrict].map(([k, v]) => [k, [...v]])),
    authorityNames: new Map(data.authorities.map((a) => [a.la_code, a.la_name])),
    postcodeCatchments,
    councilCourts,
    factCouncilsByCode,
    vocabulary: [...new Set(open.flatMap((c) => [...c.nameTokens, ...c.otherTokens]))],
    postings: buildPostings(open),
    wordCache: new Map(),
    searchCache: new Map(),
    builtAt,
  }
}

function buildPostings(open: readonly IndexedCourt[]): Map<string, [number, number][]> {
  const postings = new Map<string, [number, number][]>()
  open.forEach((c, i) => {
    const weights = new Map<string, number>()
    for (const t of c.otherTokens) weights.set(t, 0.5)
    for (const t of c.nameTokens) weights.set(t, 1)
    for (const [t, w] of weights) {
      const list = postings.get(t) ?? []
      list.push([i, w])
      postings.set(t, list)
    }
  })
  return postings
}

const WORD_CACHE_SIZE = 2000
const SEARCH_CACHE_SIZE = 500

// The index's caches live on the index, so a new index (an import or an edit) starts afresh and nothing goes stale.

/** The vocabulary words a typed word matches, with how well (see wordMatch). */
function matchingWords(index: CourtIndex, word: string): ReadonlyMap<string, number> {
  return remember(index.wordCache, word, WORD_CACHE_SIZE, () => {
    const found = new Map<string, number>()
    for (const t of index.vocabulary) {
      const m = wordMatch(word, t)
      if (m > 0) found.set(t, m)
    }
    return found
  })
}

// ---------------------------------------------------------------- by name

export interface NameMatch {
  court: Court
  score: number
}

export const MAX_QUERY_LENGTH = 200

/**
 * Courts whose name, Welsh name, town, address, postcode or court code match
 * the query, best first. Every word typed must match something (allowing for
 * typos); words in the name count for more than words in the address; the
 * exact name comes first.
 */
export function searchByName(index: CourtIndex, query: string, limit = 50): readonly NameMatch[] {
  const q = normaliseText(query.slice(0, MAX_QUERY_LENGTH))
  if (!q) return []
  const compact = query.toUpperCase().replace(/[^A-Z0-9]/g, '')
  return remember(index.searchCache, `${limit}\u0000${q}\u0000${compact}`, SEARCH_CACHE_SIZE, () => rankByName(index, q, compact, limit))
}

function rankByName(index: CourtIndex, q: string, compact: string, limit: number): NameMatch[] {
  const typed = q.split(' ')
  // Word scores per court, from the postings of the vocabulary words each typed word matches.
  let totals: Map<number, number> | undefined
  for (const word of typed) {
    const best = new Map<number, number>()
    for (const [token, m] of matchingWords(index, word)) {
      for (const [court, weight] of index.postings.get(token) ?? []) {
        if (totals && !totals.has(court)) continue
        const score = m * weight
        if (score > (best.get(court) ?? 0)) best.set(court, score)
      }
    }
    const next = new Map<number, number>()
    for (const [court, score] of best) next.set(court, (totals?.get(court) ?? 0) + score)
    totals = next
    if (totals.size === 0) break
  }
  const matches: NameMatch[] = []
  index.open.forEach((c, i) => {
    let score = 0
    if (c.name === q || (c.nameCy && c.nameCy === q)) score = 1000
    else if (c.name.startsWith(q) || c.nameCy.startsWith(q)) score = 500
    else if (c.name.includes(q) || c.nameCy.includes(q)) score = 400
    if (compact.length >= 2 && c.postcodes.some((p) => p.startsWith(compact))) score = Math.max(score, 350)
    if (c.codes.includes(q)) score = Math.max(score, 450)
    const words = totals?.get(i)
    if (words !== undefined) score = Math.max(score, Math.round((300 * words) / typed.length))
    if (score > 0) matches.push({ court: c.court, score })
  })
  matches.sort((a, b) => b.score - a.score || a.court.name.localeCompare(b.court.name, 'en-GB'))
  return matches.slice(0, limit)
}

/** Open courts grouped by first letter, for the A to Z. */
export function courtsAtoZ(index: CourtIndex): { letter: string; courts: Court[] }[] {
  const groups = new Map<string, Court[]>()
  const sorted = [...index.open].map((c) => c.court).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  for (const court of sorted) {
    const letter = normaliseText(court.name).charAt(0).toUpperCase() || '#'
    const list = groups.get(letter) ?? []
    list.push(court)
    groups.set(letter, list)
  }
  return [...groups].map(([letter, courts]) => ({ letter, courts }))
}

// ---------------------------------------------------------------- by postcode

export interface PostcodeLocation {
  postcode: ParsedPostcode
  lat: number
  lon: number
  /** Which centroid gave the point. */
  precision: 'sector' | 'district'
  council?: Council
  jurisdiction: Jurisdiction
}

/** Where a postcode is, from its sector's centroid, else its district's; undefined when unknown. */
export function locatePostcode(index: CourtIndex, postcode: ParsedPostcode): PostcodeLocation | undefined {
  const council = (postcode.sector && index.sectorCouncils.get(postcode.sector)) || index.districtCouncils.get(postcode.district)
  const sector = postcode.sector ? index.sectors.get(postcode.sector) : undefined
  const point = sector ?? index.districts.get(postcode.district)
  if (!point) return undefined
  return {
    postcode,
    lat: point[0],
    lon: point[1],
    precision: sector ? 'sector' : 'district',
    council: council || undefined,
    jurisdiction: jurisdictionOf(postcode, council ? council.laCode : undefined),
  }
}

export interface CourtWithDistance {
  court: Court
  /** Miles to one decimal place, or null for a court with no coordinates (a service centre). */
  distanceMiles: number | null
}

function withDistance(court: Court, from: { lat: number; lon: number }): CourtWithDistance {
  return {
    court,
    distanceMiles: court.lat !== null && court.lon !== null ? roundMiles(distanceMiles(from.lat, from.lon, court.lat, court.lon)) : null,
  }
}

function byDistance(a: CourtWithDistance, b: CourtWithDistance): number {
  return (a.distanceMiles ?? Infinity) - (b.distanceMiles ?? Infinity) || a.court.name.localeCompare(b.court.name, 'en-GB')
}

/** The nearest open courts, optionally only those dealing with an area of law, or with an in-person service. */
export function nearestCourts(
  index: CourtIndex,
  from: { lat: number; lon: number },
  options: { areaOfLaw?: string; inPersonOnly?: boolean; limit?: number } = {},
): CourtWithDistance[] {
  const area = options.areaOfLaw ? key(options.areaOfLaw) : undefined
  const found: CourtWithDistance[] = []
  for (const c of index.open) {
    if (c.court.lat === null || c.court.lon === null) continue
    if (options.inPersonOnly && !c.court.in_person) continue
    if (area && !c.areasOfLaw.has(area)) continue
    found.push(withDistance(c.court, from))
  }
  return found.sort(byDistance).slice(0, options.limit ?? 10)
}

// ---------------------------------------------------------------- by the help needed

export interface CouncilCourts {
  laCode: string
  council: string
  courts: CourtWithDistance[]
}

export interface ServiceAreaResult {
  serviceArea: ServiceArea
  method: ServiceArea['catchmentMethod']
  /** National service centres that handle this work, shown first. */
  serviceCentres: Court[]
  courts: CourtWithDistance[]
  /** The catchment gave no court, so these are simply the nearest. */
  fellBackToProximity: boolean
  /** The postcode catchment prefix that matched. */
  matchedPrefix?: string
  /** For local-authority catchments: the council(s) and their courts. */
  councils?: CouncilCourts[]
  /** True when the postcode's council is only probable: the answer depends on the exact address. */
  dependsOnAddress?: boolean
}

export function findServiceArea(index: CourtIndex, slug: string): ServiceArea | undefined {
  return index.serviceAreas.find((s) => s.slug === slug)
}

export function findAreaOfLaw(index: CourtIndex, name: string): AreaOfLaw | undefined {
  const k = key(name.trim())
  return index.areasOfLaw.find((a) => key(a.name) === k || key(a.displayName) === k || key(a.name).replace(/\s+/g, '-') === k)
}

function openCourts(index: CourtIndex, slugs: Iterable<string>): Court[] {
  const courts: Court[] = []
  for (const slug of new Set(slugs)) {
    const c = index.bySlug.get(slug)
    if (c?.displayed) courts.push(c)
  }
  return courts
}

function dealsWith(court: Court, areaOfLaw: string): boolean {
  const k = key(areaOfLaw)
  return court.areas_of_law.some((a) => key(a) === k)
}

/**
 * The courts for a service area and a postcode, by the catchment method the
 * data names for it:
 * - postcode: courts whose catchment holds the longest matching prefix (full
 *   postcode, sector, district, area), nearest first;
 * - local-authority: courts named for the postcode's council and the area of
 *   law; where the council is only probable, every candidate council's courts;
 * - proximity, or any of the above finding nothing: the nearest courts for the area of law.
 */
export function searchServiceArea(index: CourtIndex, serviceArea: ServiceArea, location: PostcodeLocation, limit = 10): ServiceAreaResult {
  const serviceCentres = openCourts(
    index,
    serviceArea.courts.filter((c) => c.catchmentType === 'national').map((c) => c.slug),
  )
  const centreSlugs = new Set(serviceCentres.map((c) => c.slug))
  const local = (courts: Court[]) =>
    courts.filter((c) => !centreSlugs.has(c.slug) && dealsWith(c, serviceArea.areaOfLaw)).map((c) => withDistance(c, location)).sort(byDistance).slice(0, limit)
  const base = { serviceArea, method: serviceArea.catchmentMethod, serviceCentres }

  if (serviceArea.catchmentMethod === 'postcode') {
    for (const prefix of catchmentPrefixes(location.postcode)) {
      const courts = local(openCourts(index, index.postcodeCatchments.get(prefix) ?? []))
      if (courts.length > 0) return { ...base, courts, fellBackToProximity: false, matchedPrefix: prefix }
    }
  }

  if (serviceArea.catchmentMethod === 'local-authority' && location.council) {
    const primary = location.council
    const codes = [primary.laCode]
    const dependsOnAddress = primary.share < 1
    if (dependsOnAddress) {
      const district = index.districtCouncils.get(location.postcode.district)
      for (const code of [district?.laCode, ...(index.councilsInDistrict.get(location.postcode.district) ?? [])]) {
        if (code && !codes.includes(code)) codes.push(code)
      }
    }
    const councils: CouncilCourts[] = codes.map((code) => {
      const slugs = (index.factCouncilsByCode.get(code) ?? []).flatMap((name) => index.councilCourts.get(`${name}|${key(serviceArea.areaOfLaw)}`) ?? [])
      return { laCode: code, council: index.authorityNames.get(code) ?? (code === primary.laCode ? primary.laName : code), courts: local(openCourts(index, slugs)) }
    })
    const withCourts = councils.filter((c) => c.courts.length > 0)
    if (withCourts.length > 0) {
      const seen = new Set<string>()
      const courts = withCourts
        .flatMap((c) => c.courts)
        .filter((c) => (seen.has(c.court.slug) ? false : (seen.add(c.court.slug), true)))
        .sort(byDistance)
      return { ...base, courts, fellBackToProximity: false, councils: withCourts, dependsOnAddress }
    }
  }

  const nearest = nearestCourts(index, location, { areaOfLaw: serviceArea.areaOfLaw, limit: limit + centreSlugs.size }).filter((c) => !centreSlugs.has(c.court.slug)).slice(0, limit)
  return { ...base, courts: nearest, fellBackToProximity: serviceArea.catchmentMethod !== 'proximity' }
}

// ---------------------------------------------------------------- what people type

export type PostcodeAnswer =
  | { kind: 'error'; error: 'emptyPostcode' | 'invalidPostcode' | 'unknownPostcode' }
  | { kind: 'elsewhere'; jurisdiction: Exclude<Jurisdiction, 'england-and-wales'>; postcode: ParsedPostcode }
  | { kind: 'found'; location: PostcodeLocation }

/** A typed postcode: an error to show, a place outside England and Wales, or where it is. */
export function resolvePostcode(index: CourtIndex, input: string, parse: (s: string) => ParsedPostcode | undefined): PostcodeAnswer {
  if (!input.trim()) return { kind: 'error', error: 'emptyPostcode' }
  const postcode = parse(input)
  if (!postcode) return { kind: 'error', error: 'invalidPostcode' }
  const early = jurisdictionOf(postcode)
  if (early === 'northern-ireland' || early === 'channel-islands' || early === 'isle-of-man') return { kind: 'elsewhere', jurisdiction: early, postcode }
  const location = locatePostcode(index, postcode)
  if (!location) {
    if (early === 'scotland') return { kind: 'elsewhere', jurisdiction: early, postcode }
    return { kind: 'error', error: 'unknownPostcode' }
  }
  if (location.jurisdiction !== 'england-and-wales') return { kind: 'elsewhere', jurisdiction: location.jurisdiction, postcode }
  return { kind: 'found', location }
}

export type NameQueryAnswer = { kind: 'error'; error: 'emptyQuery' | 'tooLong' } | { kind: 'ok'; query: string }

export function checkNameQuery(input: string): NameQueryAnswer {
  const query = input.trim()
  if (!query) return { kind: 'error', error: 'emptyQuery' }
  if (query.length > MAX_QUERY_LENGTH) return { kind: 'error', error: 'tooLong' }
  return { kind: 'ok', query }
}

/**
 * Postcodes as people type them: full (`LS1 3BG`), sector (`LS1 3`) or
 * district (`LS1`), in any case and spacing. Pure: look-ups happen elsewhere.
 */

export type PostcodeKind = 'full' | 'sector' | 'district'

export interface ParsedPostcode {
  kind: PostcodeKind
  /** As it should be shown: `LS1 3BG`, `LS1 3`, `LS1`. */
  display: string
  /** Upper case, no spaces: how catchment prefixes are stored. */
  compact: string
  /** `LS1 3`, when the input reached the sector. */
  sector?: string
  district: string
  /** The letters that start it: `LS`. */
  area: string
}

const DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/
const FULL = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/

/** Returns the postcode's parts, or undefined when it is not shaped like a UK postcode. */
export function parsePostcode(input: string): ParsedPostcode | undefined {
  const upper = input.normalize('NFKC').toUpperCase().trim().replace(/\s+/g, ' ')
  if (upper.length === 0 || upper.length > 10) return undefined
  const compact = upper.replace(/ /g, '')
  const area = (/^[A-Z]+/.exec(compact)?.[0] ?? '').slice(0, 2)

  const full = FULL.exec(compact)
  if (full) {
    const district = full[1] as string
    const inward = full[2] as string
    return { kind: 'full', display: `${district} ${inward}`, compact, sector: `${district} ${inward[0]}`, district, area }
  }
  // A space says where the district ends; without one, `LS11` is read as the district LS11
  // (people type districts far more often than sectors).
  const parts = upper.split(' ')
  if (parts.length === 2) {
    const [district, rest] = parts as [string, string]
    if (DISTRICT.test(district) && /^[0-9]$/.test(rest)) {
      return { kind: 'sector', display: `${district} ${rest}`, compact, sector: `${district} ${rest}`, district, area }
    }
    return undefined
  }
  if (DISTRICT.test(compact)) return { kind: 'district', display: compact, compact, district: compact, area }
  // `SW1A1`: a district that ends in a letter cannot be followed by more district.
  const sector = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])$/.exec(compact)
  if (sector) {
    const district = sector[1] as string
    return { kind: 'sector', display: `${district} ${sector[2]}`, compact, sector: `${district} ${sector[2]}`, district, area }
  }
  return undefined
}

/**
 * The prefixes a postcode catchment is matched on, longest first: full
 * postcode, sector, district, area (as FaCT's civil search does).
 */
export function catchmentPrefixes(postcode: ParsedPostcode): string[] {
  const prefixes = [postcode.compact]
  if (postcode.sector) prefixes.push(postcode.sector.replace(' ', ''))
  prefixes.push(postcode.district, postcode.area)
  return [...new Set(prefixes)]
}

/** Where the courts are run by someone else: Scotland, Northern Ireland, the Crown Dependencies. */
export type Jurisdiction = 'england-and-wales' | 'scotland' | 'northern-ireland' | 'channel-islands' | 'isle-of-man'

/** Postcode areas wholly outside England and Wales; Scotland is also told by the council (S codes). */
const SCOTTISH_AREAS = new Set(['AB', 'DD', 'DG', 'EH', 'FK', 'G', 'HS', 'IV', 'KA', 'KW', 'KY', 'ML', 'PA', 'PH', 'ZE'])

export function jurisdictionOf(postcode: ParsedPostcode, councilCode?: string): Jurisdiction {
  if (postcode.area === 'BT') return 'northern-ireland'
  if (postcode.area === 'GY' || postcode.area === 'JE') return 'channel-islands'
  if (postcode.area === 'IM') return 'isle-of-man'
  if (councilCode) return councilCode.startsWith('S') ? 'scotland' : 'england-and-wales'
  // TD straddles the border (TD15 is Berwick-upon-Tweed): only the council table can tell.
  return SCOTTISH_AREAS.has(postcode.area) ? 'scotland' : 'england-and-wales'
}

/** Cleans a catchment prefix from the data; undefined when it cannot be a postcode prefix. */
export function cleanCatchmentPrefix(raw: string): string | undefined {
  const compact = raw.toUpperCase().replace(/['"\s]/g, '')
  if (/^[A-Z]{1,2}$/.test(compact)) return compact
  if (DISTRICT.test(compact)) return compact
  if (/^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9]$/.test(compact)) return compact
  if (/^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{1,2}$/.test(compact)) return compact
  return undefined
}

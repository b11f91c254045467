/**
 * FaCT names councils its own way ("Bradford City Council", "Kent County
 * Council"); the postcode tables use GSS codes and mySociety names ("Bradford",
 * "Maidstone"). This matches each FaCT name to the GSS codes it covers, so the
 * catchment joins on codes, never on names. Pure: the importer feeds it.
 */
import { normaliseText } from './text.js'

export interface Authority {
  la_code: string
  la_name: string
  official_name: string
  boundary_line_name: string
  nation: string
}

/** A row of ew-local-authorities-os-custodian-codes.csv: a county lists its districts' codes. */
export interface CustodianCouncil {
  name: string
  code: string
  childCodes: string[]
}

export type MatchMethod = 'name' | 'county' | 'successor' | 'unmatched'

export interface CouncilMatch {
  council: string
  laCodes: string[]
  method: MatchMethod
}

/**
 * Councils abolished since FaCT's data was written, and the councils that took
 * over their area (by mySociety name). Reviewed by hand: see the import report.
 */
export const SUCCESSOR_COUNCILS: Readonly<Record<string, readonly string[]>> = {
  'Bournemouth Borough Council': ['Bournemouth, Christchurch and Poole'],
  'Poole Borough Council': ['Bournemouth, Christchurch and Poole'],
  'Christchurch Borough Council': ['Bournemouth, Christchurch and Poole'],
  'Cumbria County Council': ['Cumberland', 'Westmorland and Furness'],
  'Northamptonshire County Council': ['North Northamptonshire', 'West Northamptonshire'],
}

const NOISE = new Set(['city', 'borough', 'county', 'district', 'metropolitan', 'council', 'of', 'the', 'royal', 'b', 'and'])

/** `City of Bradford Metropolitan District Council`, `Bradford (B)` and `Bradford City Council` -> `bradford`. */
export function councilKey(name: string): string {
  return normaliseText(name)
    .split(' ')
    .filter((w) => w && !NOISE.has(w))
    .join(' ')
}

export function matchCouncils(names: readonly string[], authorities: readonly Authority[], custodian: readonly CustodianCouncil[]): CouncilMatch[] {
  const englandAndWales = authorities.filter((a) => a.nation === 'England' || a.nation === 'Wales')
  const byKey = new Map<string, Set<string>>()
  for (const a of englandAndWales) {
    for (const n of [a.la_name, a.official_name, a.boundary_line_name]) {
      const key = councilKey(n)
      if (!key) continue
      let set = byKey.get(key)
      if (!set) byKey.set(key, (set = new Set()))
      set.add(a.la_code)
    }
  }
  const byLaName = new Map(englandAndWales.map((a) => [a.la_name, a.la_code]))
  const custodianByKey = new Map(custodian.map((c) => [councilKey(c.name), c]))
  const custodianByCode = new Map(custodian.map((c) => [c.code, c]))
  const direct = (name: string): string[] => [...(byKey.get(councilKey(name)) ?? [])]

  return names.map((council): CouncilMatch => {
    const named = direct(council)
    if (named.length > 0) return { council, laCodes: named, method: 'name' }
    const county = custodianByKey.get(councilKey(council))
    if (county && county.childCodes.length > 0) {
      const codes = county.childCodes.flatMap((code) => {
        const child = custodianByCode.get(code)
        return child ? direct(child.name) : []
      })
      if (codes.length > 0) return { council, laCodes: [...new Set(codes)].sort(), method: 'county' }
    }
    const successors = SUCCESSOR_COUNCILS[council]
    if (successors) {
      const codes = successors.flatMap((n) => byLaName.get(n) ?? [])
      if (codes.length > 0) return { council, laCodes: codes, method: 'successor' }
    }
    return { council, laCodes: [], method: 'unmatched' }
  })
}

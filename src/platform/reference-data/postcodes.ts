/**
 * Postcode reference data (ONS NSPL centroids and OS Code-Point Open councils),
 * which the platform owns because several services need it: the court finder
 * for distances and catchments, others for addresses.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Kysely } from 'kysely'
import type { PlatformTables } from '../db/index.js'
import { upsertRows, type ImportLog, type ImportSummary, type ReferenceDataImporter } from './index.js'

type CsvRow = Record<string, string>

function readCsv(dir: string, file: string): CsvRow[] {
  return parse(readFileSync(join(dir, file), 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as CsvRow[]
}

function number(value: string | undefined): number {
  return value === undefined || value === '' ? Number.NaN : Number(value)
}

export const postcodeImporter: ReferenceDataImporter = {
  kind: 'postcodes',
  folder: 'postcodes',
  marker: 'gb-postcode-sector-centroids.csv',
  async run(db: Kysely<PlatformTables>, dir: string, _log: ImportLog): Promise<ImportSummary> {
    const problems: string[] = []
    const centroid = <K extends string>(file: string, keyColumn: K) => {
      const rows: { key: string; lat: number; lon: number; postcode_units: number }[] = []
      for (const row of readCsv(dir, file)) {
        const key = normaliseArea(row[keyColumn] ?? '')
        const lat = number(row.lat)
        const lon = number(row.lon)
        if (!key || !Number.isFinite(lat) || !Number.isFinite(lon)) {
          problems.push(`${file}: skipped ${JSON.stringify(row)} (no area or coordinates)`)
          continue
        }
        rows.push({ key, lat, lon, postcode_units: Math.trunc(number(row.postcode_units)) || 0 })
      }
      return rows
    }
    const districts = centroid('gb-postcode-district-centroids.csv', 'outcode')
    const sectors = centroid('gb-postcode-sector-centroids.csv', 'sector')
    await upsertRows(db, 'postcode_districts', ['outcode'], districts.map(({ key, ...r }) => ({ outcode: key, ...r })))
    await upsertRows(db, 'postcode_sectors', ['sector'], sectors.map(({ key, ...r }) => ({ sector: key, ...r })))

    const councils = (file: string, keyColumn: string, level: 'sector' | 'district') =>
      readCsv(dir, file).flatMap((row) => {
        const area = normaliseArea(row[keyColumn] ?? '')
        if (!area || !row.la_code) {
          problems.push(`${file}: skipped ${JSON.stringify(row)} (no area or council)`)
          return []
        }
        return [{ area, level, la_code: row.la_code, la_name: row.la_name ?? '', share: number(row.share) || 0 }]
      })
    const sectorCouncils = councils('gb-postcode-sector-local-authority.csv', 'sector', 'sector')
    const districtCouncils = councils('gb-postcode-district-local-authority.csv', 'district', 'district')
    await upsertRows(db, 'postcode_councils', ['level', 'area'], [...sectorCouncils, ...districtCouncils])

    const authorities = readCsv(dir, 'gb-local-authority-names.csv').map((row) => ({
      la_code: row.la_code ?? '',
      la_name: row.la_name ?? '',
      official_name: row.official_name ?? '',
      boundary_line_name: row.boundary_line_name ?? '',
      la_type: row.la_type ?? '',
      nation: row.nation ?? '',
      postcodes: Math.trunc(number(row.postcodes)) || 0,
    }))
    await upsertRows(db, 'local_authorities', ['la_code'], authorities.filter((a) => a.la_code))

    return {
      counts: {
        'postcode districts': districts.length,
        'postcode sectors': sectors.length,
        'sector councils': sectorCouncils.length,
        'district councils': districtCouncils.length,
        councils: authorities.length,
      },
      problems,
    }
  },
}

/** `sw1a1` or ` SW1A  1 ` -> `SW1A 1`; districts stay as `SW1A`. */
export function normaliseArea(value: string): string {
  const compact = value.toUpperCase().replace(/\s+/g, ' ').trim()
  return compact
}

/** The platform's own tables. Each service declares its tables beside its code. */
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export interface SessionsTable {
  id: string
  data: ColumnType<Record<string, unknown>, string, string>
  created_at: Timestamp
  updated_at: Timestamp
  expires_at: Timestamp
}

export interface ReferenceDataImportsTable {
  kind: string
  source: string
  imported_at: Timestamp
  summary: ColumnType<Record<string, unknown>, string, string>
}

export interface PostcodeDistrictsTable {
  outcode: string
  lat: number
  lon: number
  postcode_units: number
}

export interface PostcodeSectorsTable {
  /** As `SW1A 1`. */
  sector: string
  lat: number
  lon: number
  postcode_units: number
}

export interface PostcodeCouncilsTable {
  /** A sector (`SW1A 1`) or a district (`SW1A`). */
  area: string
  level: 'sector' | 'district'
  la_code: string
  la_name: string
  share: number
}

export interface LocalAuthoritiesTable {
  la_code: string
  la_name: string
  official_name: string
  boundary_line_name: string
  la_type: string
  nation: string
  postcodes: number
}

export interface SchemaMigrationsTable {
  name: string
  run_at: Generated<Date>
}

export interface PlatformTables {
  sessions: SessionsTable
  reference_data_imports: ReferenceDataImportsTable
  postcode_districts: PostcodeDistrictsTable
  postcode_sectors: PostcodeSectorsTable
  postcode_councils: PostcodeCouncilsTable
  local_authorities: LocalAuthoritiesTable
}

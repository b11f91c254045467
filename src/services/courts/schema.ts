/** The court finder's tables. JSON columns hold the lists a court page shows as they are. */
import type { ColumnType, Generated } from 'kysely'

type Json<T> = ColumnType<T, string, string>
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export interface CourtAddress {
  type: string
  lines: string[]
  town: string
  county: string
  postcode: string
  linesCy: string[]
  townCy: string
}
export interface CourtOpeningTime {
  type: string
  typeCy?: string
  hours: string
}
export interface CourtContact {
  type: string
  number: string
  explanation: string
  fax: boolean
}
export interface CourtEmail {
  type: string
  address: string
  explanation: string
}
export interface CourtDx {
  code: string
  explanation: string
}
export interface CourtFacility {
  name: string
  /** Sanitised against the allow-list before it is stored. */
  description: string
}
export interface CourtParking {
  onsite: string
  offsite: string
  blueBadge: string
}
export interface CourtLink {
  url: string
  description: string
}
export interface CourtCodes {
  crown: number | null
  county: number | null
  magistrates: number | null
  family: number | null
  tribunal: number | null
  gbs: string | null
}

export interface CourtsTable {
  slug: string
  fact_id: number | null
  name: string
  name_cy: string
  /** False for a closed court: it keeps its page, which says so. */
  displayed: boolean
  lat: number | null
  lon: number | null
  region: string
  country: string
  in_person: boolean
  access_scheme: boolean | null
  service_centre: boolean
  service_centre_intro: string
  welsh_enabled: boolean
  court_types: Json<string[]>
  codes: Json<CourtCodes>
  areas_of_law: Json<string[]>
  areas_of_law_spoe: Json<string[]>
  addresses: Json<CourtAddress[]>
  opening_times: Json<CourtOpeningTime[]>
  contacts: Json<CourtContact[]>
  emails: Json<CourtEmail[]>
  dx_codes: Json<CourtDx[]>
  facilities: Json<CourtFacility[]>
  parking: Json<CourtParking | null>
  additional_links: Json<CourtLink[]>
  local_authorities_by_area_of_law: Json<Record<string, string[]>>
  postcode_prefixes_served: Json<string[]>
  alert: string
  /** Sanitised HTML. */
  info: string
  directions: string
  image_file: string
  /** Fields staff have changed since import; a re-import keeps them. */
  staff_edited_fields: Json<string[]>
  /** Faults found in this court's row at import. */
  import_problems: Json<string[]>
  /** Optimistic concurrency: each staff save must name the version it read. */
  version: Generated<number>
  source_updated_at: string | null
  imported_at: Timestamp
  updated_at: Timestamp
}

export interface CourtAreasOfLawTable {
  name: string
  fact_id: number | null
  display_name: string
  alt_name: string
  external_link: string
  external_link_desc: string
  display_external_link: string
}

export interface CourtServiceAreasTable {
  slug: string
  name: string
  description: string
  type: string
  catchment_method: string | null
  area_of_law: string
  online_url: string
  online_text: string
  text: string
  sort_order: number
  services: Json<string[]>
  service_area_courts: Json<{ court_slug: string; catchment_type: string }[]>
}

export interface CourtServicesTable {
  slug: string
  name: string
  description: string
  sort_order: number
}

export interface CourtLookupsTable {
  kind: string
  position: number
  value: Json<unknown>
}

export interface CourtPostcodesTable {
  /** Upper case with no spaces: `LS1`, `LS13`, `LS13BG`, `LS`. */
  prefix: string
  court_slug: string
  /** The value as the data held it, when it had to be cleaned. */
  raw: string
}

export interface CourtCouncilCourtsTable {
  council: string
  area_of_law: string
  court_slug: string
  displayed: boolean
}

export interface CourtCouncilMatchesTable {
  /** A council name as FaCT spells it. */
  council: string
  /** GSS codes of the councils it covers (a county covers its districts); empty when unmatched. */
  la_codes: Json<string[]>
  method: string
}

export interface CourtTables {
  courts: CourtsTable
  court_areas_of_law: CourtAreasOfLawTable
  court_service_areas: CourtServiceAreasTable
  court_services: CourtServicesTable
  court_lookups: CourtLookupsTable
  court_postcodes: CourtPostcodesTable
  court_council_courts: CourtCouncilCourtsTable
  court_council_matches: CourtCouncilMatchesTable
}

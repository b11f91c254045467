/** The sections staff edit, each with its form fields, its current values and its check. */
import type { Court } from './search.js'
import {
  additionalLinksSection,
  addressesSection,
  areasOfLawSection,
  codesSection,
  contactsSection,
  emailsSection,
  facilitiesSection,
  generalSection,
  openingTimesSection,
  type FormValues,
  type SectionResult,
} from './editing.js'

export const SECTION_IDS = ['general', 'addresses', 'opening-times', 'contacts', 'emails', 'facilities', 'areas-of-law', 'codes', 'links'] as const
export type SectionId = (typeof SECTION_IDS)[number]

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value)
}

export type FieldKind = 'text' | 'textarea' | 'yes-no' | 'checkbox'

export interface SectionField {
  name: string
  kind: FieldKind
}

export interface SectionForm {
  /** Single fields (general details, codes). */
  fields: SectionField[]
  /** Fields repeated per entry, named `${name}-${i}`. */
  rowFields: SectionField[]
  /** Entries shown: the current ones plus blanks to add more. */
  rows: number
  values: FormValues
}

const BLANK_ROWS = 3

function rowValues<T>(items: readonly T[], map: (item: T) => Record<string, string>): FormValues {
  const values: FormValues = {}
  items.forEach((item, i) => {
    for (const [k, v] of Object.entries(map(item))) values[`${k}-${i}`] = v
  })
  return values
}

/** The form for a section, filled with the court's current values. */
export function sectionForm(id: SectionId, court: Court): SectionForm {
  const text = (name: string): SectionField => ({ name, kind: 'text' })
  switch (id) {
    case 'general':
      return {
        fields: [text('name'), text('name_cy'), { name: 'alert', kind: 'textarea' }, { name: 'directions', kind: 'textarea' }, { name: 'in_person', kind: 'yes-no' }],
        rowFields: [],
        rows: 0,
        values: { name: court.name, name_cy: court.name_cy, alert: court.alert, directions: court.directions, in_person: court.in_person ? 'yes' : 'no' },
      }
    case 'addresses':
      return {
        fields: [],
        rowFields: [text('type'), { name: 'lines', kind: 'textarea' }, text('town'), text('address_county'), text('postcode'), { name: 'lines_cy', kind: 'textarea' }, text('town_cy')],
        rows: court.addresses.length + 1,
        values: rowValues(court.addresses, (a) => ({ type: a.type, lines: a.lines.join('\n'), town: a.town, address_county: a.county, postcode: a.postcode, lines_cy: a.linesCy.join('\n'), town_cy: a.townCy })),
      }
    case 'opening-times':
      return { fields: [], rowFields: [text('type'), text('hours')], rows: court.opening_times.length + BLANK_ROWS, values: rowValues(court.opening_times, (o) => ({ type: o.type, hours: o.hours })) }
    case 'contacts':
      return {
        fields: [],
        rowFields: [text('type'), text('number'), text('explanation'), { name: 'fax', kind: 'checkbox' }],
        rows: court.contacts.length + BLANK_ROWS,
        values: rowValues(court.contacts, (c) => ({ type: c.type, number: c.number, explanation: c.explanation, fax: c.fax ? 'yes' : '' })),
      }
    case 'emails':
      return {
        fields: [],
        rowFields: [text('type'), text('address'), text('explanation')],
        rows: court.emails.length + BLANK_ROWS,
        values: rowValues(court.emails, (e) => ({ type: e.type, address: e.address, explanation: e.explanation })),
      }
    case 'facilities':
      return {
        fields: [],
        rowFields: [text('name'), { name: 'description', kind: 'textarea' }],
        rows: court.facilities.length + BLANK_ROWS,
        values: rowValues(court.facilities, (f) => ({ name: f.name, description: f.description })),
      }
    case 'areas-of-law':
      return { fields: [{ name: 'areas_of_law', kind: 'checkbox' }], rowFields: [], rows: 0, values: { areas_of_law: court.areas_of_law } }
    case 'codes': {
      const c = court.codes
      const code = (v: number | string | null) => (v === null || v === undefined ? '' : String(v))
      return {
        fields: ['crown', 'county', 'magistrates', 'family', 'tribunal', 'gbs'].map(text),
        rowFields: [text('dx'), text('dx_explanation')],
        rows: court.dx_codes.length + BLANK_ROWS,
        values: {
          crown: code(c.crown), county: code(c.county), magistrates: code(c.magistrates), family: code(c.family), tribunal: code(c.tribunal), gbs: code(c.gbs),
          ...rowValues(court.dx_codes, (d) => ({ dx: d.code, dx_explanation: d.explanation })),
        },
      }
    }
    case 'links':
      return {
        fields: [],
        rowFields: [text('url'), text('description')],
        rows: court.additional_links.length + BLANK_ROWS,
        values: rowValues(court.additional_links, (l) => ({ url: l.url, description: l.description })),
      }
  }
}

/** Checks a submitted section; `areasOfLaw` lists the known areas of law. */
export function checkSection(id: SectionId, form: FormValues, areasOfLaw: readonly string[]): SectionResult {
  switch (id) {
    case 'general':
      return generalSection(form)
    case 'addresses':
      return addressesSection(form)
    case 'opening-times':
      return openingTimesSection(form)
    case 'contacts':
      return contactsSection(form)
    case 'emails':
      return emailsSection(form)
    case 'facilities':
      return facilitiesSection(form)
    case 'areas-of-law':
      return areasOfLawSection(form, areasOfLaw)
    case 'codes':
      return codesSection(form)
    case 'links':
      return additionalLinksSection(form)
  }
}

/** How many entries a submitted form had, so a form shown again with errors keeps them all. */
export function submittedRows(form: FormValues, rowFields: readonly SectionField[]): number {
  let max = -1
  for (const key of Object.keys(form)) {
    const m = /^([a-z_]+)-(\d{1,2})$/.exec(key)
    if (m && rowFields.some((f) => f.name === m[1])) max = Math.max(max, Number(m[2]))
  }
  return max + 1
}

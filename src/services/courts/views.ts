/** View models from the index, in the visitor's language: Welsh where the data has it. */
import type { Language } from '../../platform/i18n/index.js'
import { courtText } from './locales/index.js'
import type { CourtListItem } from './pages/layout.js'
import type { CourtView } from './pages/court.js'
import type { Court, CourtIndex, CourtWithDistance, NameMatch } from './search.js'

export function courtName(court: Court, lang: Language): string {
  return (lang === 'cy' && court.name_cy) || court.name
}

function mainAddress(court: Court, lang: Language): string {
  const a = court.addresses.find((x) => /visit/i.test(x.type)) ?? court.addresses[0]
  if (!a) return ''
  const lines = lang === 'cy' && a.linesCy.length > 0 ? a.linesCy : a.lines
  const town = (lang === 'cy' && a.townCy) || a.town
  return [...lines, town, a.postcode].filter(Boolean).join(', ')
}

export function listItem(court: Court, lang: Language, distanceMiles?: number | null, index?: CourtIndex): CourtListItem {
  return {
    slug: court.slug,
    name: courtName(court, lang),
    address: mainAddress(court, lang),
    distanceMiles,
    inPerson: court.in_person,
    areasOfLaw: index ? court.areas_of_law.map((a) => areaOfLawName(index, a, lang)) : undefined,
  }
}

export function listItems(found: readonly CourtWithDistance[], lang: Language, index?: CourtIndex): CourtListItem[] {
  return found.map((f) => listItem(f.court, lang, f.distanceMiles, index))
}

/**
 * The list items for a name search's matches. The index keeps a repeated
 * search's matches (searchByName), so keeping the items per matches and
 * language lets the results list be rendered once too (courtList).
 */
const keptItems = new WeakMap<readonly NameMatch[], Partial<Record<Language, readonly CourtListItem[]>>>()

export function nameMatchItems(matches: readonly NameMatch[], lang: Language, index: CourtIndex): readonly CourtListItem[] {
  let byLang = keptItems.get(matches)
  if (!byLang) keptItems.set(matches, (byLang = {}))
  return (byLang[lang] ??= matches.map((m) => listItem(m.court, lang, undefined, index)))
}

/** An opening-time, phone or email type in the visitor's language: the data has them in English only. */
function typeName(kind: 'openingTypes' | 'contactTypes', type: string, lang: Language): string {
  return courtText(lang).names[kind][type] ?? type
}

/** An area of law as people know it: in Welsh when we have it, else the data's display name. */
export function areaOfLawName(index: CourtIndex, name: string, lang: Language): string {
  return courtText(lang).names.areasOfLaw[name] ?? index.areasOfLaw.find((a) => a.name === name)?.displayName ?? name
}

export function courtView(court: Court, lang: Language, index: CourtIndex): CourtView {
  const t = courtText(lang).court
  const codes = court.codes
  return {
    slug: court.slug,
    name: courtName(court, lang),
    inPerson: court.in_person,
    serviceCentre: court.service_centre,
    serviceCentreIntro: court.service_centre_intro,
    accessScheme: court.access_scheme === true,
    alert: court.alert,
    infoHtml: court.info,
    addresses: court.addresses.map((a) => ({
      type: a.type,
      lines: lang === 'cy' && a.linesCy.length > 0 ? a.linesCy : a.lines,
      town: (lang === 'cy' && a.townCy) || a.town,
      county: a.county,
      postcode: a.postcode,
    })),
    // A plain link by coordinates: no map script from a third party on our pages.
    mapUrl:
      court.lat !== null && court.lon !== null && court.in_person
        ? `https://www.openstreetmap.org/?mlat=${court.lat.toFixed(5)}&mlon=${court.lon.toFixed(5)}#map=17/${court.lat.toFixed(5)}/${court.lon.toFixed(5)}`
        : undefined,
    openingTimes: court.opening_times.map((o) => ({ ...o, type: typeName('openingTypes', o.type, lang) })),
    phones: court.contacts.map((p) => ({ ...p, type: typeName('contactTypes', p.type, lang) })),
    emails: court.emails.map((e) => ({ ...e, type: typeName('contactTypes', e.type, lang) })),
    dx: court.dx_codes,
    facilities: court.facilities.map((f) => ({ name: f.name, descriptionHtml: f.description })),
    parking: court.parking,
    areasOfLaw: court.areas_of_law.map((name) => {
      const area = index.areasOfLaw.find((a) => a.name === name)
      return { name: areaOfLawName(index, name, lang), href: area?.displayExternalLink || area?.externalLink || undefined }
    }),
    courtTypes: court.court_types,
    codes: (['crown', 'county', 'magistrates', 'family', 'tribunal', 'gbs'] as const)
      .filter((k) => codes[k] !== null && codes[k] !== undefined && codes[k] !== '')
      .map((k) => ({ label: t.codeNames[k], value: String(codes[k]) })),
    links: court.additional_links,
    directions: court.directions,
  }
}

import type { Language } from '../../i18n/index.js'
import { cy } from './cy.js'
import { en, type StaffMessages } from './en.js'

const catalogues: Record<Language, StaffMessages> = { en, cy: cy as StaffMessages }

export function staffText(lang: Language): StaffMessages {
  return catalogues[lang]
}

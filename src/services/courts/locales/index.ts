import type { Language } from '../../../platform/i18n/index.js'
import { cy } from './cy.js'
import { en, type CourtMessages } from './en.js'

const catalogues: Record<Language, CourtMessages> = { en, cy: cy as CourtMessages }

export function courtText(lang: Language): CourtMessages {
  return catalogues[lang]
}

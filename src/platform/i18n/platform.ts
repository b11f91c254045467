import type { Language } from './index.js'
import { cy } from './locales/cy.js'
import { en, type PlatformMessages } from './locales/en.js'

const catalogues: Record<Language, PlatformMessages> = { en, cy: cy as PlatformMessages }

/** The platform's own text in the given language. */
export function platformText(lang: Language): PlatformMessages {
  return catalogues[lang]
}

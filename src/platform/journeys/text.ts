import type { Language } from '../i18n/index.js'
import { cy } from './locales/cy.js'
import { en } from './locales/en.js'

export type JourneyText = typeof en

/** The engine's own text in a language. */
export function journeyText(lang: Language): JourneyText {
  return (lang === 'cy' ? cy : en) as JourneyText
}

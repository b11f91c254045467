import type { Language } from '../../../platform/i18n/index.js'
import { cy } from './cy.js'
import { en } from './en.js'

export function visitText(lang: Language): typeof en {
  return (lang === 'cy' ? cy : en) as typeof en
}

import type { Language } from '../../../platform/i18n/index.js'
import { cy } from './cy.js'
import { en } from './en.js'
import { staffCy } from './staff-cy.js'
import { staffEn, type PrisonVisitsStaffMessages } from './staff-en.js'

export function visitText(lang: Language): typeof en {
  return (lang === 'cy' ? cy : en) as typeof en
}

/** The prison's side, /staff/prison-visits. */
export function visitStaffText(lang: Language): PrisonVisitsStaffMessages {
  return (lang === 'cy' ? staffCy : staffEn) as PrisonVisitsStaffMessages
}

/**
 * The view models for the conventional server: what an Express route would
 * pass to `res.render` for each page. The text comes from the platform's own
 * catalogues, so column c renders the same words as the real app.
 *
 * To give a new page in bench/pages.ts a column c, add a .njk file in views/
 * and an entry here, and name it in the page's `conventional`.
 */
import type { Language } from '../../src/platform/i18n/index.js'
import { platformText } from '../../src/platform/i18n/platform.js'
import { services } from '../../src/services/index.js'

export interface ViewRequest {
  lang: Language
  production: boolean
}

export interface ConventionalView {
  template: string
  /** The page title, before " – service name – GOV.UK". */
  title(request: ViewRequest): string
  context?(request: ViewRequest): Record<string, unknown>
}

export const views: Record<string, ConventionalView> = {
  home: {
    template: 'home.njk',
    title: ({ lang }) => platformText(lang).home.title,
    context: ({ lang }) => ({
      services: services
        .filter((s) => s.listed !== false)
        .map((s) => ({ name: s.name[lang], description: s.description[lang], url: s.path })),
    }),
  },
  cookies: {
    template: 'cookies.njk',
    title: ({ lang }) => platformText(lang).cookies.title,
    context: ({ lang, production }) => {
      const t = platformText(lang).cookies
      return {
        cookies: [
          { name: production ? '__Host-jd_session' : 'jd_session', purpose: t.sessionPurpose, expires: t.sessionExpires },
          { name: 'jd_draft', purpose: t.draftPurpose, expires: t.sessionExpires },
          { name: 'jd_lang', purpose: t.langPurpose, expires: t.langExpires },
        ],
      }
    },
  },
}

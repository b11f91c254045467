/** The foundation's own pages: home, cookies, accessibility, privacy, contact. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { JusticeService } from '../service.js'
import { pageContext } from '../http/pages.js'
import { platformText } from '../i18n/platform.js'
import { LANGUAGES, type Language } from '../i18n/index.js'
import { encodedPage, govukPage, type PageOptions } from '../ui/layouts/page.js'
import { SESSION_COOKIE } from '../http/session.js'
import { LANGUAGE_COOKIE } from '../http/language.js'
import { DRAFT_COOKIE } from '../journeys/kept.js'
import { remember } from '../remember.js'
import { homePage } from './pages/home.js'
import { accessibilityPage, contactPage, cookiesPage, privacyPage } from './pages/information.js'

export function registerSite(app: FastifyInstance, options: { services: readonly JusticeService[]; supportEmail: string; production: boolean }): void {
  // Each page here is the same for everyone in a language: rendered and encoded once, then sent by copying bytes.
  // Each route keeps its own, by language: a key joined on every request would be a new string to hash each time.
  const page = (make: (lang: Language) => PageOptions) => {
    const kept = new Map<Language, PageOptions>()
    // Returns nothing: a reply returned is thenable, and Fastify would wait on it.
    return (request: FastifyRequest, reply: FastifyReply): void => {
      reply.page(govukPage(pageContext(request), remember(kept, request.lang, LANGUAGES.length, () => encodedPage(make(request.lang)))))
    }
  }
  app.get(
    '/',
    page((lang) =>
      homePage(lang, {
        services: options.services
          .filter((s) => s.listed !== false)
          .map((s) => ({ name: s.name[lang], description: s.description[lang], url: s.path })),
      }),
    ),
  )
  app.get(
    '/cookies',
    page((lang) => {
      const t = platformText(lang).cookies
      return cookiesPage(lang, [
        { name: options.production ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE, purpose: t.sessionPurpose, expires: t.sessionExpires },
        { name: DRAFT_COOKIE, purpose: t.draftPurpose, expires: t.sessionExpires },
        { name: LANGUAGE_COOKIE, purpose: t.langPurpose, expires: t.langExpires },
      ])
    }),
  )
  app.get('/accessibility', page(accessibilityPage))
  app.get('/privacy', page(privacyPage))
  app.get('/contact', page((lang) => contactPage(lang, options.supportEmail)))
}

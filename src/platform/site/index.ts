/** The foundation's own pages: home, cookies, accessibility, privacy, contact. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { JusticeService } from '../service.js'
import { pageContext } from '../http/pages.js'
import { platformText } from '../i18n/platform.js'
import type { Language } from '../i18n/index.js'
import { encodedPage, govukPage, type PageOptions } from '../ui/layouts/page.js'
import { SESSION_COOKIE } from '../http/session.js'
import { LANGUAGE_COOKIE } from '../http/language.js'
import { DRAFT_COOKIE } from '../journeys/kept.js'
import { remember } from '../remember.js'
import { homePage } from './pages/home.js'
import { accessibilityPage, contactPage, cookiesPage, privacyPage } from './pages/information.js'

export function registerSite(app: FastifyInstance, options: { services: readonly JusticeService[]; supportEmail: string; production: boolean }): void {
  // Each page here is the same for everyone in a language: rendered and encoded once, then sent by copying bytes.
  // Kept by page, then language: a key joined on every request would be a new string to hash each time.
  const kept = new Map<string, Map<Language, PageOptions>>()
  const send = (request: FastifyRequest, reply: FastifyReply, name: string, make: (lang: Language) => PageOptions) => {
    const lang = request.lang
    const byLang = remember(kept, name, 20, () => new Map<Language, PageOptions>())
    return reply.page(govukPage(pageContext(request), remember(byLang, lang, 2, () => encodedPage(make(lang)))))
  }
  app.get('/', (request, reply) =>
    send(request, reply, 'home', (lang) =>
      homePage(lang, {
        services: options.services
          .filter((s) => s.listed !== false)
          .map((s) => ({ name: s.name[lang], description: s.description[lang], url: s.path })),
      }),
    ),
  )
  app.get('/cookies', (request, reply) =>
    send(request, reply, 'cookies', (lang) => {
      const t = platformText(lang).cookies
      return cookiesPage(lang, [
        { name: options.production ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE, purpose: t.sessionPurpose, expires: t.sessionExpires },
        { name: DRAFT_COOKIE, purpose: t.draftPurpose, expires: t.sessionExpires },
        { name: LANGUAGE_COOKIE, purpose: t.langPurpose, expires: t.langExpires },
      ])
    }),
  )
  app.get('/accessibility', (request, reply) => send(request, reply, 'accessibility', accessibilityPage))
  app.get('/privacy', (request, reply) => send(request, reply, 'privacy', privacyPage))
  app.get('/contact', (request, reply) => send(request, reply, 'contact', (lang) => contactPage(lang, options.supportEmail)))
}

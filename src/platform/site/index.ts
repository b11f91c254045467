/** The foundation's own pages: home, cookies, accessibility, privacy, contact. */
import type { FastifyInstance } from 'fastify'
import type { JusticeService } from '../service.js'
import { pageContext } from '../http/pages.js'
import { platformText } from '../i18n/platform.js'
import { SESSION_COOKIE } from '../http/session.js'
import { LANGUAGE_COOKIE } from '../http/language.js'
import { DRAFT_COOKIE } from '../journeys/kept.js'
import { homePage } from './pages/home.js'
import { accessibilityPage, contactPage, cookiesPage, privacyPage } from './pages/information.js'

export function registerSite(app: FastifyInstance, options: { services: readonly JusticeService[]; supportEmail: string; production: boolean }): void {
  app.get('/', (request, reply) => {
    const lang = request.lang
    return reply.page(
      homePage(pageContext(request), {
        services: options.services
          .filter((s) => s.listed !== false)
          .map((s) => ({ name: s.name[lang], description: s.description[lang], url: s.path })),
      }),
    )
  })
  app.get('/cookies', (request, reply) => {
    const t = platformText(request.lang).cookies
    return reply.page(
      cookiesPage(pageContext(request), [
        { name: options.production ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE, purpose: t.sessionPurpose, expires: t.sessionExpires },
        { name: DRAFT_COOKIE, purpose: t.draftPurpose, expires: t.sessionExpires },
        { name: LANGUAGE_COOKIE, purpose: t.langPurpose, expires: t.langExpires },
      ]),
    )
  })
  app.get('/accessibility', (request, reply) => reply.page(accessibilityPage(pageContext(request))))
  app.get('/privacy', (request, reply) => reply.page(privacyPage(pageContext(request))))
  app.get('/contact', (request, reply) => reply.page(contactPage(pageContext(request), options.supportEmail)))
}

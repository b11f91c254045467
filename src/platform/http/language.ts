/**
 * The page language: `?lang=cy` or `?lang=en` switches and is remembered in a
 * cookie; otherwise the cookie; otherwise English. An unknown code is a 400.
 */
import type { FastifyInstance } from 'fastify'
import { isLanguage, type Language } from '../i18n/index.js'
import { HttpError } from './errors.js'

declare module 'fastify' {
  interface FastifyRequest {
    lang: Language
  }
}

export const LANGUAGE_COOKIE = 'jd_lang'
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60

export function registerLanguage(app: FastifyInstance, options: { production: boolean }): void {
  app.decorateRequest('lang', 'en')
  app.addHook('onRequest', (request, reply, done) => {
    const remembered = request.cookies[LANGUAGE_COOKIE]
    if (isLanguage(remembered)) request.lang = remembered
    const asked = (request.query as Record<string, unknown> | undefined)?.lang
    if (asked !== undefined) {
      if (!isLanguage(asked)) {
        done(new HttpError(400, 'unsupportedLanguage'))
        return
      }
      request.lang = asked
      if (asked !== remembered) {
        reply.setCookie(LANGUAGE_COOKIE, asked, {
          path: '/',
          maxAge: ONE_YEAR_SECONDS,
          httpOnly: true,
          sameSite: 'lax',
          secure: options.production,
        })
      }
    }
    done()
  })
}

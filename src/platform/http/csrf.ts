/**
 * CSRF protection on every state-changing request. The token is tied to the
 * session (see session.ts) and travels in the form field `_csrf` or the
 * `x-csrf-token` header. Routes authenticated some other way (a bearer token
 * for delivery callbacks) opt out with `config: { csrf: false }`.
 */
import type { FastifyInstance, preValidationHookHandler } from 'fastify'
import { csrfTokenMatches } from './session.js'
import { sendError } from './errors.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** False for routes that authenticate the caller without a browser session. */
    csrf?: boolean
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const CSRF_FIELD = '_csrf'

export function registerCsrf(app: FastifyInstance, options: { enabled: boolean }): void {
  if (!options.enabled) return
  const check: preValidationHookHandler = (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) {
      done()
      return
    }
    const body = request.body as Record<string, unknown> | undefined
    const token = (body && typeof body === 'object' ? body[CSRF_FIELD] : undefined) ?? request.headers['x-csrf-token']
    if (csrfTokenMatches(request, token)) {
      done()
      return
    }
    request.log.warn({ route: request.routeOptions.url }, 'CSRF token missing or wrong')
    sendError(request, reply, 403, 'csrf')
  }
  // On each route that can change something, rather than on every request, so
  // a page view runs no check at all. preValidation: the body has been read,
  // and it runs before every preHandler, including a service's own (which
  // must never act on a forged request, not even to count it). Every route
  // is declared after this, so none is missed; one that opts out says so.
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat()
    if (methods.every((m) => SAFE_METHODS.has(m)) || route.config?.csrf === false) return
    route.preValidation = [check, ...[route.preValidation ?? []].flat()]
  })
}

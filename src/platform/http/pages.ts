/** Sending pages: the page context for the request, and `reply.page(html)`. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { SafeHtml } from '../ui/html.js'
import type { PageContext } from '../ui/layouts/page.js'

declare module 'fastify' {
  interface FastifyInstance {
    assetPath: string
  }
  interface FastifyReply {
    /** Sends a rendered page as HTML. */
    page(body: SafeHtml, status?: number): FastifyReply
  }
}

export function registerPages(app: FastifyInstance, assetPath: string): void {
  app.decorate('assetPath', assetPath)
  app.decorateReply('page', function page(this: FastifyReply, body: SafeHtml, status = 200) {
    return this.code(status).type('text/html; charset=utf-8').send(pageBytes(body))
  })
}

/**
 * A page as UTF-8 bytes. A rendered page is a string of a few hundred
 * concatenated pieces; sent as a string, it is flattened and measured for
 * content-length, then joined to the headers and flattened and encoded again
 * on the socket. Encoding it once here is the same bytes for less CPU
 * (see bench/README.md).
 */
export function pageBytes(body: SafeHtml): Buffer {
  return Buffer.from(body.value, 'utf8')
}

/** The request's part of every page: language, nonce, assets, its own URL. */
export function pageContext(request: FastifyRequest, extra: Partial<PageContext> = {}): PageContext {
  return {
    lang: request.lang ?? 'en',
    nonce: request.nonce ?? '',
    assetPath: request.server.assetPath,
    url: request.url,
    ...extra,
  }
}

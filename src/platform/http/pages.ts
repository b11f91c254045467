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
 * concatenated pieces, and turning it into bytes costs more than rendering
 * it. Sent as a string (or through Buffer.from), V8 walks it twice: once to
 * measure its UTF-8 length, once to encode it. Encoding straight into a
 * buffer big enough for any string (a UTF-16 code unit never needs more than
 * 3 bytes) walks it once; the same bytes, about 5% less CPU per page
 * (bench/README.md).
 */
export function pageBytes(body: SafeHtml): Buffer {
  const text = body.value
  const bytes = Buffer.allocUnsafeSlow(text.length * 3)
  return bytes.subarray(0, bytes.write(text, 'utf8'))
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

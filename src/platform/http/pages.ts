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
  app.decorateReply('page', function page(this: FastifyReply, body: SafeHtml, status?: number) {
    // A status set earlier with reply.code() stands unless one is given here.
    if (status !== undefined) this.code(status)
    return this.type('text/html; charset=utf-8').send(pageBytes(body))
  })
}

/**
 * A page as UTF-8 bytes. Sending bytes rather than the string lets Node
 * write the body without converting it again; `Buffer.from` sizes the buffer
 * exactly, which keeps memory flat under load (an over-sized buffer per
 * response showed up as garbage-collection time and peak RSS in the bench).
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

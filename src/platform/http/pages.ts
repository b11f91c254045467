/** Sending pages: the page context for the request, and `reply.page(html)`. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { SafeHtml } from '../ui/html.js'
import { PageHtml, type PageContext } from '../ui/layouts/page.js'

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
 * Pages are encoded into shared slabs, each page taking the next free bytes.
 * A fresh buffer per response cost more than rendering the page: each is a
 * separate allocation outside V8's heap that the garbage collector must track
 * and free (about 15 µs a page in the bench). A region is never written
 * twice, so a response the socket has not yet sent keeps its bytes: the slab
 * lives until the last page in it has gone. Slabs are small enough that a
 * slow client holding one pins little memory.
 */
const SLAB_BYTES = 256 * 1024
let slab = Buffer.allocUnsafe(SLAB_BYTES)
let used = 0

/** A page as UTF-8 bytes. */
export function pageBytes(body: SafeHtml): Buffer {
  return body instanceof PageHtml ? shellPageBytes(body) : utf8Bytes(body.value)
}

/** The kept shell's bytes copied, and only this request's values encoded. */
function shellPageBytes(page: PageHtml): Buffer {
  const { bytes } = page.shell
  const { fills } = page
  let most = 0
  for (const part of bytes) most += part.length
  for (const fill of fills) most += typeof fill === 'string' ? fill.length * 3 : fill.bytes.length
  if (most > SLAB_BYTES) return Buffer.from(page.value, 'utf8')
  reserve(most)
  const start = used
  for (let i = 0; i < bytes.length; i++) {
    used += (bytes[i] as Buffer).copy(slab, used)
    const fill = fills[i]
    if (typeof fill === 'string') used += slab.write(fill, used, 'utf8')
    else if (fill) used += fill.bytes.copy(slab, used)
  }
  return slab.subarray(start, used)
}

function reserve(bytes: number): void {
  if (used + bytes > SLAB_BYTES) {
    slab = Buffer.allocUnsafe(SLAB_BYTES)
    used = 0
  }
}

function utf8Bytes(text: string): Buffer {
  // A UTF-8 page is at most three bytes per UTF-16 unit; one that may not fit a slab gets its own buffer.
  const most = text.length * 3
  if (most > SLAB_BYTES) return Buffer.from(text, 'utf8')
  reserve(most)
  const start = used
  used += slab.write(text, start, 'utf8')
  return slab.subarray(start, used)
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

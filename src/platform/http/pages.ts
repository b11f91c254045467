/** Sending pages: the page context for the request, and `reply.page(html)`. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { PiecedHtml, type SafeHtml } from '../ui/html.js'
import { KeptPageHtml, PageHtml, type HoledPage, type PageContext, type ShellFill } from '../ui/layouts/page.js'

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
    this.type('text/html; charset=utf-8')
    const own = body instanceof KeptPageHtml ? ownBuffer(body) : undefined
    if (!own) return this.send(pageBytes(body))
    try {
      this.send(own.bytes.subarray(0, own.size))
    } catch (error) {
      giveBack(own)
      throw error
    }
    // Sent at once and whole (the usual case): the socket has taken the bytes, and the buffer is free again.
    const response = this.raw
    if (response.headersSent && response.writableLength === 0) {
      giveBack(own)
      return this
    }
    // Otherwise when the response closes; or when its connection does, for a response queued behind
    // another on the connection, which never closes if the connection goes before it is sent.
    const socket = this.request.raw.socket
    const release = () => {
      response.removeListener('close', release)
      socket.removeListener('close', release)
      giveBack(own)
    }
    response.once('close', release)
    socket.once('close', release)
    return this
  })
}

/**
 * A kept page's own buffers. Copied into the shared slabs, a 30 KB court
 * page took a new 128 KB slab every four requests; slabs still being sent
 * when the young generation was collected were moved to the old one, and
 * their memory outside the heap then set off a full collection about twice a
 * second (seen with --trace-gc-nvp: 300 bytes promoted a request, against 9
 * for the home page). So each kept page has up to four buffers of its own,
 * each used by one response at a time: a buffer filled for one request is
 * reused by the next once the socket has taken its bytes, usually before
 * `send` returns, and only its holes are written again when the values are
 * as long as last time. When all four are out, the page goes to a slab.
 * Usually one is enough: a second is made only while the first is out.
 */
interface OwnBuffer {
  bytes: Buffer
  /** Where each hole starts, and its length, as last written. */
  at: number[]
  lengths: number[]
  /** The page's bytes, as last written; 0 until first filled. */
  size: number
  pool: OwnBuffers
}
interface OwnBuffers {
  free: OwnBuffer[]
  made: number
}
const OWN_BUFFERS = 4
/** Room for each hole's value in a kept page's own buffer: a nonce is 24 bytes, a CSRF token 43. */
const HOLE_ROOM = 128
const ownBuffers = new WeakMap<HoledPage, OwnBuffers>()

/** A free buffer of the page's own, filled with this request's page (its first `size` bytes); undefined when none can be had. */
function ownBuffer(page: KeptPageHtml): OwnBuffer | undefined {
  const { kept, values } = page
  let pool = ownBuffers.get(kept)
  if (!pool) ownBuffers.set(kept, (pool = { free: [], made: 0 }))
  let own = pool.free.pop()
  if (!own) {
    if (pool.made >= OWN_BUFFERS) return undefined
    pool.made++
    own = { bytes: Buffer.allocUnsafe(kept.byteLength + kept.holes.length * HOLE_ROOM), at: [], lengths: [], size: 0, pool }
  }
  if (!fillHoles(own, kept, values) && !fillAll(own, kept, values)) {
    giveBack(own)
    return undefined
  }
  return own
}

function giveBack(own: OwnBuffer): void {
  own.pool.free.push(own)
}

/** Writes the values over last time's, when each is ASCII and as long as last time's: the rest of the page is already there. */
function fillHoles(own: OwnBuffer, kept: HoledPage, values: readonly string[]): boolean {
  const { holes } = kept
  // Never filled (size 0), or filled for another shape of page.
  if (own.size === 0 || own.at.length !== holes.length) return false
  for (let i = 0; i < holes.length; i++) {
    const value = values[holes[i] as number] as string
    if (value.length !== own.lengths[i] || !isAscii(value)) return false
  }
  for (let i = 0; i < holes.length; i++) writeText(own.bytes, own.at[i] as number, values[holes[i] as number] as string)
  return true
}

/** Copies the whole page into the buffer; false when the values do not fit. */
function fillAll(own: OwnBuffer, kept: HoledPage, values: readonly string[]): boolean {
  let size = kept.byteLength
  for (const hole of kept.holes) size += Buffer.byteLength(values[hole] as string, 'utf8')
  if (size > own.bytes.length) return false
  own.at = []
  own.size = writeKept(own.bytes, 0, kept, values, own.at)
  // A length that no value will match when the value is not ASCII, so that it is always written whole.
  own.lengths = kept.holes.map((hole) => (isAscii(values[hole] as string) ? (values[hole] as string).length : -1))
  return true
}

/** Writes a kept page at `at` in `target`: its pieces, and the values between them; returns where it ends. `holeStarts` gets where each value went. */
function writeKept(target: Buffer, at: number, kept: HoledPage, values: readonly string[], holeStarts?: number[]): number {
  const { bytes, holes } = kept
  for (let i = 0; i < bytes.length; i++) {
    at += (bytes[i] as Buffer).copy(target, at)
    const hole = holes[i]
    if (hole === undefined) continue
    holeStarts?.push(at)
    at += writeText(target, at, values[hole] as string)
  }
  return at
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false
  return true
}

/**
 * Pages are encoded into shared slabs, each page taking the next free bytes.
 * A fresh buffer per response cost more than rendering the page: each is a
 * separate allocation outside V8's heap that the garbage collector must track
 * and free (about 15 µs a page in the bench). A region is never written
 * twice, so a response the socket has not yet sent keeps its bytes; but it
 * keeps its whole slab alive until it has gone, so a client that stops
 * reading a page bigger than its socket's buffer holds a slab outside the
 * JavaScript heap: at most a slab (128 KB) for each such client.
 */
const SLAB_BYTES = 128 * 1024
let slab = Buffer.allocUnsafe(SLAB_BYTES)
let used = 0

/** A page as UTF-8 bytes. */
export function pageBytes(body: SafeHtml): Buffer {
  if (body instanceof KeptPageHtml) return keptPageBytes(body)
  return body instanceof PageHtml ? shellPageBytes(body) : utf8Bytes(body.value)
}

/** A kept page: its pieces copied, and this request's values (the nonce, a CSRF token) between them. */
function keptPageBytes(page: KeptPageHtml): Buffer {
  const { holes } = page.kept
  const { values } = page
  let units = 0
  for (const hole of holes) units += (values[hole] as string).length
  const exact = () => holes.reduce((n, hole) => n + Buffer.byteLength(values[hole] as string, 'utf8'), 0)
  if (room(page.kept.byteLength, units, exact) === undefined) return Buffer.from(page.value, 'utf8')
  const start = used
  used = writeKept(slab, used, page.kept, values)
  return slab.subarray(start, used)
}

/**
 * Writes text as UTF-8 at `at`; returns its length in bytes. Short ASCII
 * text (a nonce, a token, a number) is copied a character at a time here: a
 * call into C++ to encode it cost about ten times as many instructions.
 */
function writeText(target: Buffer, at: number, text: string): number {
  const n = text.length
  if (n > 64) return target.write(text, at, 'utf8')
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    // Not ASCII: encode it all properly, over what was copied so far.
    if (c > 0x7f) return target.write(text, at, 'utf8')
    target[at + i] = c
  }
  return n
}

/** The kept shell's bytes copied, and only this request's values encoded (or copied, where they came encoded). */
function shellPageBytes(page: PageHtml): Buffer {
  const { bytes } = page.shell
  const { fills } = page
  let fixed = page.shell.byteLength
  let text = 0
  for (const fill of fills) {
    if (typeof fill === 'string') text += fill.length
    else if (fill instanceof PiecedHtml) {
      for (const piece of fill.pieces) {
        if (typeof piece === 'string') text += piece.length
        else fixed += piece.bytes.length
      }
    } else fixed += fill.bytes.length
  }
  const size = room(fixed, text, () => fills.reduce((n: number, fill) => n + textBytes(fill), 0))
  if (size === undefined) return Buffer.from(page.value, 'utf8')
  const start = used
  for (let i = 0; i < bytes.length; i++) {
    used += (bytes[i] as Buffer).copy(slab, used)
    const fill = fills[i]
    if (fill === undefined) continue
    if (typeof fill === 'string') used += writeText(slab, used, fill)
    else if (fill instanceof PiecedHtml) {
      for (const piece of fill.pieces) used += typeof piece === 'string' ? writeText(slab, used, piece) : piece.bytes.copy(slab, used)
    } else used += fill.bytes.copy(slab, used)
  }
  return slab.subarray(start, used)
}

/** The UTF-8 bytes of a fill's text (not of the parts that came encoded). */
function textBytes(fill: ShellFill): number {
  if (typeof fill === 'string') return Buffer.byteLength(fill, 'utf8')
  if (!(fill instanceof PiecedHtml)) return 0
  let n = 0
  for (const piece of fill.pieces) if (typeof piece === 'string') n += Buffer.byteLength(piece, 'utf8')
  return n
}

function utf8Bytes(text: string): Buffer {
  if (room(0, text.length, () => Buffer.byteLength(text, 'utf8')) === undefined) return Buffer.from(text, 'utf8')
  const start = used
  used += slab.write(text, start, 'utf8')
  return slab.subarray(start, used)
}

/**
 * Makes room for `fixed` bytes and `units` UTF-16 units of text, starting a
 * new slab if they may not fit in this one; undefined when the page is too big
 * for any slab. Text takes at most three bytes a unit. When that bound does
 * not fit in what is left of this slab but fits in a new one, a new one is
 * started: measuring the text exactly (`exactText`, a second pass over it)
 * cost the booking step about 4 µs a page on average, more than the slab's
 * unused end costs. Only a page near a slab's size is measured.
 */
function room(fixed: number, units: number, exactText: () => number): number | undefined {
  let size = fixed + units * 3
  if (used + size <= SLAB_BYTES) return size
  if (size <= SLAB_BYTES) {
    slab = Buffer.allocUnsafe(SLAB_BYTES)
    used = 0
    return size
  }
  size = fixed + exactText()
  if (size > SLAB_BYTES) return undefined
  if (used + size > SLAB_BYTES) {
    slab = Buffer.allocUnsafe(SLAB_BYTES)
    used = 0
  }
  return size
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

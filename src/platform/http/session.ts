/**
 * Sessions: the cookie holds only a random, signed identifier. Anything a
 * journey or a staff sign-in needs to remember is kept in the `sessions` table
 * under that id, so the cookie never carries personal data and any web process
 * can serve any request.
 *
 * The cookie is set lazily: a visitor who only reads pages gets none until a
 * page with a form needs a CSRF token.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { PlatformTables } from '../db/index.js'
import { remember } from '../remember.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified session id from the cookie, or set by `ensureSession`. */
    sessionId: string | undefined
  }
}

export interface SessionOptions {
  secret: string
  production: boolean
}

export const SESSION_COOKIE = 'jd_session'

/** Verified cookies (cleared whole when full, which is cheap and rare) and CSRF tokens remembered per process. */
const VERIFIED_CACHE_SIZE = 50_000

declare module 'fastify' {
  interface FastifyInstance {
    sessionKeys: SessionKeys
  }
}

/** Signs session ids and derives CSRF tokens with the session secret. */
export class SessionKeys {
  readonly cookieName: string
  readonly secure: boolean
  readonly #secret: string
  readonly #verified = new Map<string, string>()
  readonly #csrf = new Map<string, string>()

  constructor(options: SessionOptions) {
    this.#secret = options.secret
    this.secure = options.production
    // `__Host-` binds the cookie to this origin over HTTPS only.
    this.cookieName = options.production ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE
  }

  sign(value: string): string {
    return createHmac('sha256', this.#secret).update(value).digest('base64url')
  }

  verify(cookie: string): string | undefined {
    // A returning visitor sends the same cookie on every request; remember the
    // ones already verified rather than compute an HMAC each time.
    const known = this.#verified.get(cookie)
    if (known) return known
    const dot = cookie.lastIndexOf('.')
    if (dot <= 0) return undefined
    const id = cookie.slice(0, dot)
    if (!safeEqual(cookie.slice(dot + 1), this.sign(id))) return undefined
    if (this.#verified.size >= VERIFIED_CACHE_SIZE) this.#verified.clear()
    this.#verified.set(cookie, id)
    return id
  }

  csrfToken(sessionId: string): string {
    // Every page with a form needs it, and it never changes for a session: an HMAC per page was 2% of a page's CPU.
    return remember(this.#csrf, sessionId, VERIFIED_CACHE_SIZE, () => this.sign('csrf:' + sessionId))
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function registerSessions(app: FastifyInstance, options: SessionOptions): void {
  const keys = new SessionKeys(options)
  app.decorate('sessionKeys', keys)
  app.decorateRequest('sessionId', undefined)
  app.addHook('onRequest', (request, _reply, done) => {
    const raw = request.cookies[keys.cookieName]
    if (raw) request.sessionId = keys.verify(raw)
    done()
  })
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, id: string): void {
  const keys = request.server.sessionKeys
  reply.setCookie(keys.cookieName, `${id}.${keys.sign(id)}`, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: keys.secure,
  })
}

/** Returns this visitor's session id, starting a session if there is none. */
export function ensureSession(request: FastifyRequest, reply: FastifyReply): string {
  if (request.sessionId) return request.sessionId
  const id = randomBytes(24).toString('base64url')
  request.sessionId = id
  setSessionCookie(request, reply, id)
  return id
}

/**
 * Gives the visitor a new session id, keeping what the old one held. Called at
 * sign-in so that an id planted before sign-in (session fixation) is useless.
 */
export async function rotateSession(db: Kysely<PlatformTables>, request: FastifyRequest, reply: FastifyReply): Promise<string> {
  const old = request.sessionId
  const id = randomBytes(24).toString('base64url')
  if (old) await db.updateTable('sessions').set({ id }).where('id', '=', old).execute()
  request.sessionId = id
  setSessionCookie(request, reply, id)
  return id
}

/** The CSRF token for a session: an HMAC of its id, so nothing needs storing. */
export function csrfTokenMatches(request: FastifyRequest, token: unknown): boolean {
  if (!request.sessionId || typeof token !== 'string' || token.length === 0) return false
  return safeEqual(token, request.server.sessionKeys.csrfToken(request.sessionId))
}

/** A CSRF token for a form on this page; starts a session if needed. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  return request.server.sessionKeys.csrfToken(ensureSession(request, reply))
}

const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000

export async function loadSessionData(db: Kysely<PlatformTables>, id: string | undefined): Promise<Record<string, unknown>> {
  if (!id) return {}
  const row = await db
    .selectFrom('sessions')
    .select('data')
    .where('id', '=', id)
    .where('expires_at', '>', new Date())
    .executeTakeFirst()
  return row?.data ?? {}
}

export async function saveSessionData(
  db: Kysely<PlatformTables>,
  id: string,
  data: Record<string, unknown>,
  ttlMs = DEFAULT_TTL_MS,
): Promise<void> {
  const now = new Date()
  const expires = new Date(now.getTime() + ttlMs)
  const json = JSON.stringify(data)
  await db
    .insertInto('sessions')
    .values({ id, data: json, created_at: now, updated_at: now, expires_at: expires })
    .onConflict((oc) => oc.column('id').doUpdateSet({ data: json, updated_at: now, expires_at: expires }))
    .execute()
}

export async function deleteExpiredSessions(db: Kysely<PlatformTables>): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', new Date()).executeTakeFirst()
  return Number(result.numDeletedRows)
}

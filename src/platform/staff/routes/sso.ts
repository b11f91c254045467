/**
 * Single sign-on by OpenID Connect (authorisation code with PKCE, state and
 * nonce), for organisations that have an identity provider. The provider only
 * proves who someone is; whether they have an account here, and what they may
 * do, still comes from our own tables.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import * as oidc from 'openid-client'
import type { PlatformTables } from '../../db/schema.js'
import { csrfToken, ensureSession, loadSessionData, saveSessionData } from '../../http/session.js'
import { pageContext } from '../../http/pages.js'
import { audit } from '../../audit/index.js'
import { safeReturnTo, staffPublic } from '../access.js'
import type { StaffTimeouts } from '../guard.js'
import { staffText } from '../locales/index.js'
import { signInPage } from '../pages/sign-in.js'
import { findUserByEmail, staffDb } from '../repository.js'
import { completeSignIn } from './sign-in.js'

export interface SsoOptions {
  issuer: string
  clientId: string
  clientSecret: string
  baseUrl: string
  /** Plain-HTTP issuers are allowed outside production only (a provider started by a test). */
  production: boolean
}

interface PendingSso {
  state: string
  nonce: string
  verifier: string
  returnTo?: string
  at: number
}

const PENDING_MS = 10 * 60 * 1000

export function registerSso(app: FastifyInstance, db: Kysely<PlatformTables>, timeouts: StaffTimeouts, options: SsoOptions): void {
  if (!options.clientId || !options.clientSecret) throw new Error('STAFF_OIDC_ISSUER needs STAFF_OIDC_CLIENT_ID and STAFF_OIDC_CLIENT_SECRET')
  const pub = { config: { staff: staffPublic() } }
  const redirectUri = `${options.baseUrl}/staff/sign-in/sso/callback`
  let discovered: Promise<oidc.Configuration> | undefined
  // Discovered on first use, and again after a failure, so start-up does not depend on the provider being up.
  const configuration = (): Promise<oidc.Configuration> =>
    (discovered ??= oidc
      .discovery(new URL(options.issuer), options.clientId, options.clientSecret, undefined, options.production ? undefined : { execute: [oidc.allowInsecureRequests] })
      .catch((error: unknown) => {
        discovered = undefined
        throw error
      }))

  async function failed(request: FastifyRequest, reply: FastifyReply, reason: string, email?: string): Promise<FastifyReply> {
    await audit(db, request, { action: 'staff.sign-in.failed', recordType: 'staff-user', after: { stage: 'sso', reason, email } })
    return reply.page(
      signInPage(pageContext(request), { csrf: csrfToken(request, reply), email: '', sso: true, errors: [{ field: 'email', text: staffText(request.lang).signIn.ssoFailed }] }),
    )
  }

  app.get<{ Querystring: { returnTo?: string } }>('/staff/sign-in/sso', pub, async (request, reply) => {
    const config = await configuration()
    const verifier = oidc.randomPKCECodeVerifier()
    const pending: PendingSso = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier, returnTo: safeReturnTo(request.query.returnTo), at: Date.now() }
    const id = ensureSession(request, reply)
    await saveSessionData(db, id, { ...(await loadSessionData(db, id)), staffSso: pending })
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    })
    return reply.redirect(url.href, 303)
  })

  app.get('/staff/sign-in/sso/callback', pub, async (request, reply) => {
    const data = await loadSessionData(db, request.sessionId)
    const pending = data.staffSso as PendingSso | undefined
    if (!pending || Date.now() - pending.at > PENDING_MS) return reply.redirect('/staff/sign-in', 303)
    // Used once, whatever happens next.
    await saveSessionData(db, request.sessionId!, { ...data, staffSso: undefined })
    let claims: Record<string, unknown> | undefined
    try {
      const config = await configuration()
      const tokens = await oidc.authorizationCodeGrant(config, new URL(request.url, options.baseUrl), {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      })
      const idToken = tokens.claims()!
      claims = idToken
      // Many providers put the email only in the UserInfo response; its subject must match the ID token's.
      if (typeof idToken.email !== 'string') claims = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)
    } catch (error) {
      request.log.warn({ err: error }, 'single sign-on failed')
      return failed(request, reply, 'provider')
    }
    const email = typeof claims?.email === 'string' ? claims.email : undefined
    if (!email || claims?.email_verified === false) return failed(request, reply, 'no verified email')
    const user = await findUserByEmail(staffDb(db), email)
    if (!user || user.status !== 'active') return failed(request, reply, 'no active account', email.toLowerCase())
    return completeSignIn(db, timeouts, request, reply, user, { ...data, staffSso: undefined }, pending.returnTo, 'sso')
  })
}

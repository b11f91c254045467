/**
 * The manage-a-visit link carries a signed, expiring token: the visit's id
 * and an expiry, signed with HMAC-SHA256 under the session secret. Anyone
 * with the link can see and cancel that one visit until it expires, so the
 * token names nothing personal and cannot be forged or extended.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export function signManageToken(visitId: string, expiresAt: Date, secret: string): string {
  const payload = `${visitId}.${Math.floor(expiresAt.getTime() / 1000).toString(36)}`
  return `${payload}.${mac(payload, secret)}`
}

export function verifyManageToken(token: string, secret: string, now: Date = new Date()): string | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  const [visitId, expiry, signature] = parts as [string, string, string]
  const expected = Buffer.from(mac(`${visitId}.${expiry}`, secret))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  if (Number.parseInt(expiry, 36) * 1000 < now.getTime()) return undefined
  return visitId
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', `prison-visits-manage:${secret}`).update(payload).digest('base64url')
}

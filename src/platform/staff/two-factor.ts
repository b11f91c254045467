/**
 * Two-factor authentication: TOTP (RFC 6238, 6 digits, 30 seconds, as every
 * authenticator app expects) and single-use recovery codes.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from 'node:crypto'
import { Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'

const PERIOD = 30
const ISSUER = 'Justice Digital'

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

function totp(secret: string, label = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) })
}

/** The time step a code was made in, if it is right within one step either side; else undefined. */
export function totpStep(secret: string, code: string, now = Date.now()): number | undefined {
  const token = code.replace(/[\s-]/g, '')
  if (!/^\d{6}$/.test(token)) return undefined
  const delta = totp(secret).validate({ token, timestamp: now, window: 1 })
  if (delta === null) return undefined
  return Math.floor(now / 1000 / PERIOD) + delta
}

/** A code for a time: for tests, which act as the person's authenticator app. */
export function totpCode(secret: string, now = Date.now()): string {
  return totp(secret).generate({ timestamp: now })
}

/** The secret grouped in fours, as people type it into an app. */
export function formatSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim()
}

/** The QR code for enrolment, as a data: URL of an SVG (the CSP allows data: images, not inline styles). */
export async function enrolmentQrCode(secret: string, email: string): Promise<string> {
  const svg = await QRCode.toString(totp(secret, email).toString(), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}

/**
 * TOTP secrets at rest. They must be readable to check a code, so they cannot
 * be hashed; they are sealed with AES-256-GCM under a key derived (HKDF-SHA256)
 * from SESSION_SECRET, so a copy of the database alone (a backup, a leaked
 * dump, a read-only SQL injection) does not give anyone the codes. Stored as
 * `v1.<iv>.<ciphertext and tag>` in base64url. A value without the prefix
 * dates from before sealing: it is read as it is, and sealed at start-up.
 * Changing SESSION_SECRET makes sealed secrets unreadable: staff then need
 * their two-factor reset (docs/staff-access.md).
 */
export class TotpSecretBox {
  readonly #key: Buffer
  constructor(secret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'justice-digital', 'staff-totp-secret', 32))
  }

  seal(plain: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv)
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()])
    return `v1.${iv.toString('base64url')}.${sealed.toString('base64url')}`
  }

  /** The secret, or undefined when it was sealed under another key or has been altered. */
  open(stored: string): string | undefined {
    if (!TotpSecretBox.isSealed(stored)) return stored
    const [, iv, body] = stored.split('.') as [string, string, string]
    try {
      const sealed = Buffer.from(body, 'base64url')
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(sealed.subarray(sealed.length - 16))
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString('utf8')
    } catch {
      return undefined
    }
  }

  static isSealed(stored: string): boolean {
    return stored.startsWith('v1.') && stored.split('.').length === 3
  }
}

export const RECOVERY_CODE_COUNT = 10
// No 0/o, 1/l/i: easy to read back from paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** Ten codes of 10 characters from 31: about 49 bits each, enough that a fast hash is safe. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    let code = ''
    for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(ALPHABET.length)]
    return `${code.slice(0, 5)}-${code.slice(5)}`
  })
}

export function normaliseRecoveryCode(code: string): string {
  const c = code.toLowerCase().replace(/[^a-z0-9]/g, '')
  return c.length === 10 ? `${c.slice(0, 5)}-${c.slice(5)}` : c
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

/** A random token for a link; only its SHA-256 is stored. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url')
}

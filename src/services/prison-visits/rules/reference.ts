/**
 * Booking references: 8 characters of Crockford's base32 (no I, L, O or U,
 * so a reference read out on the phone cannot be misheard as another):
 * 40 random bits, about a trillion references.
 */
import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const REFERENCE = /^[0-9A-HJKMNP-TV-Z]{8}$/

export function newReference(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(5)
  let bits = 0n
  for (const b of bytes) bits = (bits << 8n) | BigInt(b)
  let out = ''
  for (let i = 0; i < 8; i++) {
    out = ALPHABET[Number(bits & 31n)] + out
    bits >>= 5n
  }
  return out
}

/** As typed: lower case, spaces and hyphens, and the letters Crockford reads as digits. */
export function normaliseReference(value: string): string | undefined {
  const r = value.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  return REFERENCE.test(r) ? r : undefined
}

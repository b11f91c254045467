import { test } from 'node:test'
import assert from 'node:assert/strict'
import { enrolmentQrCode, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, TotpSecretBox, totpCode, totpStep } from './two-factor.js'

test('a TOTP code is accepted for its own step and one either side, not further', () => {
  const secret = newTotpSecret()
  const now = 1_800_000_000_000
  const code = totpCode(secret, now)
  const step = Math.floor(now / 30_000)
  assert.equal(totpStep(secret, code, now), step)
  assert.equal(totpStep(secret, code.slice(0, 3) + ' ' + code.slice(3), now + 30_000), step)
  assert.equal(totpStep(secret, code, now + 90_000), undefined)
  assert.equal(totpStep(secret, 'abcdef', now), undefined)
  assert.equal(totpStep(newTotpSecret(), code, now), undefined)
})

test('recovery codes are ten, distinct and readable', () => {
  const codes = newRecoveryCodes()
  assert.equal(new Set(codes).size, 10)
  for (const c of codes) assert.match(c, /^[a-z2-9]{5}-[a-z2-9]{5}$/)
  assert.equal(normaliseRecoveryCode(' ABCDE fghjk '), 'abcde-fghjk')
})

test('the enrolment QR code is an SVG data URL', async () => {
  assert.match(await enrolmentQrCode(newTotpSecret(), 'a@example.gov.uk'), /^data:image\/svg\+xml;base64,/)
})

test('TOTP secrets are sealed at rest and open only under the same key, unaltered', () => {
  const box = new TotpSecretBox('a-session-secret-that-is-long-enough-0123456789')
  const secret = newTotpSecret()
  const sealed = box.seal(secret)
  assert.match(sealed, /^v1\.[\w-]+\.[\w-]+$/)
  assert.ok(!sealed.includes(secret))
  assert.notEqual(box.seal(secret), sealed, 'a fresh IV each time')
  assert.equal(box.open(sealed), secret)
  assert.equal(new TotpSecretBox('another-session-secret-that-is-long-enough-0123').open(sealed), undefined)
  const [v, iv, body] = sealed.split('.') as [string, string, string]
  const bytes = Buffer.from(body, 'base64url')
  bytes[0]! ^= 1
  const altered = `${v}.${iv}.${bytes.toString('base64url')}`
  assert.equal(box.open(altered), undefined)
  assert.equal(box.open(secret), secret, 'a secret stored before sealing is read as it is')
})

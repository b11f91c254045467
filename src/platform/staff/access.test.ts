import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Kysely, PostgresDialect } from 'kysely'
import { grantsAllow, safeReturnTo, scopeCondition, type Grant } from './access.js'

const grants: Grant[] = [
  { role: 'visits-staff', scope: { kind: 'prisons', values: ['BWI', 'LEI'] } },
  { role: 'court-data-admin', scope: { kind: 'region', values: ['Wales'] } },
  { role: 'performance-analyst', scope: { kind: 'all' } },
]

test('a grant covers its own role and places only', () => {
  assert.equal(grantsAllow(grants, 'visits-staff', { kind: 'prison', code: 'BWI' }), true)
  assert.equal(grantsAllow(grants, 'visits-staff', { kind: 'prison', code: 'MDI' }), false)
  assert.equal(grantsAllow(grants, 'visits-staff', { kind: 'court', code: 'BWI' }), false)
  assert.equal(grantsAllow(grants, 'court-data-admin', { kind: 'court', code: 'cardiff', region: 'Wales' }), true)
  assert.equal(grantsAllow(grants, 'court-data-admin', { kind: 'court', code: 'leeds', region: 'North East' }), false)
  assert.equal(grantsAllow(grants, 'performance-analyst', { kind: 'court', code: 'any' }), true)
  assert.equal(grantsAllow(grants, 'platform-admin'), false)
  assert.equal(grantsAllow(grants, ['platform-admin', 'visits-staff']), true)
})

// Compiles only: no connection is made.
const db = new Kysely<{ prisons: { code: string; region: string } }>({ dialect: new PostgresDialect({ pool: {} as never }) })

test('the scope becomes a where-clause', () => {
  const q = (g: Grant[], role: string) =>
    db.selectFrom('prisons').select('code').where(scopeCondition(g, role, { kind: 'prison', code: 'prisons.code', region: 'prisons.region' })).compile()
  const scoped = q(grants, 'visits-staff')
  assert.match(scoped.sql, /where \("prisons"\."code" in \(\$1, \$2\)\)/)
  assert.deepEqual(scoped.parameters, ['BWI', 'LEI'])
  assert.match(q(grants, 'court-data-admin').sql, /"prisons"\."region" in \(\$1\)/)
  assert.match(q(grants, 'performance-analyst').sql, /where true/)
  assert.match(q(grants, 'platform-admin').sql, /where false/)
})

test('returnTo stays on the staff side', () => {
  assert.equal(safeReturnTo('/staff/users?page=2'), '/staff/users?page=2')
  assert.equal(safeReturnTo('/staff'), '/staff')
  for (const bad of ['https://evil.example/staff', '//evil.example', '/staff//evil.example', '/\\evil.example', '/staffing', '/staff/%2F%2Fevil', '/courts', 'javascript:alert(1)', '/staff/sign-in', undefined, 42]) {
    assert.equal(safeReturnTo(bad), undefined, String(bad))
  }
})

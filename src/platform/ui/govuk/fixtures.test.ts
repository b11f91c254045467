/**
 * Proof of equality: every fixture govuk-frontend publishes for its
 * components, rendered through our functions, must equal the fixture's HTML
 * after normalising insignificant whitespace and attribute order.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as govuk from './index.js'
import { componentNames, fixturesFor, macroName, markTrusted, normaliseHtml } from '../../../../test/support/govuk-fixtures.js'

/**
 * Fixtures that cannot pass, each with the reason. Expected to stay empty.
 * Key: `component/fixture name`.
 */
const KNOWN_EXCEPTIONS: Record<string, string> = {}

type Component = (options: never) => { value: string }

test('every govuk-frontend fixture renders identically', async (t) => {
  let passed = 0
  let total = 0
  const failures: string[] = []
  for (const component of componentNames()) {
    const fn = (govuk as unknown as Record<string, Component | undefined>)[macroName(component)]
    for (const fixture of fixturesFor(component)) {
      total++
      const key = `${component}/${fixture.name}`
      if (key in KNOWN_EXCEPTIONS) continue
      if (!fn) {
        failures.push(`${key}: no function ${macroName(component)}`)
        continue
      }
      let ours: string
      try {
        ours = fn(markTrusted(fixture.options, component) as never).value
      } catch (error) {
        failures.push(`${key}: threw ${(error as Error).message}`)
        continue
      }
      const expected = normaliseHtml(fixture.html)
      const actual = normaliseHtml(ours)
      if (expected === actual) passed++
      else failures.push(`${key}:\n  expected ${expected}\n  actual   ${actual}`)
    }
  }
  const exceptions = Object.keys(KNOWN_EXCEPTIONS).length
  t.diagnostic(`govuk-frontend fixtures: ${passed} of ${total} pass, ${exceptions} listed exceptions`)
  console.log(`govuk-frontend fixtures: ${passed} of ${total} pass, ${exceptions} listed exceptions`)
  assert.equal(total, 725, 'govuk-frontend 6.6 publishes 725 fixtures')
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} fixtures differ`)
})

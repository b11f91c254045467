import { test } from 'node:test'
import assert from 'node:assert/strict'
import { looksDangerous, sanitiseCourtHtml } from './sanitise.js'

test('ordinary facility HTML keeps its paragraphs and links, with GOV.UK classes', () => {
  assert.equal(
    sanitiseCourtHtml('<p><a href="https://www.thepsu.org/">The PSU</a> is available&nbsp;on site.</p>'),
    '<p class="govuk-body"><a href="https://www.thepsu.org/" class="govuk-link">The PSU</a> is available on site.</p>',
  )
})

test('script, handlers, javascript: links, styles and frames are removed', () => {
  const attacks = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<p onclick="alert(1)">x</p>',
    '<iframe src="https://evil.example"></iframe>',
    '<style>body{display:none}</style>',
    '<svg><script>alert(1)</script></svg>',
    '<a href="//evil.example/x">x</a>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<<script>script>alert(1)<</script>/script>',
  ]
  for (const attack of attacks) {
    const clean = sanitiseCourtHtml(attack)
    assert.doesNotMatch(clean, /<script|onerror|onclick|javascript:|<iframe|<style|style=|<svg|<img|\/\/evil/i, `${attack} -> ${clean}`)
  }
  assert.equal(looksDangerous('<p>Fine</p>'), false)
  assert.equal(looksDangerous('<p onmouseover="x()">'), true)
})

test('empty and missing descriptions are empty', () => {
  assert.equal(sanitiseCourtHtml(null), '')
  assert.equal(sanitiseCourtHtml(''), '')
})

test('a word run into the link after it gets its space back', () => {
  assert.equal(
    sanitiseCourtHtml('<p>report the scam to<a href="https://www.actionfraud.police.uk/">Action Fraud</a>.</p>'),
    '<p class="govuk-body">report the scam to <a href="https://www.actionfraud.police.uk/" class="govuk-link">Action Fraud</a>.</p>',
  )
  assert.equal(sanitiseCourtHtml('<p>(<a href="https://x.test/">here</a>)</p>'), '<p class="govuk-body">(<a href="https://x.test/" class="govuk-link">here</a>)</p>')
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { flatHtml, html, joinHtml, trustedHtml, toHtml, escapeHtml, SafeHtml } from './html.js'

test('escapes every interpolated string', () => {
  const name = `<script>alert("x")</script> & 'y'`
  assert.equal(html`<p>${name}</p>`.value, '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>')
})

test('passes safe fragments through, and nests', () => {
  const inner = html`<b>${'a<b'}</b>`
  assert.equal(html`<p>${inner}</p>`.value, '<p><b>a&lt;b</b></p>')
  assert.equal(html`${trustedHtml('<br>')}`.value, '<br>')
})

test('joins arrays, and renders nothing for null, undefined and booleans', () => {
  assert.equal(html`<ul>${['a', 'b&'].map((x) => html`<li>${x}</li>`)}</ul>`.value, '<ul><li>a</li><li>b&amp;</li></ul>')
  assert.equal(html`${null}${undefined}${false}${true}|${0}`.value, '|0')
  assert.equal(html`${['<', html`<i></i>`]}`.value, '&lt;<i></i>')
})

test('escapes attribute-breaking quotes', () => {
  const evil = '" onmouseover="alert(1)'
  assert.equal(html`<a title="${evil}">`.value, '<a title="&quot; onmouseover=&quot;alert(1)">')
})

test('helpers', () => {
  assert.equal(joinHtml(['a', html`<i>b</i>`, '<c>'], ', ').value, 'a, <i>b</i>, &lt;c&gt;')
  assert.equal(toHtml('<x>').value, '&lt;x&gt;')
  assert.equal(escapeHtml('plain'), 'plain')
})

test('a fragment kept flat is the same fragment', () => {
  const fragment = html`<ul>${['Ŵ', 'a’b', '<c>', '😀'].map((x) => html`<li>${x}</li>`)}</ul>`
  const flat = flatHtml(fragment)
  assert.ok(flat instanceof SafeHtml)
  assert.equal(flat.value, fragment.value)
  assert.equal(html`<div>${flat}</div>`.value, html`<div>${fragment}</div>`.value)
})

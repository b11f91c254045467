import { test } from 'node:test'
import assert from 'node:assert/strict'
import { EncodedHtml, flatHtml, html, joinHtml, PiecedHtml, trustedHtml, toHtml, escapeHtml, SafeHtml } from './html.js'

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

test('a kept fragment stays a piece of its own, already encoded, in what includes it, however deep', () => {
  const kept = flatHtml(html`<ul>${['Ŵ', 'a’b', '<c>'].map((x) => html`<li>${x}</li>`)}</ul>`)
  assert.ok(kept instanceof EncodedHtml)
  assert.equal(kept.bytes.toString('utf8'), kept.value)
  assert.equal(flatHtml(kept), kept, 'kept once, not encoded again')
  const plain = new SafeHtml(kept.value)
  const form = html`<form>${'<x>'}${kept}<button>${'Go'}</button></form>`
  const page = html`<main>${html`<p>${'é'}</p>`}${form}${kept}</main>`
  assert.ok(form instanceof PiecedHtml && page instanceof PiecedHtml)
  // The same text as the fragment included as text.
  assert.equal(form.value, html`<form>${'<x>'}${plain}<button>${'Go'}</button></form>`.value)
  assert.equal(page.value, html`<main>${html`<p>${'é'}</p>`}${html`<form>${'<x>'}${plain}<button>${'Go'}</button></form>`}${plain}</main>`.value)
  // In order, with the encoded fragment itself (not a copy) wherever it was included.
  assert.deepEqual(
    page.pieces.map((p) => (typeof p === 'string' ? p : p === kept ? 'KEPT' : 'OTHER')),
    ['<main><p>é</p><form>&lt;x&gt;', 'KEPT', '<button>Go</button></form>', 'KEPT', '</main>'],
  )
  // Anything that reads a fragment as text (a list, joinHtml) still gets the whole text.
  assert.equal(joinHtml([form, 'y']).value, form.value + 'y')
  assert.equal(html`${[form]}`.value, form.value)
})

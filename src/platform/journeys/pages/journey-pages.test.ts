import assert from 'node:assert/strict'
import { test } from 'node:test'
import { pageBytes } from '../../http/pages.js'
import { flatHtml, html } from '../../ui/html.js'
import { KeptPageHtml } from '../../ui/layouts/page.js'
import { questionPageView, questionPageViewUncached, type QuestionPageModel } from './journey-pages.js'

const questions = flatHtml(html`<div class="govuk-form-group"><label class="govuk-label" for="prison">Which prison?</label><select id="prison" name="prison"><option>Wandsworth</option></select></div>`)
const service = { name: 'Visit someone in prison', url: '/prison-visits' }
const base: QuestionPageModel = {
  ctx: { lang: 'en', nonce: 'bm9uY2U+/w==', assetPath: '/assets/abc', url: '/prison-visits/book/prison', service, feedbackUrl: '/feedback' },
  title: 'Which prison is the person in?',
  errors: [],
  backHref: '/prison-visits',
  csrf: 'Zm9vYmFy-_',
  action: '/prison-visits/book/prison',
  questions,
  continueText: undefined,
  saveForLater: true,
  timeout: { seconds: 1740, extendUrl: '/prison-visits/book/extend', endedUrl: '/prison-visits/book/session-ended' },
}

// Each changes one thing the page shows, in turn and on top of a warm keep, so a key that missed one would send a page kept for another.
const variants: [string, (m: QuestionPageModel) => QuestionPageModel][] = [
  ['as it is', (m) => m],
  ['another nonce', (m) => ({ ...m, ctx: { ...m.ctx, nonce: 'b3RoZXI=' } })],
  ['another CSRF token, escaped, not ASCII', (m) => ({ ...m, csrf: 'tök&en"' })],
  ['other seconds', (m) => ({ ...m, timeout: { ...m.timeout!, seconds: 59 } })],
  ['Welsh', (m) => ({ ...m, ctx: { ...m.ctx, lang: 'cy' } })],
  ['other assets', (m) => ({ ...m, ctx: { ...m.ctx, assetPath: '/assets/def' } })],
  ['another URL', (m) => ({ ...m, ctx: { ...m.ctx, url: '/prison-visits/book/prison?change=1' } })],
  ['another service', (m) => ({ ...m, ctx: { ...m.ctx, service: { name: 'Another', url: '/another' } } })],
  ['no service', (m) => ({ ...m, ctx: { ...m.ctx, service: undefined } })],
  ['staff', (m) => ({ ...m, ctx: { ...m.ctx, staff: true } })],
  ['other feedback', (m) => ({ ...m, ctx: { ...m.ctx, feedbackUrl: '/contact' } })],
  ['another title', (m) => ({ ...m, title: 'Pa garchar – Wandsworth?' })],
  ['markers in the title, as if from an answer', (m) => ({ ...m, title: 'Which \u00021\u0003 prison \u00029\u0003?' })],
  ['no back link', (m) => ({ ...m, backHref: undefined })],
  ['another back link', (m) => ({ ...m, backHref: '/prison-visits/book/check-answers' })],
  ['another action', (m) => ({ ...m, action: '/prison-visits/book/prison?change=1' })],
  ['other questions', (m) => ({ ...m, questions: flatHtml(html`<p class="govuk-body">Another question</p>`) })],
  ['questions not kept', (m) => ({ ...m, questions: html`<p class="govuk-body">Rendered each time</p>` })],
  ['continue text', (m) => ({ ...m, continueText: 'Book visit' })],
  ['no save for later', (m) => ({ ...m, saveForLater: false })],
  ['no timeout', (m) => ({ ...m, timeout: undefined })],
  ['another extend link', (m) => ({ ...m, timeout: { ...m.timeout!, extendUrl: '/x/extend' } })],
  ['another ended link', (m) => ({ ...m, timeout: { ...m.timeout!, endedUrl: '/x/ended' } })],
  ['errors', (m) => ({ ...m, errors: [{ field: 'prison', message: 'Select a prison' }] })],
  ['no nonce', (m) => ({ ...m, ctx: { ...m.ctx, nonce: '' } })],
]

test('a kept question page equals the page rendered in full, whatever changes, text and bytes', () => {
  for (let round = 0; round < 2; round++) {
    for (const [name, change] of variants) {
      const m = change(base)
      const sent = questionPageView(m)
      const plain = questionPageViewUncached(m).value
      assert.equal(sent.value, plain, name)
      assert.equal(pageBytes(sent).toString('utf8'), plain, `bytes: ${name}`)
    }
  }
})

test('a question page is kept only when its questions are kept and it shows no errors', () => {
  assert.ok(questionPageView(base) instanceof KeptPageHtml)
  assert.ok(!(questionPageView({ ...base, errors: [{ field: 'prison', message: 'Select a prison' }] }) instanceof KeptPageHtml))
  assert.ok(!(questionPageView({ ...base, questions: html`<p>not kept</p>` }) instanceof KeptPageHtml))
})

test('past the bound the oldest kept question pages go, and pages asked for again are right', () => {
  const at = (i: number): QuestionPageModel => ({ ...base, ctx: { ...base.ctx, url: `/prison-visits/book/prison?v=${i}` } })
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 150; i++) assert.equal(questionPageView(at(i)).value, questionPageViewUncached(at(i)).value, `round ${round}, page ${i}`)
  }
})

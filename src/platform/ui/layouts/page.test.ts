import assert from 'node:assert/strict'
import { test } from 'node:test'
import { pageBytes } from '../../http/pages.js'
import { EncodedHtml, flatHtml, html, trustedHtml } from '../html.js'
import { encodedPage, govukPage, govukPageUncached, KeptPageHtml, PageHtml, type PageContext, type PageOptions } from './page.js'

const contexts: PageContext[] = [
  { lang: 'en', nonce: 'abc+/=123', assetPath: '/assets/1a2b', url: '/' },
  { lang: 'en', nonce: '', assetPath: '/assets/1a2b', url: '/no-nonce' },
  { lang: 'cy', nonce: 'n0nce', assetPath: '/assets/1a2b', url: '/courts/search?q=Caerdydd&x="<y>"' },
  {
    lang: 'en',
    nonce: 'n',
    assetPath: '/assets/1a2b',
    url: '/prison-visits/book/visitors?lang=en',
    service: {
      name: 'Visit someone in prison',
      url: '/prison-visits',
      navigation: [
        { href: '/prison-visits', text: 'Book', active: true },
        { href: '/prison-visits/help', text: 'Help & advice' },
      ],
    },
    feedbackUrl: '/contact?from=visits',
  },
  { lang: 'cy', nonce: 'n', assetPath: '/assets/1a2b', url: '/staff/visits', staff: true, service: { name: 'Ymweld â rhywun yn y carchar', url: '/prison-visits' } },
]

const pages: PageOptions[] = [
  { title: 'Home', content: html`<p>Hello</p>` },
  { title: 'Your visitors’ “details” & <dates>', hasErrors: true, content: html`<h1>${'You’ll need: <details>'}</h1>`, backLink: { href: '/back?a=1&b=2' } },
  {
    title: 'Visit someone in prison',
    content: html`<p>Ŵ ŷ â</p>`,
    head: html`<meta name="robots" content="noindex">`,
    beforeContent: html`<nav>crumbs</nav>`,
    mainClasses: 'govuk-main-wrapper--l',
  },
  { title: 'Staff', content: html`<p>Staff</p>`, header: trustedHtml('<header class="moj-header" role="banner">MOJ</header>'), backLink: { href: '/staff', text: 'Yn ôl' } },
  { title: 'Empty', content: html`` },
]

test('a page built on the kept shell is exactly the page rendered the plain way, as text and as bytes', () => {
  let compared = 0
  for (const ctx of contexts) {
    for (const page of pages) {
      const plain = govukPageUncached(ctx, page).value
      // Twice: the first compiles the shell, the second reuses it.
      for (let i = 0; i < 2; i++) {
        const kept = govukPage(ctx, page)
        assert.ok(kept instanceof PageHtml)
        assert.equal(kept.value, plain, `${ctx.lang} ${ctx.url} ${page.title}`)
        assert.equal(pageBytes(kept).toString('utf8'), plain, `bytes of ${ctx.lang} ${ctx.url} ${page.title}`)
        compared++
      }
    }
  }
  assert.equal(compared, contexts.length * pages.length * 2)
})

test('a nonce is never shared: each page carries its own', () => {
  const ctx = contexts[0] as PageContext
  const a = pageBytes(govukPage({ ...ctx, nonce: 'first' }, pages[0] as PageOptions)).toString('utf8')
  const b = pageBytes(govukPage({ ...ctx, nonce: 'second' }, pages[0] as PageOptions)).toString('utf8')
  assert.match(a, /nonce="first"/)
  assert.match(b, /nonce="second"/)
  assert.doesNotMatch(b, /first/)
})

test('what a user typed cannot reach the shell: marker characters in the content stay content', () => {
  const ctx = contexts[0] as PageContext
  const page = { title: 'Search \u00021\u0003', content: html`<p>${'\u00027\u0003 and \u00020\u0003'}</p>` }
  assert.equal(pageBytes(govukPage(ctx, page)).toString('utf8'), govukPageUncached(ctx, page).value)
})

test('pages are written one after another without overwriting each other', () => {
  const ctx = contexts[0] as PageContext
  const sent = Array.from({ length: 200 }, (_, i) => pageBytes(govukPage(ctx, { title: `Page ${i}`, content: html`<p>${'x'.repeat(i * 37)}</p>` })))
  sent.forEach((bytes, i) => assert.match(bytes.toString('utf8'), new RegExp(`<title>Page ${i} – `)))
  sent.forEach((bytes, i) => assert.ok(bytes.toString('utf8').includes(`<p>${'x'.repeat(i * 37)}</p>`)))
})

test('content encoded once (EncodedHtml) gives the same page as content rendered each time', () => {
  for (const ctx of contexts) {
    for (const page of pages) {
      const kept = { ...page, content: new EncodedHtml(page.content) }
      const plain = govukPageUncached(ctx, page).value
      assert.equal(govukPage(ctx, kept).value, plain)
      assert.equal(pageBytes(govukPage(ctx, kept)).toString('utf8'), plain)
    }
  }
})

test('content with kept fragments in it (PiecedHtml) gives the same page, as text and as bytes, near a slab’s end too', () => {
  const list = flatHtml(html`<ul>${Array.from({ length: 120 }, (_, i) => html`<li>Carchar ${i} – Ŵ</li>`)}</ul>`)
  for (const ctx of contexts) {
    for (let i = 0; i < 40; i++) {
      const content = html`<form><input value="${'â'.repeat(i * 211)}">${list}<p>${'ŷ'}</p>${flatHtml(html`<b>${i}</b>`)}</form>`
      const page = { title: `Pieces ${i}`, content }
      const plain = govukPageUncached(ctx, page).value
      assert.equal(govukPage(ctx, page).value, plain)
      assert.equal(pageBytes(govukPage(ctx, page)).toString('utf8'), plain, `${ctx.lang} page ${i}`)
    }
  }
  const huge = { title: 'Huge', content: html`<p>${'ŵ'.repeat(150_000)}</p>${list}` }
  assert.equal(pageBytes(govukPage(contexts[0] as PageContext, huge)).toString('utf8'), govukPageUncached(contexts[0] as PageContext, huge).value)
})

test('a marker character in the static parts (a service name) cannot corrupt a page: it is rendered the plain way', () => {
  const ctx: PageContext = { lang: 'en', nonce: 'n', assetPath: '/a', url: '/', service: { name: 'Odd \u00020\u0003 name', url: '/odd' } }
  const page = { title: 'T', content: html`<p>x</p>` }
  assert.equal(pageBytes(govukPage(ctx, page)).toString('utf8'), govukPageUncached(ctx, page).value)
})

test('a page bigger than a slab, and Welsh text measured exactly near a slab’s end, come out whole', () => {
  const ctx = contexts[0] as PageContext
  const big = { title: 'Big', content: html`<p>${'ŵ'.repeat(300_000)}</p>` }
  assert.equal(pageBytes(govukPage(ctx, big)).toString('utf8'), govukPageUncached(ctx, big).value)
  for (let i = 0; i < 60; i++) {
    const page = { title: `Page ${i}`, content: html`<p>${'â'.repeat(9_000 + i * 97)}</p>` }
    assert.equal(pageBytes(govukPage(ctx, page)).toString('utf8'), govukPageUncached(ctx, page).value)
  }
})

test('a kept page is kept whole per URL, and only its nonce changes from one request to the next', () => {
  for (const base of contexts.filter((c) => c.nonce)) {
    for (const page of pages) {
      const kept = encodedPage(page)
      // More URLs than are kept for one page, each asked for twice, with a fresh nonce every time.
      for (let u = 0; u < 6; u++) {
        for (let i = 0; i < 2; i++) {
          const ctx = { ...base, url: `${base.url}${base.url.includes('?') ? '&' : '?'}page=${u}`, nonce: `n${u}${i}+/=` }
          const sent = govukPage(ctx, kept)
          assert.ok(sent instanceof KeptPageHtml)
          const plain = govukPageUncached(ctx, page).value
          assert.equal(sent.value, plain, `${ctx.lang} ${ctx.url} ${page.title}`)
          assert.equal(pageBytes(sent).toString('utf8'), plain, `bytes of ${ctx.lang} ${ctx.url} ${page.title}`)
        }
      }
    }
  }
})

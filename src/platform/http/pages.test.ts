import assert from 'node:assert/strict'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { test } from 'node:test'
import Fastify from 'fastify'
import { html, trustedHtml } from '../ui/html.js'
import { holedPage, holeMarker, KeptPageHtml, type HoledPage } from '../ui/layouts/page.js'
import { registerPages } from './pages.js'

function keptPage(size: number): HoledPage {
  const filler = trustedHtml(`<p>${'kept text – '.repeat(Math.ceil(size / 13))}</p>`)
  const page = holedPage(html`<html><head><script nonce="${holeMarker(0)}"></script></head><body>${filler}<input name="_csrf" value="${holeMarker(1)}">${holeMarker(2)}<script nonce="${holeMarker(0)}"></script></body></html>`, 3)
  assert.ok(page)
  return page
}

async function appFor(kept: HoledPage) {
  const app = Fastify()
  registerPages(app, '/assets/x')
  app.get('/page', (request, reply) => {
    const { nonce = '', csrf = '', seconds = '' } = request.query as Record<string, string>
    return reply.page(new KeptPageHtml(kept, [nonce, csrf, seconds]))
  })
  await app.ready()
  return app
}

const expected = (kept: HoledPage, values: string[]) => new KeptPageHtml(kept, values).value

test('a kept page sent from its own buffers is the page, whatever its values, one after another and many at once', async () => {
  const kept = keptPage(30_000)
  const app = await appFor(kept)
  const values = [
    ['bm9uY2UxMjM0NTY3ODkwMTI=', 'Zm9vYmFy', '1740'],
    ['b3RoZXIxMjM0NTY3ODkwMTI=', 'YmFyYmF6', '1739'], // the same lengths: only the holes are written
    ['c2hvcnQ=', 'tök€n', '59'], // shorter, and not ASCII
    ['bm9uY2UxMjM0NTY3ODkwMTI=', 'Zm9vYmFy', '1740'],
    ['', '', ''],
    ['x'.repeat(200), 'y', 'z'], // longer than the room for a hole: sent from a slab
  ]
  for (let round = 0; round < 3; round++) {
    for (const [nonce, csrf, seconds] of values as [string, string, string][]) {
      const response = await app.inject({ url: '/page', query: { nonce, csrf, seconds } })
      assert.equal(response.body, expected(kept, [nonce, csrf, seconds]), `${nonce} ${csrf} ${seconds}`)
    }
  }
  // More at once than a page has buffers.
  const many = await Promise.all(Array.from({ length: 12 }, (_, i) => app.inject({ url: '/page', query: { nonce: `nonce${i}`, csrf: `csrf${i}`, seconds: String(i) } })))
  many.forEach((response, i) => assert.equal(response.body, expected(kept, [`nonce${i}`, `csrf${i}`, String(i)])))
  await app.close()
})

test('over a real socket, a kept page still being sent keeps its buffer until the socket has taken it', async () => {
  // Bigger than a socket's buffers, to readers that do not read until every request has been answered.
  const kept = keptPage(8_000_000)
  const app = await appFor(kept)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const readers = Array.from({ length: 6 }, (_, i) => {
    const socket = connect(port, '127.0.0.1')
    socket.pause()
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    const done = new Promise<string>((resolve) => socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8'))))
    // The same lengths each time: a buffer reused too soon would show another response's values.
    socket.write(`GET /page?nonce=n${i}&csrf=c${i}&seconds=${i} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
    return { socket, done }
  })
  await new Promise((resolve) => setTimeout(resolve, 300))
  for (const { socket } of readers) socket.resume()
  const bodies = await Promise.all(readers.map(async ({ done }) => (await done).split('\r\n\r\n').slice(1).join('\r\n\r\n')))
  bodies.forEach((body, i) => assert.ok(body === expected(kept, [`n${i}`, `c${i}`, String(i)]), `response ${i}`))
  await app.close()
})

/**
 * Column b, the ceiling: a bare node:http server that answers each benchmarked
 * URL with the bytes the real app sent for it, fetched once by bench/run.ts.
 * No routing, no headers but the content type: nothing a server could do
 * faster in Node.
 *
 * Usage: node --import tsx bench/static-server.ts <pages.json>
 * where pages.json is `{ "<path and query>": { "contentType": "...", "body": "<base64>" } }`.
 * Prints `listening <port>` once it is ready.
 */
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'

const manifest = process.argv[2]
if (!manifest) {
  process.stderr.write('usage: static-server.ts <pages.json>\n')
  process.exit(2)
}
const pages = new Map<string, { type: string; body: Buffer }>()
for (const [url, page] of Object.entries(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, { contentType: string; body: string }>)) {
  pages.set(url, { type: page.contentType, body: Buffer.from(page.body, 'base64') })
}

const server = createServer((request, response) => {
  const page = pages.get(request.url ?? '')
  if (!page) {
    response.writeHead(404).end()
    return
  }
  response.writeHead(200, { 'content-type': page.type, 'content-length': page.body.length })
  response.end(page.body)
})
server.keepAliveTimeout = 75_000
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))

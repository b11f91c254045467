/**
 * Static assets (GOV.UK Frontend and MOJ Frontend CSS, JS, fonts, images, and
 * our own scripts), held in memory and served under a fingerprinted path:
 * `/assets/<hash>/...`. The hash covers every file, so a release that changes
 * any asset changes every URL, and browsers may cache each one for a year.
 */
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, extname, join, relative } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { PROJECT_ROOT } from '../../config.js'

const require = createRequire(import.meta.url)

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}
const COMPRESSIBLE = new Set(['.css', '.js', '.mjs', '.json', '.svg', '.map'])

interface Asset {
  type: string
  body: Buffer
  gzip?: Buffer
  brotli?: Buffer
}

export interface AssetCatalogue {
  /** The path prefix pages use: `/assets/<hash>`. */
  path: string
  files: Map<string, Asset>
}

function walk(dir: string, base: string, out: Map<string, Buffer>, prefix = ''): void {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full, base, out, prefix)
    else if (TYPES[extname(name)]) out.set(prefix + relative(base, full).split('\\').join('/'), readFileSync(full))
  }
}

let cached: AssetCatalogue | undefined

/** Loads and fingerprints the assets once per process. */
export function loadAssets(): AssetCatalogue {
  if (cached) return cached
  const govuk = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk')
  const moj = join(dirname(require.resolve('@ministryofjustice/frontend/package.json')), 'moj')
  // Our own scripts are plain JavaScript, read from the source tree in development and production alike.
  const own = join(PROJECT_ROOT, 'src', 'platform', 'ui', 'assets')
  const raw = new Map<string, Buffer>()
  walk(join(govuk, 'assets'), join(govuk, 'assets'), raw)
  walk(join(moj, 'assets'), join(moj, 'assets'), raw)
  raw.set('govuk-frontend.min.css', readFileSync(join(govuk, 'govuk-frontend.min.css')))
  raw.set('govuk-frontend.min.js', readFileSync(join(govuk, 'govuk-frontend.min.js')))
  raw.set('moj-frontend.min.css', readFileSync(join(moj, 'moj-frontend.min.css')))
  raw.set('moj-frontend.min.js', readFileSync(join(moj, 'moj-frontend.min.js')))
  walk(own, own, raw)

  const hash = createHash('sha256')
  for (const [name, body] of [...raw].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(name).update(body)
  const path = `/assets/${hash.digest('hex').slice(0, 12)}`

  const files = new Map<string, Asset>()
  for (const [name, original] of raw) {
    const ext = extname(name)
    let body = original
    if (ext === '.css') {
      // The stylesheets refer to fonts and images at /assets/...; point them at the fingerprinted path.
      body = Buffer.from(original.toString('utf8').replaceAll('url(/assets/', `url(${path}/`))
    }
    if (name.endsWith('.js')) {
      // Source maps are not served; drop the comment that asks for them.
      body = Buffer.from(body.toString('utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n'))
    }
    const asset: Asset = { type: TYPES[ext] as string, body }
    if (COMPRESSIBLE.has(ext) && body.length > 1024) {
      asset.gzip = gzipSync(body, { level: 9 })
      asset.brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
    }
    files.set(name, asset)
  }
  cached = { path, files }
  return cached
}

export function registerAssets(app: FastifyInstance, assets: AssetCatalogue): void {
  const prefix = assets.path + '/'
  app.get('/assets/*', (request, reply) => {
    const url = request.url.split('?')[0] as string
    const asset = url.startsWith(prefix) ? assets.files.get(url.slice(prefix.length)) : undefined
    if (!asset) {
      return reply.callNotFound()
    }
    const accept = String(request.headers['accept-encoding'] ?? '')
    reply.header('content-type', asset.type)
    reply.header('cache-control', 'public, max-age=31536000, immutable')
    reply.header('vary', 'accept-encoding')
    if (asset.brotli && accept.includes('br')) {
      reply.header('content-encoding', 'br')
      return reply.send(asset.brotli)
    }
    if (asset.gzip && accept.includes('gzip')) {
      reply.header('content-encoding', 'gzip')
      return reply.send(asset.gzip)
    }
    return reply.send(asset.body)
  })
  // The favicon is asked for at the root by browsers that ignore the <link>.
  app.get('/favicon.ico', (_request, reply) => reply.redirect(`${assets.path}/images/favicon.ico`, 301))
}

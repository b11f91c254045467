/**
 * Column c: the same pages built the conventional way, with Express 5,
 * Nunjucks and the real govuk-frontend macros on govuk/template.njk. It does
 * what such an app does per request: security headers with a fresh CSP nonce,
 * the language from a cookie or `?lang=`, and `res.render` (Express's defaults
 * otherwise, ETag included). It skips what (a) also pays for: a log line per
 * request, session checks and metrics. So a/c flatters c, if anything.
 *
 * Usage: node --import tsx bench/conventional/server.ts
 * Environment: ASSET_PATH (the app's `/assets/<hash>`), PRODUCTION=true|false,
 * PORT (0 for any), DATABASE_URL (the app's database, for the service
 * pages: the court index and the prison list are read from it once, at
 * start), SESSION_SECRET (the app's, for the booking step's CSRF token).
 * Prints `listening <port>` once it is ready.
 */
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AddressInfo } from 'node:net'
import express from 'express'
import nunjucks from 'nunjucks'
import { platformText } from '../../src/platform/i18n/platform.js'
import { isLanguage, type Language } from '../../src/platform/i18n/index.js'
import { openDatabase } from '../../src/platform/db/index.js'
import { withTables } from '../../src/platform/db/index.js'
import { courtIndex } from '../../src/services/courts/store.js'
import { listPrisons } from '../../src/services/prison-visits/repository.js'
import type { PrisonVisitsTables } from '../../src/services/prison-visits/schema.js'
import type { ViewRequest } from './views.js'
import { views } from './views.js'
import { pages } from '../pages.js'

const require = createRequire(import.meta.url)
const govukFrontend = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist')
const production = process.env.PRODUCTION !== 'false'
const assetPath = process.env.ASSET_PATH ?? '/assets'

// Without the app's database (a PGlite run), the service pages have no column c.
let data: ViewRequest['data']
if (process.env.DATABASE_URL) {
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '', poolMax: 1 })
  data = {
    courts: await courtIndex(database.db),
    prisons: await listPrisons(withTables<PrisonVisitsTables>(database.db), { bookableOnly: true }),
    // The app's, so that the booking step's CSRF token is the one (a) gives the same session.
    sessionSecret: process.env.SESSION_SECRET ?? '',
  }
  await database.close()
}

const app = express()
app.disable('x-powered-by')
nunjucks.configure([join(dirname(fileURLToPath(import.meta.url)), 'views'), govukFrontend], {
  autoescape: true,
  express: app,
  noCache: false,
})

const fixedHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'x-permitted-cross-domain-policies': 'none',
  ...(production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains; preload' } : {}),
}

app.use((request, response, next) => {
  const nonce = randomBytes(16).toString('base64')
  response.locals.cspNonce = nonce
  response.set(fixedHeaders)
  response.set(
    'content-security-policy',
    `default-src 'self'; script-src 'self' 'nonce-${nonce}'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'${production ? '; upgrade-insecure-requests' : ''}`,
  )
  const remembered = /(?:^|;\s*)jd_lang=(en|cy)(?:;|$)/.exec(request.headers.cookie ?? '')?.[1]
  const asked = request.query.lang
  response.locals.lang = isLanguage(asked) ? asked : isLanguage(remembered) ? remembered : 'en'
  next()
})

function languageUrl(url: string, lang: Language): string {
  const [path, query = ''] = url.split('?', 2) as [string, string?]
  const params = new URLSearchParams(query)
  params.set('lang', lang)
  return `${path}?${params.toString()}`
}

for (const page of pages) {
  if (!page.conventional) continue
  const view = views[page.conventional]
  if (!view) throw new Error(`bench/pages.ts names conventional view "${page.conventional}", which bench/conventional/views.ts does not have`)
  if (view.needsDatabase && !data) continue
  const path = page.path.split('?')[0] as string
  app.get(path, (request, response) => {
    const lang = response.locals.lang as Language
    const t = platformText(lang)
    const viewRequest: ViewRequest = { lang, production, path: request.path, query: request.query as Record<string, unknown>, cookie: request.headers.cookie ?? '', data }
    const service = view.service?.(viewRequest)
    const context = view.context?.(viewRequest) ?? {}
    // A page with what someone typed, like (a)'s journey pages, is never kept in a cache.
    if (context.noStore) response.set('cache-control', 'no-store')
    response.render(view.template, {
      t,
      lang,
      htmlLang: lang,
      assetPath,
      pageTitle: view.title(viewRequest),
      serviceName: service?.name ?? t.platformName,
      serviceUrl: service?.url ?? '/',
      navigation: service?.navigation,
      englishUrl: languageUrl(request.originalUrl, 'en'),
      welshUrl: languageUrl(request.originalUrl, 'cy'),
      ...context,
    })
  })
}

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))

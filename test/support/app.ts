/**
 * A real app on a real database for integration tests, driven through
 * Fastify's inject(). CSRF protection is on, as in production.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { loadConfig, type Config } from '../../src/config.js'
import { buildApp, type JusticeApp } from '../../src/app.js'
import type { JusticeService } from '../../src/platform/service.js'
import type { LogDestination } from '../../src/platform/http/observability.js'
import { openTestDatabase, type DatabaseKind, type TestDatabase } from './databases.js'

export const REFERENCE_DATA_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'data')

export interface TestApp extends JusticeApp {
  testDatabase: TestDatabase
  close(): Promise<void>
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), 'jd-test-'))
  return loadConfig(
    { NODE_ENV: 'test', DATA_DIR: dataDir, REFERENCE_DATA_DIR, LOG_LEVEL: 'silent' },
    { sessionSecret: 'test-session-secret-that-is-long-enough-0123456789', ...overrides },
  )
}

export async function startTestApp(
  kind: DatabaseKind,
  /** `logTo`: log at info to this destination; without it the app logs nothing. */
  options: { config?: Partial<Config>; services?: readonly JusticeService[]; logTo?: LogDestination } = {},
): Promise<TestApp> {
  const testDatabase = await openTestDatabase(kind)
  const config = testConfig({ databaseUrl: testDatabase.url, ...options.config })
  const logger = options.logTo ? { level: 'info', destination: options.logTo } : false
  const justice = await buildApp(config, { database: testDatabase.database, logger, services: options.services })
  return {
    ...justice,
    testDatabase,
    async close() {
      await justice.app.close()
      await testDatabase.drop()
      await testDatabase.database.close().catch(() => {})
    },
  }
}

/** A browser-like client for inject(): keeps cookies and finds CSRF tokens in pages. */
export class Client {
  readonly cookies = new Map<string, string>()
  constructor(readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse): void {
    for (const c of response.cookies) {
      if (c.maxAge === 0 || c.value === '') this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } })
    this.remember(response)
    return response
  }

  async post(url: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams()
    for (const [k, v] of Object.entries(form)) for (const item of [v].flat()) body.append(k, item)
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), ...headers },
    })
    this.remember(response)
    return response
  }

  /** GETs a page with a form and posts to it with the page's CSRF token. */
  async submit(pageUrl: string, form: Record<string, string | string[]>, action = pageUrl): Promise<LightMyRequestResponse> {
    const page = await this.get(pageUrl)
    return this.post(action, { _csrf: csrfFrom(page.body), ...form })
  }
}

export function csrfFrom(body: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(body)
  if (!match) throw new Error('no CSRF token on the page')
  return match[1] as string
}

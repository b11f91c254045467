/**
 * Configuration comes from the environment, parsed once with zod. In
 * production every value that protects users must be given explicitly; in
 * development the platform makes safe local choices so that
 * `npm install && npm start` needs nothing else.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isAbsolute, join, resolve } from 'node:path'
import { z } from 'zod'

/** The project root: src/config.ts and dist/config.js both sit one level below it. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  BASE_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(500).default(10),
  DATA_DIR: z.string().min(1).default('data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  REFERENCE_DATA_DIR: z.string().min(1).default('../shared/data'),
  IMPORT_ON_START: boolean.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(100 * 1024),
  TRUST_PROXY: boolean.default(false),
  GIT_COMMIT: z.string().optional(),
  CSRF: boolean.default(true),
  SUPPORT_EMAIL: z.email().default('justice-digital-support@justice.gov.uk'),
  STAFF_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(720).default(30),
  STAFF_OIDC_ISSUER: z.url().optional(),
  STAFF_OIDC_CLIENT_ID: z.string().min(1).optional(),
  STAFF_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  NOTIFY_PROVIDER: z.enum(['outbox', 'notify']).default('outbox'),
  NOTIFY_API_KEY: z.string().min(74, 'must be a GOV.UK Notify API key').optional(),
  NOTIFY_BASE_URL: z.url().optional(),
  NOTIFY_EMAIL_TEMPLATE_ID: z.string().min(1).optional(),
  NOTIFY_SMS_TEMPLATE_ID: z.string().min(1).optional(),
  NOTIFY_TEMPLATE_IDS: z.string().optional(),
  NOTIFY_CALLBACK_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  NOTIFY_WORKER: boolean.default(true),
  NOTIFY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  NOTIFY_RETRY_LIMIT: z.coerce.number().int().min(0).max(30).default(10),
  NOTIFY_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
})

export type Environment = z.infer<typeof environmentSchema>

export interface Config {
  env: Environment['NODE_ENV']
  production: boolean
  port: number
  host: string
  baseUrl: string
  /** Absent means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined
  databasePoolMax: number
  dataDir: string
  sessionSecret: string
  referenceDataDir: string
  importOnStart: boolean
  logLevel: Environment['LOG_LEVEL']
  bodyLimit: number
  trustProxy: boolean
  gitCommit: string | undefined
  /** CSRF protection. Only a benchmark of the unprotected ceiling may turn it off; production refuses. */
  csrf: boolean
  /** Shown on the contact page. */
  supportEmail: string
  /** A staff sign-in ends after this long without a request (and after 12 hours in all). */
  staffIdleTimeoutMinutes: number
  /** Staff single sign-on by OpenID Connect, when an issuer is configured. */
  staffSso: { issuer: string; clientId: string; clientSecret: string } | undefined
  /** Email and text messages: see docs/notifications.md. */
  notify: NotifyConfig
}

export interface NotifyConfig {
  provider: 'outbox' | 'notify'
  apiKey: string | undefined
  /** Notify's API; a local stand-in in tests. */
  baseUrl: string | undefined
  /** Generic templates, `((subject))` and `((body))`, used unless a type has its own. */
  emailTemplateId: string | undefined
  smsTemplateId: string | undefined
  /** Per type, channel and language: keys `type:channel:lang`, `type:channel` or `type`. */
  templateIds: Record<string, string>
  callbackToken: string | undefined
  /** Run a sending worker inside the web process. */
  worker: boolean
  retentionDays: number
  timeoutMs: number
  retryLimit: number
  retryDelaySeconds: number
  /** A send in flight longer than this is taken to have died and is retried (after checking Notify). */
  expireSeconds: number
  pollingSeconds: number
  maintenanceSeconds: number
}

export class ConfigError extends Error {}

/** The values production refuses to start without. */
const REQUIRED_IN_PRODUCTION = ['DATABASE_URL', 'SESSION_SECRET', 'BASE_URL'] as const

export function loadConfig(environment: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = environmentSchema.safeParse(environment)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
    throw new ConfigError(`Configuration is not valid:\n${problems}`)
  }
  const e = parsed.data
  const production = e.NODE_ENV === 'production'
  if (production) {
    const missing = REQUIRED_IN_PRODUCTION.filter((name) => !e[name])
    if (missing.length > 0) {
      throw new ConfigError(
        `Production needs these environment variables, which are not set: ${missing.join(', ')}. See the README's configuration section.`,
      )
    }
    if (!e.CSRF) throw new ConfigError('CSRF protection cannot be turned off in production.')
    if (e.NOTIFY_PROVIDER === 'notify' && !e.NOTIFY_API_KEY) throw new ConfigError('NOTIFY_PROVIDER=notify needs NOTIFY_API_KEY.')
  }
  const dataDir = absolute(e.DATA_DIR)
  const port = overrides.port ?? e.PORT
  const config: Config = {
    env: e.NODE_ENV,
    production,
    port,
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    baseUrl: (e.BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    dataDir,
    sessionSecret: e.SESSION_SECRET ?? '',
    referenceDataDir: absolute(e.REFERENCE_DATA_DIR),
    importOnStart: e.IMPORT_ON_START,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    trustProxy: e.TRUST_PROXY,
    gitCommit: e.GIT_COMMIT,
    csrf: e.CSRF,
    supportEmail: e.SUPPORT_EMAIL,
    staffIdleTimeoutMinutes: e.STAFF_IDLE_TIMEOUT_MINUTES,
    staffSso: e.STAFF_OIDC_ISSUER ? { issuer: e.STAFF_OIDC_ISSUER, clientId: e.STAFF_OIDC_CLIENT_ID ?? '', clientSecret: e.STAFF_OIDC_CLIENT_SECRET ?? '' } : undefined,
    notify: {
      provider: e.NOTIFY_PROVIDER,
      apiKey: e.NOTIFY_API_KEY,
      baseUrl: e.NOTIFY_BASE_URL,
      emailTemplateId: e.NOTIFY_EMAIL_TEMPLATE_ID,
      smsTemplateId: e.NOTIFY_SMS_TEMPLATE_ID,
      templateIds: templateIds(e.NOTIFY_TEMPLATE_IDS),
      callbackToken: e.NOTIFY_CALLBACK_TOKEN,
      worker: e.NOTIFY_WORKER,
      retentionDays: e.NOTIFY_RETENTION_DAYS,
      timeoutMs: e.NOTIFY_TIMEOUT_MS,
      retryLimit: e.NOTIFY_RETRY_LIMIT,
      retryDelaySeconds: e.NOTIFY_RETRY_DELAY_SECONDS,
      expireSeconds: 120,
      pollingSeconds: 2,
      maintenanceSeconds: 60,
    },
    ...overrides,
  }
  if (!config.sessionSecret) config.sessionSecret = developmentSessionSecret(config.dataDir)
  return config
}

function templateIds(json: string | undefined): Record<string, string> {
  if (!json) return {}
  const parsed = z.record(z.string(), z.string().min(1)).safeParse((() => {
    try {
      return JSON.parse(json) as unknown
    } catch {
      return undefined
    }
  })())
  if (!parsed.success) throw new ConfigError('NOTIFY_TEMPLATE_IDS must be a JSON object of template ids, e.g. {"journey-save-link:email:cy": "<id>"}.')
  return parsed.data
}

function absolute(path: string): string {
  return isAbsolute(path) ? path : resolve(PROJECT_ROOT, path)
}

/**
 * Outside production the session secret is generated once and kept in the data
 * folder, so sessions survive a restart without anyone choosing a secret.
 */
function developmentSessionSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret + '\n', { mode: 0o600 })
  return secret
}

/** Documentation of every variable, used by the README test to keep the two in step. */
export const ENVIRONMENT_VARIABLES = Object.keys(environmentSchema.shape) as (keyof Environment)[]

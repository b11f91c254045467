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
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
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
    ...overrides,
  }
  if (!config.sessionSecret) config.sessionSecret = developmentSessionSecret(config.dataDir)
  return config
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

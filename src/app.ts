/**
 * buildApp: the platform's plugins in order, then the services. Everything a
 * request needs is set up here; main.ts only listens and shuts down.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import pino from 'pino'
import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import { PROJECT_ROOT, type Config } from './config.js'
import { openDatabase, type Database } from './platform/db/index.js'
import { migrate, platformMigrations } from './platform/db/migrations.js'
import { registerSecurityHeaders } from './platform/http/security.js'
import { registerSessions } from './platform/http/session.js'
import { registerLanguage } from './platform/http/language.js'
import { registerCsrf } from './platform/http/csrf.js'
import { registerErrorHandling } from './platform/http/errors.js'
import { registerPages } from './platform/http/pages.js'
import { loadAssets, registerAssets } from './platform/http/assets.js'
import { LogLines, RequestLogger, registerObservability, requestIds, type LogDestination } from './platform/http/observability.js'
import { registerSite } from './platform/site/index.js'
import { registerOpenApi } from './platform/http/openapi.js'
import { postcodeImporter } from './platform/reference-data/postcodes.js'
import type { ReferenceDataImporter } from './platform/reference-data/index.js'
import type { JusticeService } from './platform/service.js'
import { messageTypes as notifyMessageTypes, notifyMigrations, registerNotify, type MessageType } from './platform/notify/index.js'
import { journeyMigrations, messageTypes as journeyMessageTypes } from './platform/journeys/index.js'
import { kpiMigrations, registerPerformanceDashboard, writeCountedEvents } from './platform/kpi/index.js'
import { auditMigrations } from './platform/audit/index.js'
import { messageTypes as staffMessageTypes, registerStaff, staffMigrations } from './platform/staff/index.js'
import { services as allServices } from './services/index.js'

export interface AppDependencies {
  /** An open database; opened from config when not given. */
  database?: Database
  services?: readonly JusticeService[]
  /** The log level and where lines go (standard output unless given), or false to log nothing (tests). */
  logger?: false | { level?: string; destination?: LogDestination }
}

export interface JusticeApp {
  app: FastifyInstance
  database: Database
  config: Config
  services: readonly JusticeService[]
}

export const VERSION: string = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** Every reference-data importer: the platform's, then each service's. */
export function referenceDataImporters(services: readonly JusticeService[] = allServices): ReferenceDataImporter[] {
  return [postcodeImporter, ...services.flatMap((s) => s.importers ?? [])]
}

export async function migrateAll(database: Database, services: readonly JusticeService[] = allServices): Promise<string[]> {
  return migrate(database.db as never, [...platformMigrations, ...notifyMigrations, ...journeyMigrations, ...kpiMigrations, ...auditMigrations, ...staffMigrations, ...services.flatMap((s) => s.migrations ?? [])])
}

/** Every message type: the platform modules' lists, then each service's. */
export function allMessageTypes(services: readonly JusticeService[] = allServices): MessageType[] {
  return [...notifyMessageTypes, ...journeyMessageTypes, ...staffMessageTypes, ...services.flatMap((s) => s.messageTypes ?? [])]
}

export async function buildApp(config: Config, deps: AppDependencies = {}): Promise<JusticeApp> {
  const services = deps.services ?? allServices
  const database =
    deps.database ??
    (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.databasePoolMax }))
  await migrateAll(database, services)

  // One destination for pino's lines and the access log's (observability.ts), so they reach it in order.
  // Asynchronous, as Fastify's default: a slow reader of standard output must not stall requests.
  const givenDestination = deps.logger === false ? undefined : deps.logger?.destination
  const logDestination: LogLines | undefined =
    deps.logger === false ? undefined : new LogLines(givenDestination ?? pino.destination({ dest: 1, sync: false }))
  const nextRequestId = requestIds()
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : { level: deps.logger?.level ?? config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'], stream: logDestination },
    // A request id from the caller (a load balancer) is kept, so logs join up across systems.
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : nextRequestId()
    },
    childLoggerFactory: (logger, bindings, options) => new RequestLogger(logger, bindings, options) as unknown as FastifyBaseLogger,
    // One line per request, written by our onResponse hook, instead of Fastify's two.
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  })
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    done()
  })
  if (logDestination && !givenDestination) {
    // A crash exits without shutting down: the access lines of its last turn still reach standard output.
    const flushAtExit = () => logDestination.flushSync()
    process.once('exit', flushAtExit)
    app.addHook('onClose', async () => {
      process.removeListener('exit', flushAtExit)
    })
  }

  await app.register(cookie)
  await app.register(formbody, { bodyLimit: config.bodyLimit })
  const assets = loadAssets()
  registerPages(app, assets.path)
  registerErrorHandling(app)
  registerSecurityHeaders(app, { production: config.production })
  registerSessions(app, { secret: config.sessionSecret, production: config.production })
  registerLanguage(app, { production: config.production })
  registerCsrf(app, { enabled: config.csrf })
  const metrics = registerObservability(app, { database, version: VERSION, gitCommit: config.gitCommit, accessLog: logDestination })
  registerAssets(app, assets)
  registerSite(app, { services, supportEmail: config.supportEmail, production: config.production })
  // Before any other module's routes, so its check sees every staff route.
  registerStaff(app, { config, database })
  registerPerformanceDashboard(app, { db: database.db, serviceNames: Object.fromEntries(services.map((s) => [s.id, s.name])) })
  await registerNotify(app, { config, database, messageTypes: allMessageTypes(services), metrics })

  registerOpenApi(app, services.flatMap((s) => (s.openApi ? [s.openApi] : [])), VERSION)
  for (const service of services) {
    await app.register(service.plugin, { config, database })
  }

  app.addHook('onClose', async () => {
    // Counts from requests that finished after the journeys' own preClose write.
    await writeCountedEvents(database.db)
    if (!deps.database) await database.close()
  })
  await app.ready()
  return { app, database, config, services }
}

/**
 * Process entry for the web server: parse config, build the app, import any
 * missing reference data, listen, and shut down gracefully on SIGTERM.
 */
// First, before any other module runs: see the file.
import './platform/tick-shape.js'
import { pathToFileURL } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { ConfigError, loadConfig, type Config } from './config.js'
import { buildApp, referenceDataImporters, type JusticeApp } from './app.js'
import { importMissing } from './platform/reference-data/index.js'
import { firstAdminLink } from './platform/staff/index.js'

// Justice services keep UK time: visit sessions, opening hours and MOJ timeline dates
// are local times in England and Wales, whatever the host's clock zone is.
process.env.TZ ??= 'Europe/London'

export async function serve(config: Config): Promise<JusticeApp> {
  const started = Date.now()
  const justice = await buildApp(config)
  const { app, database } = justice
  app.log.info(`Database: ${database.kind} (${database.location})`)
  if (config.importOnStart) {
    const { missing } = await importMissing(database.db, referenceDataImporters(justice.services), config.referenceDataDir, {
      info: (m) => app.log.info(m),
      warn: (m) => app.log.warn(m),
    })
    if (missing.length > 0) app.log.warn(`Reference data not loaded: ${missing.join(', ')}. Looked in ${config.referenceDataDir}.`)
  }
  for (const service of justice.services) await service.onStart?.({ config, database })
  const adminLink = await firstAdminLink(database, config)
  if (adminLink) process.stdout.write(`\n  No staff accounts yet. Set up the local admin (admin@localhost.test) with this single-use link:\n  ${adminLink}\n`)
  collectStartUpGarbage()
  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = config.production ? config.baseUrl : `http://localhost:${port}`
  app.log.info(`Justice Digital is running at ${url} (started in ${Date.now() - started} ms)`)
  if (!config.production) process.stdout.write(`\n  Justice Digital is running at ${url}\n\n`)
  return justice
}

/**
 * Starting leaves tens of megabytes of garbage on the heap (migrations, the
 * reference data check, building the court index). V8 would collect it only
 * when the heap next fills, so under load the process would carry it on top
 * of its working set. One full collection before serving starts the heap at
 * its real size. `gc` is exposed for this one call, in a throwaway context.
 * Node documents flags set after start-up as unsupported; this one only adds
 * the `gc` function (to contexts created from now on, which we do not make
 * elsewhere), and if it ever stops working the call is skipped. It would also
 * free the shapes of Node's nextTick records, which V8 needs to make them
 * fast; platform/tick-shape.ts, imported first, keeps one record alive.
 */
function collectStartUpGarbage(): void {
  try {
    setFlagsFromString('--expose-gc')
    ;(runInNewContext('gc') as () => void)()
  } catch {
    // Not available: V8 collects the garbage later, as it would have anyway.
  }
}

/** Stops taking new connections, finishes requests in flight, closes the database, then exits. */
export function shutDownOn(signals: NodeJS.Signals[], justice: JusticeApp): void {
  let closing = false
  for (const signal of signals) {
    process.on(signal, () => {
      if (closing) return
      closing = true
      justice.app.log.info(`${signal} received: finishing requests in flight, then stopping`)
      const force = setTimeout(() => {
        justice.app.log.error('Requests did not finish within 25 s; stopping anyway')
        process.exit(1)
      }, 25_000)
      force.unref()
      justice.app
        .close()
        .then(() => {
          justice.app.log.info('Stopped cleanly')
          // The logger writes asynchronously; flush it so the last lines are not lost at exit.
          const log = justice.app.log as unknown as { flush?: (done: () => void) => void }
          if (log.flush) log.flush(() => process.exit(0))
          else process.exit(0)
        })
        .catch((error: unknown) => {
          justice.app.log.error({ err: error }, 'Error while stopping')
          process.exit(1)
        })
    })
  }
}

export async function main(): Promise<void> {
  let config: Config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(1)
    }
    throw error
  }
  const justice = await serve(config)
  shutDownOn(['SIGTERM', 'SIGINT'], justice)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`Justice Digital could not start: ${(error as Error).stack ?? String(error)}\n`)
    process.exit(1)
  })
}

/**
 * The `justice` command: serve, migrate, import reference data.
 *
 *   justice serve                      start the web server (npm start also caps the heap: see docs/operations.md)
 *   justice migrate                    run database migrations
 *   justice import <kind> [dir]        import reference data (postcodes, courts, prisons, ...)
 *   justice import all [dir]           import every kind from REFERENCE_DATA_DIR or dir
 *   justice worker [--drain]           send email and text messages (several may run at once)
 *   justice outbox [n]                 print the latest n messages (default 20)
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ConfigError, loadConfig, type Config } from './config.js'
import { migrateAll, referenceDataImporters } from './app.js'
import { openDatabase, type Database } from './platform/db/index.js'
import { formatCounts, inDependencyOrder, runImport } from './platform/reference-data/index.js'
import { main as serveMain } from './main.js'
import { printOutbox, runWorker } from './platform/notify/cli.js'
import { runAuditCommand } from './platform/audit/index.js'
import { runStaffCommand } from './platform/staff/index.js'

// Justice services keep UK time: visit sessions, opening hours and MOJ timeline dates
// are local times in England and Wales, whatever the host's clock zone is.
process.env.TZ ??= 'Europe/London'

const USAGE = `Usage: justice <command>

Commands:
  serve                    Start the web server (migrates and imports missing reference data first)
  migrate                  Run database migrations
  import <kind> [dir]      Import reference data of one kind (${'${kinds}'}) from dir,
                           default REFERENCE_DATA_DIR/<kind>
  import all [dir]         Import every kind from dir, default REFERENCE_DATA_DIR
  worker [--drain]         Send email and text messages; --drain stops when none are waiting
  outbox [n]               Print the latest n messages (default 20)
  staff create-admin --email x   Create a platform admin and print a single-use set-up link
  audit verify             Check the audit trail's hash chain; exit code 2 if it was tampered with
  help                     Show this help
`

async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 2 })
  try {
    await migrateAll(database)
    return await fn(database)
  } finally {
    await database.close()
  }
}

export async function run(argv: string[], out: (line: string) => void = (l) => process.stdout.write(l + '\n')): Promise<number> {
  const [command, ...args] = argv
  const importers = referenceDataImporters()
  const usage = USAGE.replace('${kinds}', importers.map((i) => i.kind).join(', '))
  if (!command || command === 'help' || command === '--help') {
    out(usage)
    return command ? 0 : 1
  }
  if (command === 'serve') {
    await serveMain()
    return -1 // keeps running
  }
  const config = loadConfig()
  switch (command) {
    case 'staff':
      return withDatabase(config, (database) => runStaffCommand(args, database, config, out))
    case 'audit':
      return withDatabase(config, (database) => runAuditCommand(args, database.db, out))
    case 'migrate': {
      const ran = await withDatabase(config, async () => [])
      out(`Database is up to date${ran.length ? ` (${ran.length} migrations run)` : ''}.`)
      return 0
    }
    case 'import': {
      const [kind, dirArg] = args
      if (!kind) {
        out(usage)
        return 1
      }
      const chosen = kind === 'all' ? inDependencyOrder(importers) : importers.filter((i) => i.kind === kind)
      if (chosen.length === 0) {
        out(`There is no importer for "${kind}". Known kinds: ${importers.map((i) => i.kind).join(', ')}.`)
        return 1
      }
      return withDatabase(config, async (database) => {
        for (const importer of chosen) {
          const dir = kind === 'all' ? join(dirArg ?? config.referenceDataDir, importer.folder) : (dirArg ?? join(config.referenceDataDir, importer.folder))
          const started = Date.now()
          const summary = await runImport(database.db, importer, dir, { info: out, warn: (m) => out(`warning: ${m}`) })
          out(`Imported ${importer.kind} from ${dir} in ${Date.now() - started} ms: ${formatCounts(summary.counts)}.`)
          if (summary.problems.length > 0) {
            out(`${summary.problems.length} rows had faults and were kept or skipped as noted:`)
            for (const p of summary.problems) out(`  - ${p}`)
          }
        }
        return 0
      })
    }
    case 'worker':
      await withDatabase(config, (database) => runWorker(config, database, { drain: args.includes('--drain'), out }))
      return 0
    case 'outbox':
      await withDatabase(config, (database) => printOutbox(database, Number.parseInt(args[0] ?? '20', 10) || 20, out))
      return 0
    default:
      out(`Unknown command "${command}".\n\n${usage}`)
      return 1
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run(process.argv.slice(2))
    .then((code) => {
      if (code >= 0) process.exit(code)
    })
    .catch((error: unknown) => {
      if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`)
      else process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
      process.exit(1)
    })
}

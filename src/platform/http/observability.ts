/**
 * /ping, /health, /info and /metrics, plus one log line per request.
 */
import { readFileSync, existsSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import pino from 'pino'
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { PROJECT_ROOT } from '../../config.js'
import type { Database } from '../db/index.js'

export interface HealthCheck {
  name: string
  check(): Promise<void>
}

/** Where log lines go: the logger's own destination (pino's sonic-boom on standard output), or a test's stream. */
export interface LogDestination {
  write(line: string): unknown
}

/** pino's numbers for its levels; `silent` has none, so it shows nothing. */
const LEVELS: Record<string, number | undefined> = pino.levels.values
const INFO = pino.levels.values.info as number
const WARN = pino.levels.values.warn as number

/**
 * The access log's line, in the shape pino writes (level, time, pid,
 * hostname, request id, fields, message), so the log reads as one stream.
 * Built directly rather than through pino: a line through the request's
 * child logger cost about 95,000 instructions a request under callgrind,
 * two thirds of all that Fastify and node:http spend on a page (decision
 * 002, "The access log"); this line costs a few thousand.
 */
export function accessLine(fields: { level: number; time: number; pid: number; hostname: string; requestId: string; method: string; route: string; status: number; ms: number }): string {
  return `{"level":${fields.level},"time":${fields.time},"pid":${fields.pid},"hostname":${JSON.stringify(fields.hostname)},"requestId":${JSON.stringify(fields.requestId)},"method":${JSON.stringify(fields.method)},"route":${JSON.stringify(fields.route)},"status":${fields.status},"ms":${fields.ms},"msg":"request answered"}\n`
}

export function registerObservability(
  app: FastifyInstance,
  options: { database: Database; version: string; gitCommit: string | undefined; checks?: HealthCheck[]; accessLog?: LogDestination },
): Registry {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const durations = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by route and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })

  const { accessLog } = options
  const host = hostname()
  app.addHook('onResponse', (request, reply, done) => {
    // The route pattern, not the URL, so that metrics have few label values.
    const route = request.routeOptions.url ?? 'unmatched'
    const status = reply.statusCode
    durations.observe({ method: request.method, route, status_code: status }, reply.elapsedTime / 1000)
    // The route pattern, not the URL: URLs carry single-use tokens (staff set-up,
    // password reset, manage-a-visit and save-and-return links) that must never
    // reach the logs.
    const level = status >= 500 ? WARN : INFO
    if (accessLog && (LEVELS[app.log.level] ?? Infinity) <= level) {
      accessLog.write(
        accessLine({ level, time: Date.now(), pid: process.pid, hostname: host, requestId: request.id, method: request.method, route, status, ms: Math.round(reply.elapsedTime * 10) / 10 }),
      )
    }
    done()
  })

  app.get('/ping', (_request, reply) => reply.type('text/plain; charset=utf-8').send('pong'))

  const checks: HealthCheck[] = [{ name: 'database', check: () => options.database.ping(2000) }, ...(options.checks ?? [])]
  app.get('/health', async (_request, reply) => {
    const results: Record<string, string> = {}
    let ok = true
    await Promise.all(
      checks.map(async (c) => {
        try {
          await c.check()
          results[c.name] = 'ok'
        } catch (error) {
          ok = false
          results[c.name] = `error: ${(error as Error).message || 'unavailable'}`
        }
      }),
    )
    reply.header('cache-control', 'no-store')
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'error', checks: results })
  })

  const commit = options.gitCommit ?? readGitCommit()
  app.get('/info', (_request, reply) => {
    reply.header('cache-control', 'no-store')
    return reply.send({ name: 'justice-digital', version: options.version, commit: commit ?? 'unknown', node: process.version })
  })

  app.get('/metrics', async (_request, reply) => {
    reply.type(registry.contentType)
    return registry.metrics()
  })
  return registry
}

/** The commit from .git, without running git (it may not be installed where we run). */
function readGitCommit(): string | undefined {
  try {
    const gitDir = join(PROJECT_ROOT, '.git')
    if (!existsSync(gitDir)) return undefined
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim()
    if (!head.startsWith('ref: ')) return head
    const ref = head.slice(5)
    const loose = join(gitDir, ref)
    if (existsSync(loose)) return readFileSync(loose, 'utf8').trim()
    const packed = join(gitDir, 'packed-refs')
    if (existsSync(packed)) {
      const line = readFileSync(packed, 'utf8').split('\n').find((l) => l.endsWith(' ' + ref))
      return line?.split(' ')[0]
    }
  } catch {
    // No commit to report is not an error.
  }
  return undefined
}

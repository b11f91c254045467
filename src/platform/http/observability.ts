/**
 * /ping, /health, /info and /metrics, plus one log line per request.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync, existsSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import pino, { type Bindings, type ChildLoggerOptions } from 'pino'
import { Registry, collectDefaultMetrics, type Metric } from 'prom-client'
import { PROJECT_ROOT } from '../../config.js'
import type { Database } from '../db/index.js'

export interface HealthCheck {
  name: string
  check(): Promise<void>
}

/** Where log lines go: the logger's own destination (pino's sonic-boom on standard output), or a test's stream. */
export interface LogDestination {
  write(text: string): unknown
  flush?(done?: (error?: Error) => void): void
  flushSync?(): void
}

/**
 * pino's lines and the access log's, to one destination, in the order they
 * were written. pino's (a few an hour) go straight through; the access log's
 * line, one per request, waits for the end of this turn of the event loop and
 * goes with that turn's other requests' lines in one write. Line by line cost
 * 5 to 8 µs a request in the bench: sonic-boom measures its whole unsent
 * buffer on every write, so under load, with a write in flight, each line
 * paid for the lines queued before it (decision 002, "The access log").
 */
export class LogLines implements LogDestination {
  #pending = ''
  #waiting = false
  readonly #drainLater = (): void => {
    this.#waiting = false
    this.#drain()
  }

  constructor(readonly destination: LogDestination) {}

  /** pino's lines: after any access lines before them, at once. */
  write(line: string): unknown {
    this.#drain()
    return this.destination.write(line)
  }

  /** An access line: with the rest of this turn's. */
  append(line: string): void {
    this.#pending += line
    if (!this.#waiting) {
      this.#waiting = true
      setImmediate(this.#drainLater)
    }
  }

  /** pino calls this (logger.flush) before the process exits: nothing waiting may be lost. */
  flush(done?: (error?: Error) => void): void {
    this.#drain()
    if (this.destination.flush) this.destination.flush(done)
    else done?.()
  }

  /** At exit, a crash's too: what waits, written before the process goes. */
  flushSync(): void {
    this.#drain()
    try {
      this.destination.flushSync?.()
    } catch {
      // Exiting, with nowhere left to say so: the lines are with the destination, as far as they can go.
    }
  }

  #drain(): void {
    if (this.#pending === '') return
    const text = this.#pending
    this.#pending = ''
    this.destination.write(text)
  }
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
 * 002, "The access log"). What stays the same is made once: the process's
 * part here, and a route's part (`"method":…,"route":…,"status":…`) with its
 * duration series (`DurationSeries.logFields`).
 */
export function accessLines(pid: number, hostname: string): (level: number, time: number, requestId: string, logFields: string, ms: number) => string {
  const processPart = `,"pid":${pid},"hostname":${JSON.stringify(hostname)},"requestId":`
  return (level, time, requestId, logFields, ms) =>
    `{"level":${level},"time":${time}${processPart}${JSON.stringify(requestId)},${logFields},"ms":${ms},"msg":"request answered"}\n`
}

/**
 * Ids for requests that arrive without one: this process's random part and
 * a count. Unique across processes and restarts, as a UUID is, without
 * building a UUID's 36 characters on every request. The count shows how many
 * requests a process has answered, which the performance dashboard publishes
 * anyway.
 */
export function requestIds(): () => string {
  const processPart = randomBytes(9).toString('base64url')
  let count = 0
  return () => `${processPart}-${(++count).toString(36)}`
}

type LogMethod = (...args: unknown[]) => void

/**
 * `request.log`, which becomes pino's child logger, bound to the request id,
 * only when something on the request logs. Most requests log nothing but the
 * access line, written apart; Fastify's child for every request cost about
 * 4,900 instructions under callgrind.
 */
export class RequestLogger {
  #child: FastifyBaseLogger | undefined

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly childBindings: Bindings,
    private readonly childOptions: ChildLoggerOptions,
  ) {}

  get logger(): FastifyBaseLogger {
    return (this.#child ??= this.parent.child(this.childBindings, this.childOptions))
  }
  get level(): string {
    return this.logger.level
  }
  set level(level: string) {
    this.logger.level = level
  }
  fatal(...args: unknown[]): void {
    ;(this.logger.fatal as LogMethod).apply(this.logger, args)
  }
  error(...args: unknown[]): void {
    ;(this.logger.error as LogMethod).apply(this.logger, args)
  }
  warn(...args: unknown[]): void {
    ;(this.logger.warn as LogMethod).apply(this.logger, args)
  }
  info(...args: unknown[]): void {
    ;(this.logger.info as LogMethod).apply(this.logger, args)
  }
  debug(...args: unknown[]): void {
    ;(this.logger.debug as LogMethod).apply(this.logger, args)
  }
  trace(...args: unknown[]): void {
    ;(this.logger.trace as LogMethod).apply(this.logger, args)
  }
  silent(): void {}
  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.logger.child(bindings, options)
  }
  // The rest of pino's logger, for any plugin that asks.
  isLevelEnabled(level: string): boolean {
    return (this.logger as unknown as pino.Logger).isLevelEnabled(level)
  }
  bindings(): Bindings {
    return (this.logger as unknown as pino.Logger).bindings()
  }
  flush(callback?: (error?: Error) => void): void {
    ;(this.logger as unknown as pino.Logger).flush(callback)
  }
  get msgPrefix(): string | undefined {
    return (this.logger as unknown as pino.Logger).msgPrefix
  }
}

const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

/** Methods keyed by number with the status; any other method (a made-up one) by a string. */
const METHODS = ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']

/** One line of a metric's export, as prom-client's registry prints it. */
interface MetricLine {
  labels: Record<string, string | number>
  value: number
  metricName: string
}

interface DurationSeries {
  labels: { method: string; route: string; status_code: number }
  /** The access line's part for this series: `"method":…,"route":…,"status":…`. */
  logFields: string
  /** Observations per bucket (not cumulative); the last counts those above every bound. */
  counts: number[]
  sum: number
}

/**
 * Time to answer requests, by method, route and status: a Prometheus
 * histogram, exported through prom-client's registry in the shape its own
 * Histogram gives. prom-client's Histogram validates and hashes the label set
 * on every observation, which cost 4 to 6 µs a request in the bench; this one
 * finds the series by route, method and status and adds one to a bucket.
 */
export class RequestDurations {
  readonly name = 'http_request_duration_seconds'
  readonly help = 'Time to answer HTTP requests, by route and status'
  readonly type = 'histogram'
  readonly aggregator = 'sum'
  #series = new Map<string, Map<number | string, DurationSeries>>()
  /** Every series, in the order first seen, as prom-client exports them. */
  #all: DurationSeries[] = []

  /** Counts one answer, and returns its series. */
  observe(method: string, route: string, status: number, seconds: number): DurationSeries {
    // By route, then method and status: a route's pattern is one string for the life of the process,
    // whose hash V8 keeps, where a key joined from the three was a new string to hash on every request.
    let byRoute = this.#series.get(route)
    if (!byRoute) this.#series.set(route, (byRoute = new Map()))
    const known = METHODS.indexOf(method)
    const key = known === -1 ? `${status} ${method}` : status * 16 + known
    let series = byRoute.get(key)
    if (!series) {
      series = {
        labels: { method, route, status_code: status },
        logFields: `"method":${JSON.stringify(method)},"route":${JSON.stringify(route)},"status":${status}`,
        counts: new Array<number>(DURATION_BUCKETS.length + 1).fill(0),
        sum: 0,
      }
      byRoute.set(key, series)
      this.#all.push(series)
    }
    let bucket = 0
    while (bucket < DURATION_BUCKETS.length && seconds > (DURATION_BUCKETS[bucket] as number)) bucket++
    ;(series.counts[bucket] as number)++
    series.sum += seconds
    return series
  }

  /** What the registry asks every metric for when /metrics is read. */
  get(): { name: string; help: string; type: string; aggregator: string; values: MetricLine[] } {
    const values: MetricLine[] = []
    for (const { labels, counts, sum } of this.#all) {
      let cumulative = 0
      DURATION_BUCKETS.forEach((le, i) => {
        cumulative += counts[i] as number
        values.push({ labels: { le, ...labels }, value: cumulative, metricName: `${this.name}_bucket` })
      })
      cumulative += counts[DURATION_BUCKETS.length] as number
      values.push({ labels: { le: '+Inf', ...labels }, value: cumulative, metricName: `${this.name}_bucket` })
      values.push({ labels, value: sum, metricName: `${this.name}_sum` })
      values.push({ labels, value: cumulative, metricName: `${this.name}_count` })
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values }
  }

  reset(): void {
    this.#series.clear()
    this.#all = []
  }
}

export function registerObservability(
  app: FastifyInstance,
  options: { database: Database; version: string; gitCommit: string | undefined; checks?: HealthCheck[]; accessLog?: LogLines },
): Registry {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const durations = new RequestDurations()
  registry.registerMetric(durations as unknown as Metric)

  const { accessLog } = options
  const line = accessLines(process.pid, hostname())
  app.addHook('onResponse', (request, reply, done) => {
    // The route pattern, not the URL, so that metrics have few label values.
    const route = request.routeOptions.url ?? 'unmatched'
    const status = reply.statusCode
    const ms = reply.elapsedTime
    const series = durations.observe(request.method, route, status, ms / 1000)
    // The route pattern, not the URL: URLs carry single-use tokens (staff set-up,
    // password reset, manage-a-visit and save-and-return links) that must never
    // reach the logs.
    const level = status >= 500 ? WARN : INFO
    if (accessLog && (LEVELS[app.log.level] ?? Infinity) <= level) {
      accessLog.append(line(level, Date.now(), request.id, series.logFields, Math.round(ms * 10) / 10))
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

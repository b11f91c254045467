import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Histogram, Registry, type Metric } from 'prom-client'
import { LogLines, RequestDurations } from './observability.js'

test('request durations export exactly what prom-client\'s own Histogram exports for the same observations', async () => {
  const theirs = new Registry()
  const histogram = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by route and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [theirs],
  })
  const ours = new Registry()
  const durations = new RequestDurations()
  ours.registerMetric(durations as unknown as Metric)
  // On a bound, below the first, above the last, and several series.
  const observations: [string, string, number, number][] = [
    ['GET', '/', 200, 0.001],
    ['GET', '/', 200, 0.0004],
    ['GET', '/', 200, 0.0011],
    ['GET', '/', 200, 7],
    ['POST', '/courts/search', 303, 0.05],
    ['GET', 'unmatched', 404, 2.5],
    ['GET', '/', 500, 0.3],
  ]
  for (const [method, route, status, seconds] of observations) {
    histogram.observe({ method, route, status_code: status }, seconds)
    durations.observe(method, route, status, seconds)
  }
  assert.equal(await ours.metrics(), await theirs.metrics())
  durations.reset()
  histogram.reset()
  assert.equal(await ours.metrics(), await theirs.metrics())
})

test('log lines: pino\'s go at once, after the access lines before them; access lines go together at the end of the turn', async () => {
  const written: string[] = []
  const lines = new LogLines({ write: (text) => written.push(text) })
  lines.append('a1\n')
  lines.append('a2\n')
  assert.deepEqual(written, [], 'access lines wait for the end of the turn')
  lines.write('pino\n')
  assert.deepEqual(written, ['a1\na2\n', 'pino\n'], 'in the order they were written')
  lines.append('a3\n')
  lines.append('a4\n')
  await new Promise((resolve) => setImmediate(resolve))
  assert.deepEqual(written, ['a1\na2\n', 'pino\n', 'a3\na4\n'], 'one write for the turn')
  lines.append('a5\n')
  let flushed = false
  lines.flush(() => (flushed = true))
  assert.deepEqual(written.at(-1), 'a5\n', 'flushing writes what waits')
  assert.ok(flushed)
})

test('log lines at exit: what waits is written, and the destination is flushed synchronously', () => {
  const written: string[] = []
  let flushedSync = 0
  const lines = new LogLines({ write: (text) => written.push(text), flushSync: () => flushedSync++ })
  lines.append('a1\n')
  lines.flushSync()
  assert.deepEqual(written, ['a1\n'])
  assert.equal(flushedSync, 1)
  // A destination that cannot flush (not ready, or gone) does not turn an exit into a second error.
  const broken = new LogLines({ write: () => true, flushSync: () => { throw new Error('not ready') } })
  broken.append('x\n')
  assert.doesNotThrow(() => broken.flushSync())
})

test('request.log: a pino child, bound to the request id, made only when something logs', async () => {
  const { RequestLogger } = await import('./observability.js')
  const { default: pino } = await import('pino')
  const lines: string[] = []
  const parent = pino({ level: 'info' }, { write: (line: string) => lines.push(line) })
  let children = 0
  const counting = Object.assign(Object.create(parent) as typeof parent, {
    child: (...args: Parameters<typeof parent.child>) => {
      children++
      return parent.child(...args)
    },
  })
  const quiet = new RequestLogger(counting, { requestId: 'r-1' }, {})
  assert.equal(children, 0, 'nothing logged, no child')
  void quiet
  const log = new RequestLogger(counting, { requestId: 'r-2' }, {})
  log.warn({ field: 'x' }, 'something to say')
  log.info('and more')
  assert.equal(children, 1, 'one child for the request, however much it logs')
  assert.deepEqual(lines.map((l) => [JSON.parse(l).requestId, JSON.parse(l).msg]), [['r-2', 'something to say'], ['r-2', 'and more']])
  assert.equal(log.isLevelEnabled('debug'), false)
  assert.deepEqual(log.bindings(), { requestId: 'r-2' })
  assert.equal(log.level, 'info')
})

/**
 * The load generator's process when autocannon drives the load: forked by
 * bench/run.ts, it takes one job at a time over IPC and answers with the
 * figures. Keeping it in its own process means the load it makes does not
 * compete with the orchestrator, and its CPU is never counted as the server's.
 */
import autocannon from 'autocannon'
import type { LoadJob, LoadResult } from './loaders.js'

process.on('message', (job: LoadJob) => {
  autocannon({ url: job.url, connections: job.connections, duration: job.seconds, headers: job.headers, timeout: 10 })
    .then((r) => {
      const result: LoadResult = {
        requests: r.requests.total,
        seconds: r.duration,
        rps: r.requests.total / r.duration,
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
      }
      process.send?.({ id: job.id, result })
    })
    .catch((error: unknown) => process.send?.({ id: job.id, error: String(error) }))
})
process.send?.({ ready: true })

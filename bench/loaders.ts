/**
 * The two ways bench/run.ts makes load, both in a process of their own: wrk
 * (a C program, when installed: it needs less CPU per request, so on a small
 * machine it leaves more for the server) or autocannon in bench/load.ts.
 */
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { moveToCore, onCore } from './cpus.js'

export interface LoadJob {
  id: number
  url: string
  connections: number
  /** Whole seconds: wrk takes no fractions. */
  seconds: number
  headers: Record<string, string>
}

export interface LoadResult {
  requests: number
  seconds: number
  rps: number
  p50Ms: number
  p99Ms: number
  /** Connection errors and timeouts. */
  errors: number
  /** Answers whose status was not 2xx (wrk: not 2xx or 3xx). */
  non2xx: number
}

export interface LoadGenerator {
  name: string
  run(job: Omit<LoadJob, 'id'>): Promise<LoadResult>
  close(): void
}

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url))

export function wrkInstalled(): boolean {
  // `wrk --version` prints its version and exits 1; not being found is ENOENT.
  const probe = spawnSync('wrk', ['--version'], { encoding: 'utf8' })
  return !probe.error && probe.stdout.startsWith('wrk')
}

/** wrk, on `core` when given (bench/cpus.ts). */
export function wrkGenerator(core?: number): LoadGenerator {
  const running = new Set<ChildProcess>()
  return {
    name: 'wrk',
    run(job) {
      const args = ['-t1', `-c${job.connections}`, `-d${job.seconds}s`, '--timeout', '10s', '-s', here('./wrk-report.lua')]
      for (const [name, value] of Object.entries(job.headers)) args.push('-H', `${name}: ${value}`)
      args.push(job.url)
      return new Promise((resolve, reject) => {
        const [command, commandArgs] = onCore(core, 'wrk', args)
        const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] })
        running.add(child)
        let out = ''
        let err = ''
        child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
        child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d))
        child.on('error', reject)
        child.on('close', (code) => {
          running.delete(child)
          const line = out.split('\n').find((l) => l.startsWith('{"requests"'))
          if (code !== 0 || !line) {
            reject(new Error(`wrk failed (exit ${code}): ${err || out}`))
            return
          }
          const r = JSON.parse(line) as Record<'requests' | 'duration_us' | 'p50_us' | 'p99_us' | 'connect' | 'read' | 'write' | 'status' | 'timeout', number>
          const seconds = r.duration_us / 1e6
          resolve({
            requests: r.requests,
            seconds,
            rps: r.requests / seconds,
            p50Ms: r.p50_us / 1000,
            p99Ms: r.p99_us / 1000,
            errors: r.connect + r.read + r.write + r.timeout,
            non2xx: r.status,
          })
        })
      })
    },
    close() {
      for (const child of running) child.kill()
    },
  }
}

/** Starts bench/load.ts, on `core` when given (bench/cpus.ts), and waits until it is ready for jobs. */
export async function autocannonGenerator(core?: number): Promise<LoadGenerator> {
  const worker = fork(here('./load.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  moveToCore(worker.pid, core)
  const waiting = new Map<number, { resolve(r: LoadResult): void; reject(e: Error): void }>()
  let nextId = 1
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`bench/load.ts exited (${code}) before it was ready`)))
    worker.on('message', (message: { ready?: true; id?: number; result?: LoadResult; error?: string }) => {
      if (message.ready) {
        resolve()
        return
      }
      const job = waiting.get(message.id ?? -1)
      if (!job) return
      waiting.delete(message.id as number)
      if (message.result) job.resolve(message.result)
      else job.reject(new Error(message.error ?? 'load worker failed'))
    })
  })
  worker.removeAllListeners('exit')
  moveToCore(worker.pid, core)
  worker.on('exit', (code) => {
    for (const job of waiting.values()) job.reject(new Error(`bench/load.ts exited (${code})`))
    waiting.clear()
  })
  return {
    name: 'autocannon',
    run(job) {
      const id = nextId++
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        worker.send({ ...job, id } satisfies LoadJob)
      })
    },
    close() {
      worker.kill()
    },
  }
}

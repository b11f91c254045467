/**
 * Where the bench's processes run, with `--pin`: each server measured (a, b,
 * c) on one core, every thread of it, and the load generator on another, as
 * a client and a server would be on separate machines. Off by default
 * (bench/README.md, "Cores"): pinned, a/b on the court page was steadier and
 * higher in side-by-side rounds, but the app's own helper threads then share
 * its one core with it, and its p99 latency rose to 100–300 ms.
 */
import { spawnSync } from 'node:child_process'
import { availableParallelism } from 'node:os'

export interface Cores {
  /** The core each server measured runs on. */
  server: number
  /** The core the load generator runs on. */
  load: number
}

/** The cores to pin to, or undefined when pinning is off, there are fewer than two cores, or taskset is missing. */
export function chooseCores(wanted: boolean): Cores | undefined {
  if (!wanted || availableParallelism() < 2) return undefined
  const probe = spawnSync('taskset', ['-c', '0', 'true'])
  if (probe.error || probe.status !== 0) return undefined
  return { server: 1, load: 0 }
}

/** A command run on one core: `taskset -c N command args…`. */
export function onCore(core: number | undefined, command: string, args: string[]): [string, string[]] {
  return core === undefined ? [command, args] : ['taskset', ['-c', String(core), command, ...args]]
}

/**
 * Moves a running process, every thread of it, to one core. Threads it
 * starts later take their creator's core; call again once it is ready, for
 * any thread started meanwhile.
 */
export function moveToCore(pid: number | undefined, core: number | undefined): void {
  if (pid === undefined || core === undefined) return
  spawnSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' })
}

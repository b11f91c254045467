/**
 * Where the bench's processes run. On a machine with two or more cores, each
 * server measured (a, b, c) runs on one core and the load generator on
 * another, as a client and a server would on separate machines. Left to the
 * scheduler on a two-core machine, the load generator and the server being
 * measured can share a core for stretches, and the app lost far more to that
 * than b: on the court page, a/b was 0.21 to 0.37 unpinned, and 0.41 to 0.43
 * in three of four pinned rounds (bench/README.md, "Cores"). `--no-pin`
 * leaves placement to the scheduler.
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

/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went:
 * self time by function, self time by package or area, and inclusive time of
 * our own functions. bench/run.ts --profile uses it on the app under load;
 * it also runs alone:
 *
 *   node --import tsx bench/profile.ts <file.cpuprofile> [--top=25]
 */
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
  columnNumber: number
}
interface ProfileNode {
  id: number
  callFrame: CallFrame
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

export interface ProfileLine {
  name: string
  where: string
  ms: number
  /** Share of busy (not idle) time. */
  share: number
  /** For native code, which tells nothing by its own name: the JavaScript function that called it most. */
  calledFrom?: string
}

export interface ProfileSummary {
  /** Milliseconds of samples in the window, idle included. */
  windowMs: number
  busyMs: number
  idleMs: number
  topSelf: ProfileLine[]
  byArea: ProfileLine[]
  /** Time with the package or area anywhere on the stack: what it costs with all it calls. */
  byAreaInclusive: ProfileLine[]
  /** Our own code (dist/ or src/), by inclusive time: what each function costs with all it calls. */
  ownInclusive: ProfileLine[]
}

/** `node_modules/pino/lib/proto.js` -> `pino`, `file:///…/dist/platform/http/session.js` -> `app platform/http`. */
export function area(frame: CallFrame): string {
  const { url, functionName } = frame
  if (!url) {
    if (functionName.startsWith('(')) return functionName
    return '(native)'
  }
  const modules = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)
  if (modules) return modules[1] as string
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').replace(/\/.*$/, '')
  const own = /\/(?:dist|src)\/(.*)\/[^/]+$/.exec(url)
  if (own) return `app ${own[1]}`
  return url
}

function where(frame: CallFrame): string {
  const { url, lineNumber } = frame
  if (!url) return ''
  const short = url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/(dist|src)\//, '$1/')
  return `${short}:${lineNumber + 1}`
}

function isOwn(frame: CallFrame): boolean {
  return /\/(dist|src)\//.test(frame.url) && !frame.url.includes('/node_modules/')
}

/**
 * Summarises the samples taken at or after `fromUs` (profile clock, in
 * microseconds), so that start-up can be left out.
 */
export function summariseProfile(profile: CpuProfile, options: { fromUs?: number; top?: number } = {}): ProfileSummary {
  const top = options.top ?? 25
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)

  const self = new Map<string, { frame: CallFrame; us: number; callers: Map<string, number> }>()
  const areas = new Map<string, number>()
  const areasInclusive = new Map<string, number>()
  const inclusive = new Map<string, { frame: CallFrame; us: number }>()
  let windowUs = 0
  let idleUs = 0
  let t = profile.startTime
  const from = options.fromUs ?? -Infinity
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0
    if (t < from) continue
    // A sample stands for the time until the next one.
    const us = profile.timeDeltas[i + 1] ?? 0
    const node = byId.get(profile.samples[i] as number)
    if (!node) continue
    windowUs += us
    const frame = node.callFrame
    if (frame.functionName === '(idle)') {
      idleUs += us
      continue
    }
    const key = `${frame.functionName || '(anonymous)'} ${where(frame)}`
    const s = self.get(key) ?? { frame, us: 0, callers: new Map<string, number>() }
    s.us += us
    self.set(key, s)
    if (!frame.url) {
      let id = parent.get(node.id)
      while (id !== undefined && !(byId.get(id) as ProfileNode).callFrame.url) id = parent.get(id)
      if (id !== undefined) {
        const f = (byId.get(id) as ProfileNode).callFrame
        const k = `${f.functionName || '(anonymous)'} (${where(f)})`
        s.callers.set(k, (s.callers.get(k) ?? 0) + us)
      }
    }
    const a = area(frame)
    areas.set(a, (areas.get(a) ?? 0) + us)
    // Inclusive time of our own functions: count each function once per sample.
    const seen = new Set<string>()
    const seenAreas = new Set<string>()
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const f = (byId.get(id) as ProfileNode).callFrame
      const fa = f.url ? area(f) : undefined
      if (fa && !seenAreas.has(fa)) {
        seenAreas.add(fa)
        areasInclusive.set(fa, (areasInclusive.get(fa) ?? 0) + us)
      }
      if (!isOwn(f)) continue
      const k = `${f.functionName || '(anonymous)'} ${where(f)}`
      if (seen.has(k)) continue
      seen.add(k)
      const e = inclusive.get(k) ?? { frame: f, us: 0 }
      e.us += us
      inclusive.set(k, e)
    }
  }
  const busyUs = windowUs - idleUs
  const line = (name: string, whereText: string, us: number): ProfileLine => ({
    name,
    where: whereText,
    ms: us / 1000,
    share: busyUs > 0 ? us / busyUs : 0,
  })
  return {
    windowMs: windowUs / 1000,
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    topSelf: [...self.values()]
      .sort((x, y) => y.us - x.us)
      .slice(0, top)
      .map((s) => {
        const l = line(s.frame.functionName || '(anonymous)', where(s.frame), s.us)
        const caller = [...s.callers].sort((x, y) => y[1] - x[1])[0]
        if (caller) l.calledFrom = `${caller[0]}, ${Math.round((caller[1] / s.us) * 100)}% of it`
        return l
      }),
    byArea: [...areas]
      .sort((x, y) => y[1] - x[1])
      .slice(0, top)
      .map(([name, us]) => line(name, '', us)),
    byAreaInclusive: [...areasInclusive]
      .sort((x, y) => y[1] - x[1])
      .slice(0, top)
      .map(([name, us]) => line(name, '', us)),
    ownInclusive: [...inclusive.values()]
      .sort((x, y) => y.us - x.us)
      .slice(0, top)
      .map((s) => line(s.frame.functionName || '(anonymous)', where(s.frame), s.us)),
  }
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
}

export function formatSummary(summary: ProfileSummary): string {
  const pct = (s: number): string => `${(s * 100).toFixed(1).padStart(5)}%`
  const rows = (lines: ProfileLine[], withWhere: boolean): string =>
    lines
      .map(
        (l) =>
          `  ${pct(l.share)}  ${l.ms.toFixed(0).padStart(7)} ms  ${l.name}${withWhere && l.where ? `  (${l.where})` : ''}${l.calledFrom ? `  <- ${l.calledFrom}` : ''}`,
      )
      .join('\n')
  return [
    `Profile window ${(summary.windowMs / 1000).toFixed(1)} s: busy ${(summary.busyMs / 1000).toFixed(1)} s, idle ${(summary.idleMs / 1000).toFixed(1)} s. Shares are of busy time.`,
    '',
    'Self time by function:',
    rows(summary.topSelf, true),
    '',
    'Self time by package or area:',
    rows(summary.byArea, false),
    '',
    'Inclusive time by package or area (anywhere on the stack; the shares overlap):',
    rows(summary.byAreaInclusive, false),
    '',
    'Our own code, inclusive time (the function and all it calls; Fastify runs hooks, handler and send in one synchronous chain, so a hook\'s time holds everything after it):',
    rows(summary.ownInclusive, true),
  ].join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'))
  if (!file) {
    process.stderr.write('usage: node --import tsx bench/profile.ts <file.cpuprofile> [--top=25]\n')
    process.exit(2)
  }
  const topArg = process.argv.find((a) => a.startsWith('--top='))
  process.stdout.write(formatSummary(summariseProfile(readProfile(file), { top: topArg ? Number(topArg.slice(6)) : 25 })) + '\n')
}

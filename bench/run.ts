/**
 * `npm run bench`: how fast the real app serves its pages, beside the two
 * yardsticks that give the number a meaning. For each page in bench/pages.ts:
 *
 *   a  the app itself, built and started as production starts it
 *   b  a bare node:http server sending the bytes (a) sent: the ceiling
 *   c  the page built the conventional way (Express, Nunjucks, govuk-frontend macros)
 *
 * All three run at once, each in its own process, and the load comes from yet
 * another (wrk, or autocannon in bench/load.ts). Samples are interleaved:
 * every round measures each page on b, a and c, or c, a and b, so that (a) is
 * always measured next to each yardstick. The ratios are taken round by round
 * and the table shows their median, so a slow patch on the machine falls on
 * both sides of a ratio (bench/README.md, "Rounds").
 * See bench/README.md for how to read the table.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { pages as allPages, type BenchPage } from './pages.js'
import { autocannonGenerator, wrkGenerator, wrkInstalled, type LoadGenerator, type LoadResult } from './loaders.js'
import { formatSummary, readProfile, summariseProfile, type ProfileSummary } from './profile.js'
import { chooseCores, moveToCore, type Cores } from './cpus.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const GOALS = { aOverB: 0.4, aOverC: 10, rssMb: 200 }
const TARGETS = ['a', 'b', 'c'] as const
type Target = (typeof TARGETS)[number]

// ---------------------------------------------------------------- options

interface Options {
  quick: boolean
  json: boolean
  jsonPath: string | undefined
  rounds: number
  seconds: number
  warmupSeconds: number
  connections: number
  loader: 'wrk' | 'autocannon'
  /** Each server on one core, the load generator on another (bench/cpus.ts); off unless asked for. */
  pin: boolean
  build: boolean
  profileSeconds: number
  only: string[] | undefined
}

function parseOptions(argv: string[]): Options {
  const flag = (name: string): string | true | undefined => {
    const hit = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`))
    if (!hit) return undefined
    return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : true
  }
  const wholeNumber = (name: string, fallback: number): number => {
    const value = flag(name)
    if (value === undefined) return fallback
    const n = Number(value)
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a whole number of at least 1`)
    return n
  }
  const known = ['quick', 'json', 'rounds', 'duration', 'warmup', 'connections', 'loader', 'no-build', 'no-booking', 'pin', 'profile', 'pages', 'help']
  for (const a of argv) {
    const name = a.replace(/^--/, '').split('=')[0] as string
    if (!a.startsWith('--') || !known.includes(name)) throw new Error(`Unknown argument ${a}. Try --help.`)
  }
  const quick = flag('quick') === true
  const json = flag('json')
  const loaderFlag = flag('loader')
  if (loaderFlag !== undefined && loaderFlag !== 'wrk' && loaderFlag !== 'autocannon') throw new Error('--loader is wrk or autocannon')
  const loader = loaderFlag === 'wrk' || loaderFlag === 'autocannon' ? loaderFlag : wrkInstalled() ? 'wrk' : 'autocannon'
  if (loader === 'wrk' && !wrkInstalled()) throw new Error('--loader=wrk, but wrk is not installed (apt-get install -y wrk)')
  const profile = flag('profile')
  const only = flag('pages')
  return {
    quick,
    json: json !== undefined,
    jsonPath: typeof json === 'string' ? json : undefined,
    rounds: wholeNumber('rounds', quick ? 1 : 5),
    seconds: wholeNumber('duration', quick ? 1 : 2),
    warmupSeconds: wholeNumber('warmup', 1),
    connections: wholeNumber('connections', 64),
    loader,
    pin: flag('pin') !== undefined,
    build: flag('no-build') === undefined,
    profileSeconds: profile === undefined ? 0 : profile === true ? (quick ? 2 : 5) : Number(profile),
    only: typeof only === 'string' ? only.split(',') : undefined,
  }
}

const HELP = `npm run bench -- [options]

  --quick              one short round: a smoke run that everything works
  --json[=path]        the figures as JSON, to stdout or to the file
  --rounds=N           rounds per page (default 5); the table shows the median
  --duration=S         seconds per sample (default 2)
  --warmup=S           seconds of discarded load per page and column first (default 1)
  --connections=N      concurrent connections (default 64)
  --loader=wrk|autocannon   default wrk when installed
  --no-build           use dist/ as it is
  --pin                each server on core 1 and the load generator on core 0 (taskset), rather than
                       where the scheduler puts them; see bench/README.md, "Cores"
  --profile[=S]        afterwards, profile the app (node --cpu-prof) under S seconds of load per page (default 5)
  --no-booking         skip the prison-visits booking run (it needs the PostgreSQL server; bench/prison-visits.ts)
  --pages=a,b          only the pages with these names
`

// ---------------------------------------------------------------- output

/** Progress goes to stderr, so stdout holds only the table (or the JSON). */
const say = (line = ''): void => void process.stderr.write(line + '\n')

// ---------------------------------------------------------------- processes

const children = new Set<ChildProcess>()
const cleanups: (() => Promise<void> | void)[] = []
/** Where servers and load run, chosen once from the options (bench/cpus.ts); undefined: anywhere. */
let cores: Cores | undefined

function coresText(chosen: Cores | undefined): string {
  return chosen ? `servers on core ${chosen.server}, load generator on core ${chosen.load}` : 'processes placed by the scheduler'
}

async function stop(child: ChildProcess, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
  children.delete(child)
}

async function cleanUp(): Promise<void> {
  await Promise.all([...children].map((c) => stop(c, 5000)))
  for (const f of cleanups.splice(0).reverse()) {
    try {
      await f()
    } catch (error) {
      say(`Clean-up: ${(error as Error).message}`)
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Starts a bench/ server that prints `listening <port>`, and returns its URL. */
async function startHelper(script: string, args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  moveToCore(child.pid, cores?.server)
  children.add(child)
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before listening`)))
    lines.on('line', (line) => {
      const m = /^listening (\d+)$/.exec(line)
      if (m) resolve(Number(m[1]))
    })
  })
  child.removeAllListeners('exit')
  child.on('exit', () => children.delete(child))
  moveToCore(child.pid, cores?.server)
  return { child, url: `http://127.0.0.1:${port}` }
}

/** Resident memory from /proc, in MB: now (VmRSS) and the peak so far (VmHWM). */
function memory(pid: number | undefined): { rss: number; hwm: number } | undefined {
  if (pid === undefined) return undefined
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 }
  } catch {
    return undefined
  }
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100

/** CPU seconds a process has used so far, user and system, all its threads. */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
  } catch {
    return NaN
  }
}

// ---------------------------------------------------------------- the app (a)

interface Database {
  /** What the table says about it. */
  description: string
  production: boolean
  env: Record<string, string>
  note?: string
}

/** A fresh database on the local PostgreSQL server, dropped at the end; PGlite in development mode when there is none. */
async function benchDatabase(work: string): Promise<Database> {
  const server = (process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '')
  const name = `jd_bench_${process.pid}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: `${server}/postgres`, connectionTimeoutMillis: 3000 })
  try {
    await admin.connect()
    const version = (await admin.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? '?'
    await admin.query(`create database ${name}`)
    await admin.end()
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: `${server}/postgres`, connectionTimeoutMillis: 3000 })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    })
    return {
      description: `production mode, PostgreSQL ${version.split(' ')[0]} (database ${name}, dropped afterwards)`,
      production: true,
      env: { NODE_ENV: 'production', DATABASE_URL: `${server}/${name}` },
    }
  } catch (error) {
    await admin.end().catch(() => undefined)
    const reason = (error as Error).message
    return {
      description: 'DEVELOPMENT mode on PGlite (no PostgreSQL server reachable)',
      production: false,
      env: { NODE_ENV: 'development', DATA_DIR: join(work, 'pglite') },
      note: `PostgreSQL at ${server} could not be used (${reason}), so (a) ran in development mode on PGlite: no HSTS, no Secure cookie, and the database in-process. Production figures need a PostgreSQL server.`,
    }
  }
}

/** One for the run: (a) needs it in production, and (c) signs the booking step's CSRF token with it as (a) does. */
const SESSION_SECRET = randomBytes(48).toString('base64url')

interface RunningApp {
  child: ChildProcess
  url: string
  log: string
}

async function startApp(database: Database, work: string, label: string, nodeArgs: string[] = []): Promise<RunningApp> {
  const port = await freePort()
  const log = join(work, `${label}.log`)
  const fd = openSync(log, 'a')
  const child = spawn(process.execPath, [...serverNodeFlags(), ...nodeArgs, join(ROOT, 'dist', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...database.env,
      // Production needs these; they are the only things the bench chooses for it.
      SESSION_SECRET,
      BASE_URL: `http://127.0.0.1:${port}`,
      HOST: '127.0.0.1',
      PORT: String(port),
      // Logging stays at production's level, info: one JSON line per request, to a file as a log shipper would read it.
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', fd, fd],
  })
  moveToCore(child.pid, cores?.server)
  closeSync(fd)
  children.add(child)
  child.on('exit', () => children.delete(child))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited (${child.exitCode}) while starting. Its log:\n${tail(log)}`)
    try {
      if ((await fetch(`${url}/ping`)).ok) {
        moveToCore(child.pid, cores?.server)
        return { child, url, log }
      }
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`The app did not answer /ping within 120 s. Its log:\n${tail(log)}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/**
 * The Node flags `npm start` gives the server (package.json): the app is
 * measured as it is run. The heap cap keeps V8 from letting dead request
 * objects pile up in the old generation far beyond the live heap.
 */
function serverNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? ''
  const flags = /\bnode((?:\s+--\S+)*)\s+dist\/main\.js/.exec(start)?.[1]?.trim()
  return flags ? flags.split(/\s+/) : []
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  }
}

function build(): string | undefined {
  say('Building (npm run build)…')
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  if (result.status === 0) return undefined
  const output = `${result.stdout}${result.stderr}`.trim()
  if (!existsSync(join(ROOT, 'dist', 'main.js'))) throw new Error(`npm run build failed and there is no dist/main.js:\n${output}`)
  // tsc still emits when it finds type errors, which in a shared checkout may be someone else's work in progress.
  const first = output.split('\n').slice(0, 5).join('\n')
  say(`npm run build reported errors; benchmarking what it emitted:\n${first}`)
  return `npm run build reported type errors (dist/ was emitted anyway): ${first.split('\n')[0] ?? ''}`
}

// ---------------------------------------------------------------- pages

interface PreparedPage extends BenchPage {
  contentType: string
  body: Buffer
}

/** Whitespace between and inside tags and the nonce do not count when comparing (a) with (c). */
function normalise(page: string): string {
  return page
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/\s+>/g, '>')
    .replace(/>\s+/g, '>')
    .replace(/\s+</g, '<')
    .replace(/\s+/g, ' ')
    .trim()
}

function firstDifference(a: string, b: string): string {
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  return `first difference at character ${i}: a "…${a.slice(Math.max(0, i - 40), i + 60)}…" c "…${b.slice(Math.max(0, i - 40), i + 60)}…"`
}

// ---------------------------------------------------------------- figures

/** One sample: what the load generator saw, and the CPU the server spent on it. */
interface Sample extends LoadResult {
  /** Server CPU time (user + system, all threads) per request answered, from /proc. */
  cpuUsPerRequest: number
}

interface Figures {
  rps: number
  rounds: number[]
  cpuUsPerRequest: number
  p50Ms?: number
  p99Ms?: number
}

interface PageResult {
  name: string
  path: string
  a: Figures
  b: Figures
  c: Figures | null
  /** The median of the rounds' ratios, each from (a) and (b) measured back to back. */
  aOverB: number
  aOverC: number | null
  /** Each round's ratio. */
  aOverBRounds: number[]
  aOverCRounds: number[] | null
  /** a's median requests/s over b's: the figure before ratios were taken round by round (1 December 2026), for comparison. */
  aOverBOfMedians: number
  /** Highest VmRSS of (a) seen while this page was under load. */
  aPeakRssMb: number
  bytes: number
  /** Samples that met errors or answers other than 2xx. */
  problems: string[]
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/**
 * The order of a round. With (c): b, a, c in one round and c, a, b in the
 * next, so (a) sits between its yardsticks and each ratio compares two
 * samples taken back to back; a rotation of a, b, c had (a) always follow
 * (c). Without (c): b then a, then a then b.
 */
function roundOrder(targets: readonly Target[], round: number): Target[] {
  const others = targets.filter((t) => t !== 'a')
  const even = round % 2 === 0
  if (others.length < 2) return even ? [...others, 'a'] : ['a', ...others]
  return even ? [others[0] as Target, 'a', ...others.slice(1)] : [...others.slice(1).reverse(), 'a', others[0] as Target]
}

/** Round by round, a's requests/s over the other's. */
function pairedRatios(a: Sample[], other: Sample[]): number[] {
  return a.map((sample, i) => sample.rps / (other[i] as Sample).rps)
}

function figures(results: Sample[], withLatency: boolean): Figures {
  return {
    rps: median(results.map((r) => r.rps)),
    rounds: results.map((r) => Math.round(r.rps)),
    cpuUsPerRequest: median(results.map((r) => r.cpuUsPerRequest)),
    ...(withLatency ? { p50Ms: median(results.map((r) => r.p50Ms)), p99Ms: median(results.map((r) => r.p99Ms)) } : {}),
  }
}

function table(results: PageResult[]): string {
  const header = ['page', 'a req/s', 'b req/s', 'c req/s', 'a/b', 'a/c', 'a p50 ms', 'a p99 ms', 'a spread', 'a RSS MB', 'CPU µs/req a', 'b', 'c']
  const rows = results.map((r) => [
    r.name,
    r.a.rps.toFixed(0),
    r.b.rps.toFixed(0),
    r.c ? r.c.rps.toFixed(0) : '–',
    r.aOverB.toFixed(2),
    r.aOverC === null ? '–' : r.aOverC.toFixed(1),
    (r.a.p50Ms ?? 0).toFixed(1),
    (r.a.p99Ms ?? 0).toFixed(1),
    r.a.rounds.length > 1 ? `±${(((Math.max(...r.a.rounds) - Math.min(...r.a.rounds)) / 2 / r.a.rps) * 100).toFixed(0)}%` : '–',
    r.aPeakRssMb.toFixed(0),
    r.a.cpuUsPerRequest.toFixed(0),
    r.b.cpuUsPerRequest.toFixed(0),
    r.c ? r.c.cpuUsPerRequest.toFixed(0) : '–',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)))
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ')
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  if (argv.includes('--help')) {
    process.stdout.write(HELP)
    return
  }
  const options = parseOptions(argv)
  cores = chooseCores(options.pin)
  if (options.pin && !cores) say('Not pinning to cores: it needs two cores and taskset (util-linux).')
  const started = Date.now()
  const notes: string[] = []
  const loadAtStart = loadavg()[0] as number
  const work = mkdtempSync(join(tmpdir(), 'jd-bench-'))
  cleanups.push(() => rmSync(work, { recursive: true, force: true }))

  if (options.build) {
    const problem = build()
    if (problem) notes.push(problem)
  } else if (!existsSync(join(ROOT, 'dist', 'main.js'))) {
    throw new Error('--no-build, but there is no dist/main.js: run npm run build')
  }

  const database = await benchDatabase(work)
  if (database.note) {
    say(`NOTE: ${database.note}`)
    notes.push(database.note)
  }
  // The first start on an empty database imports the reference data, which leaves the heap bigger than a
  // production restart's; so the app is measured on its second start, with the data already there.
  say(`Starting the app to import reference data: ${database.description}…`)
  await stop((await startApp(database, work, 'import')).child)
  say('Starting the app again, as production restarts, with the data in place…')
  const app = await startApp(database, work, 'app')
  const appPid = app.child.pid
  const rssAfterStart = memory(appPid)?.rss ?? NaN
  say(`The app is up: ${rssAfterStart.toFixed(0)} MB resident before any load.`)

  // Visit every page once, as a first-time visitor, to find which exist and whether any starts a session.
  const listed = options.only ? allPages.filter((p) => options.only?.includes(p.name)) : allPages
  const skipped: { name: string; path: string; reason: string }[] = []
  let sessionCookie: string | undefined
  const present: BenchPage[] = []
  for (const page of listed) {
    const response = await fetch(app.url + page.path, { redirect: 'manual' })
    await response.arrayBuffer()
    if (response.status !== 200) {
      const reason = response.status === 404 ? 'answered 404 (not built yet)' : `answered ${response.status}, not 200`
      skipped.push({ name: page.name, path: page.path, reason })
      continue
    }
    present.push(page)
    for (const cookie of response.headers.getSetCookie()) {
      const m = /^((?:__Host-)?jd_session=[^;]+)/.exec(cookie)
      if (m && !sessionCookie) sessionCookie = m[1]
    }
  }
  const headers: Record<string, string> = sessionCookie ? { cookie: sessionCookie } : {}
  const sessionText = sessionCookie
    ? `requests carry the session cookie ${sessionCookie.split('=')[0]} (a returning visitor)`
    : 'no page set jd_session, so requests carry no session cookie'
  if (present.length === 0) throw new Error(`None of the pages answered 200: ${skipped.map((s) => `${s.path} ${s.reason}`).join('; ')}`)

  // The bytes (a) sends a returning visitor are what (b) serves.
  const pageHeaders = new Map<string, Record<string, string>>()
  const prepared: PreparedPage[] = []
  for (const page of present) {
    pageHeaders.set(page.path, await returningVisitor(app.url, page, headers))
    const response = await fetch(app.url + page.path, { headers: pageHeaders.get(page.path), redirect: 'manual' })
    const body = Buffer.from(await response.arrayBuffer())
    if (response.headers.getSetCookie().length > 0) notes.push(`a ${page.name} sets a cookie on every visit`)
    prepared.push({ ...page, contentType: response.headers.get('content-type') ?? 'text/html; charset=utf-8', body })
  }
  const manifest = join(work, 'static-pages.json')
  writeFileSync(
    manifest,
    JSON.stringify(Object.fromEntries(prepared.map((p) => [p.path, { contentType: p.contentType, body: p.body.toString('base64') }]))),
  )
  const assetPath = /\/assets\/[0-9a-f]+/.exec((prepared[0] as PreparedPage).body.toString('utf8'))?.[0] ?? '/assets'

  say('Starting (b) the static ceiling and (c) the conventional server…')
  const [staticServer, conventional] = await Promise.all([
    startHelper('bench/static-server.ts', [manifest], { NODE_ENV: 'production' }),
    startHelper('bench/conventional/server.ts', [], {
      NODE_ENV: 'production',
      ASSET_PATH: assetPath,
      PRODUCTION: String(database.production),
      // The service pages' column c reads the court index and the prison list from the app's database; PGlite belongs to the app alone.
      ...(database.env.DATABASE_URL ? { DATABASE_URL: database.env.DATABASE_URL } : {}),
      // The app's, so that c's booking step gives the same CSRF token for the same session.
      SESSION_SECRET,
    }),
  ])
  const urls: Record<Target, string> = { a: app.url, b: staticServer.url, c: conventional.url }

  // (c) must be the same page, or a/c means nothing.
  for (const page of prepared) {
    if (!page.conventional) continue
    const response = await fetch(urls.c + page.path, { headers })
    const c = normalise(await response.text())
    const a = normalise(page.body.toString('utf8'))
    if (response.status !== 200) notes.push(`c ${page.name}: answered ${response.status}`)
    else if (a !== c) notes.push(`c ${page.name} is not the same page as a after normalising whitespace; ${firstDifference(a, c)}`)
    else say(`c ${page.name}: the same HTML as a, after normalising whitespace`)
  }

  const loader: LoadGenerator = options.loader === 'wrk' ? wrkGenerator(cores?.load) : await autocannonGenerator(cores?.load)
  cleanups.push(() => loader.close())
  const load = (target: Target, page: BenchPage, seconds: number): Promise<LoadResult> =>
    loader.run({ url: urls[target] + page.path, connections: options.connections, seconds, headers: pageHeaders.get(page.path) ?? headers })
  const targetsFor = (page: BenchPage): Target[] => (page.conventional ? [...TARGETS] : ['a', 'b'])

  const pagesPerRound = prepared.reduce((n, p) => n + targetsFor(p).length, 0)
  const estimate = pagesPerRound * (options.warmupSeconds + options.rounds * options.seconds)
  say(
    `Load: ${loader.name}, ${options.connections} connections; ${prepared.length} pages × ${options.rounds} rounds × ${options.seconds} s, after ${options.warmupSeconds} s warm-up each (about ${estimate} s).`,
  )

  // Warm-up: let each server's JIT settle on each page before anything counts.
  for (const page of prepared) for (const target of targetsFor(page)) await load(target, page, options.warmupSeconds)

  const pids: Record<Target, number | undefined> = { a: appPid, b: staticServer.child.pid, c: conventional.child.pid }
  const samples = new Map<string, Sample[]>()
  const peakRss = new Map<string, number>()
  const problems = new Map<string, string[]>()
  for (let round = 0; round < options.rounds; round++) {
    for (const page of prepared) {
      const targets = targetsFor(page)
      const order = roundOrder(targets, round)
      for (const target of order) {
        let poll: NodeJS.Timeout | undefined
        if (target === 'a') {
          poll = setInterval(() => {
            const m = memory(appPid)
            if (m) peakRss.set(page.name, Math.max(peakRss.get(page.name) ?? 0, m.rss))
          }, 100)
        }
        const cpuBefore = cpuSeconds(pids[target])
        const loaded = await load(target, page, options.seconds)
        const result: Sample = { ...loaded, cpuUsPerRequest: ((cpuSeconds(pids[target]) - cpuBefore) * 1e6) / loaded.requests }
        if (poll) clearInterval(poll)
        const key = `${page.name}\u0000${target}`
        samples.set(key, [...(samples.get(key) ?? []), result])
        if (result.errors > 0 || result.non2xx > 0) {
          const list = problems.get(page.name) ?? []
          list.push(`${target} round ${round + 1}: ${result.errors} errors or timeouts, ${result.non2xx} answers not 2xx of ${result.requests}`)
          problems.set(page.name, list)
        }
      }
      say(
        `round ${round + 1}/${options.rounds} ${page.name}: ${targets
          .map((t) => `${t} ${Math.round(samples.get(`${page.name}\u0000${t}`)?.at(-1)?.rps ?? 0)}/s`)
          .join(', ')}`,
      )
    }
  }

  const memoryAtEnd = { a: memory(appPid), b: memory(staticServer.child.pid), c: memory(conventional.child.pid) }
  const results: PageResult[] = prepared.map((page) => {
    const get = (t: Target): Sample[] => samples.get(`${page.name}\u0000${t}`) ?? []
    const a = figures(get('a'), true)
    const b = figures(get('b'), false)
    const c = page.conventional ? figures(get('c'), false) : null
    const aOverBRounds = pairedRatios(get('a'), get('b'))
    const aOverCRounds = c ? pairedRatios(get('a'), get('c')) : null
    return {
      name: page.name,
      path: page.path,
      a,
      b,
      c,
      aOverB: median(aOverBRounds),
      aOverC: aOverCRounds ? median(aOverCRounds) : null,
      aOverBRounds,
      aOverCRounds,
      aOverBOfMedians: a.rps / b.rps,
      aPeakRssMb: peakRss.get(page.name) ?? memoryAtEnd.a?.rss ?? NaN,
      bytes: page.body.length,
      problems: problems.get(page.name) ?? [],
    }
  })

  await stop(app.child)
  await stop(staticServer.child)
  await stop(conventional.child)
  loader.close()

  let profile: ProfileSummary | undefined
  if (options.profileSeconds > 0) profile = await profileApp(database, work, prepared, loader.name === 'wrk' ? wrkGenerator(cores?.load) : await autocannonGenerator(cores?.load), options, headers)

  const appPeakMb = memoryAtEnd.a?.hwm ?? NaN
  const loadAtEnd = loadavg()[0] as number
  // The bench itself keeps about two processes busy; more than that is someone else's work.
  if (loadAtStart > 1) {
    notes.push(
      `The machine was busy before the bench started (load average ${loadAtStart.toFixed(1)}; ${loadAtEnd.toFixed(1)} at the end): requests/s are lower and noisier than on a quiet machine. CPU µs per request is steadier than requests/s when the machine is shared.`,
    )
  }
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverage: { start: loadAtStart, end: loadAtEnd },
    app: database.description,
    session: sessionText,
    loader: loader.name,
    cores: cores ?? null,
    connections: options.connections,
    rounds: options.rounds,
    secondsPerSample: options.seconds,
    warmupSeconds: options.warmupSeconds,
    goals: GOALS,
    pages: results,
    skipped,
    appRssAfterStartMb: rssAfterStart,
    peakRssMb: { a: appPeakMb, b: memoryAtEnd.b?.hwm ?? NaN, c: memoryAtEnd.c?.hwm ?? NaN },
    profile,
    notes,
    elapsedSeconds: Math.round((Date.now() - started) / 1000),
  }

  const met = (ok: boolean): string => (ok ? 'met' : 'NOT met')
  let text = [
    '',
    `Justice Digital bench, ${report.date.slice(0, 16).replace('T', ' ')} UTC, Node ${report.node}, ${report.cpus} CPUs`,
    `a: the app, ${database.description}; ${sessionText}`,
    'b: node:http sending the bytes a sent (the ceiling)    c: Express 5 + Nunjucks + govuk-frontend macros',
    `load: ${loader.name}, ${options.connections} connections, median of ${options.rounds} rounds × ${options.seconds} s, ${options.warmupSeconds} s warm-up; ${coresText(cores)}`,
    '',
    table(results),
    '',
    `Goals (reported, not asserted): a/b ≥ ${GOALS.aOverB.toFixed(2)}, a/c ≥ ${GOALS.aOverC}, app RSS ≤ ${GOALS.rssMb} MB`,
    ...results.map(
      (r) =>
        `  ${r.name}: a/b ${r.aOverB.toFixed(2)} ${met(r.aOverB >= GOALS.aOverB)}; a/c ${r.aOverC === null ? '– (no conventional view)' : `${r.aOverC.toFixed(1)} ${met(r.aOverC >= GOALS.aOverC)}`}` +
          `; a/b by round ${r.aOverBRounds.map((x) => x.toFixed(2)).join(' ')}, median a over median b ${r.aOverBOfMedians.toFixed(2)}`,
    ),
    `  app peak RSS (VmHWM) ${appPeakMb.toFixed(0)} MB ${met(appPeakMb <= GOALS.rssMb)} (${rssAfterStart.toFixed(0)} MB after start, before load); b ${report.peakRssMb.b.toFixed(0)} MB, c ${report.peakRssMb.c.toFixed(0)} MB`,
    ...(skipped.length ? ['', 'Skipped:', ...skipped.map((s) => `  ${s.name} (${s.path}) ${s.reason}`)] : []),
    ...(results.some((r) => r.problems.length)
      ? ['', 'Errors under load:', ...results.flatMap((r) => r.problems.map((p) => `  ${r.name} ${p}`))]
      : []),
    ...(notes.length ? ['', 'Notes:', ...notes.map((n) => `  ${n}`)] : []),
    ...(profile ? ['', formatSummary(profile)] : []),
    '',
    `Done in ${report.elapsedSeconds} s.`,
    '',
  ].join('\n')

  // The booking run (bench/prison-visits.ts) needs a PostgreSQL server: its point is row locks under contention.
  if (database.production && !argv.includes('--no-booking')) {
    const server = (process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '')
    say('Booking run: 32 concurrent bookers against the bare SQL booking transaction')
    const booking = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'prison-visits.ts'), `--per-booker=${options.quick ? 5 : 20}`], {
      env: { ...process.env, BENCH_DATABASE_URL: `${server}/postgres` },
      encoding: 'utf8',
      timeout: 300_000,
    })
    const out = (booking.stdout ?? '').trim()
    Object.assign(report, { booking: { exitCode: booking.status, text: out } })
    text += out ? `\n${out}\n` : `\nBooking run failed (exit ${booking.status}): ${(booking.stderr ?? '').trim().split('\n').slice(-3).join(' ')}\n`
  }

  if (options.json && options.jsonPath) {
    writeFileSync(options.jsonPath, JSON.stringify(report, null, 2) + '\n')
    process.stdout.write(text)
    say(`Wrote ${options.jsonPath}`)
  } else if (options.json) {
    process.stderr.write(text)
    process.stdout.write(JSON.stringify(report, null, 2) + '\n')
  } else {
    process.stdout.write(text)
  }
}

/** A returning visitor's request headers: the session cookie, and what the page set for itself on the last visit (a journey's draft stamp). */
async function returningVisitor(url: string, page: BenchPage, headers: Record<string, string>): Promise<Record<string, string>> {
  const visit = await fetch(url + page.path, { headers, redirect: 'manual' })
  await visit.arrayBuffer()
  const cookie = [headers.cookie, ...visit.headers.getSetCookie().map((c) => c.split(';')[0] as string)].filter(Boolean).join('; ')
  return cookie ? { cookie } : {}
}

/**
 * Starts a fresh copy of the app under `node --cpu-prof`, loads each page in
 * turn, stops it, and summarises the samples taken under load (start-up and
 * warm-up left out).
 */
async function profileApp(
  database: Database,
  work: string,
  pages: PreparedPage[],
  loader: LoadGenerator,
  options: Options,
  headers: Record<string, string>,
): Promise<ProfileSummary> {
  cleanups.push(() => loader.close())
  const dir = join(work, 'profile')
  say(`Profiling the app (node --cpu-prof), ${options.profileSeconds} s per page…`)
  const app = await startApp(database, work, 'profiled', ['--cpu-prof', `--cpu-prof-dir=${dir}`])
  const pageHeaders = new Map<string, Record<string, string>>()
  for (const page of pages) pageHeaders.set(page.path, await returningVisitor(app.url, page, headers))
  const run = (page: BenchPage, seconds: number): Promise<LoadResult> =>
    loader.run({ url: app.url + page.path, connections: options.connections, seconds, headers: pageHeaders.get(page.path) ?? headers })
  for (const page of pages) await run(page, options.warmupSeconds)
  const loadStarted = Date.now()
  for (const page of pages) await run(page, options.profileSeconds)
  const exited = new Promise<number>((resolve) => app.child.once('exit', () => resolve(Date.now())))
  await stop(app.child)
  const exitedAt = await exited
  loader.close()
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
  if (!file) throw new Error(`node --cpu-prof wrote no profile in ${dir}`)
  // Kept for a closer look in Chrome DevTools (Performance, Load profile) or `node --import tsx bench/profile.ts`.
  const kept = join(tmpdir(), 'jd-bench-app.cpuprofile')
  copyFileSync(join(dir, file), kept)
  say(`The profile is kept at ${kept}`)
  const profile = readProfile(kept)
  // The profile's clock is not the wall clock, but both run at the same rate: count back from the end.
  const fromUs = profile.endTime - (exitedAt - loadStarted) * 1000
  return summariseProfile(profile, { fromUs, top: 25 })
}

let interrupted = false
process.on('SIGINT', () => {
  if (interrupted) process.exit(130)
  interrupted = true
  say('Interrupted: stopping the servers and dropping the bench database…')
  void cleanUp().finally(() => process.exit(130))
})

main()
  .catch((error: unknown) => {
    say(`bench failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  })
  .finally(() => cleanUp())

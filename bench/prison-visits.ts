/**
 * Booking throughput for prison visits, on the PostgreSQL server:
 *
 *   a  booking submissions per second end to end: 32 concurrent bookers each
 *      posting "Book visit" on check your answers over HTTP, through the
 *      journeys engine, the outcome rules, the row-locked capacity check, the
 *      insert and the message in the same transaction
 *   b  the ceiling: the bare SQL booking transaction (lock the session row,
 *      count places, insert the visit and its visitor) from 32 connections
 *
 * Drafts are prepared first (untimed) through the real pages. Every booking
 * competes for the same session, the worst case for the lock; afterwards the
 * session must hold exactly as many visits as its capacity: zero overbooking.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/prison-visits.ts [--per-booker=20]
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { join } from 'node:path'
import pg from 'pg'
import type { PrisonVisitsTables } from '../src/services/prison-visits/schema.js'

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
if (!adminUrl) {
  process.stderr.write('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server.\n')
  process.exit(2)
}
const BOOKERS = 32
const perBooker = Number(process.argv.find((a) => a.startsWith('--per-booker='))?.split('=')[1] ?? 20)

const name = `jd_bench_pv_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`
const admin = new pg.Client({ connectionString: adminUrl })
await admin.connect()
await admin.query(`create database ${name}`)
await admin.end()
const url = new URL(adminUrl)
url.pathname = `/${name}`
process.env.PRISON_VISITS_LOOKUPS_PER_ADDRESS = '1000000'

const { loadConfig } = await import('../src/config.js')
const { buildApp } = await import('../src/app.js')
const { runImport } = await import('../src/platform/reference-data/index.js')
const { withTables } = await import('../src/platform/db/index.js')
const { prisonVisits } = await import('../src/services/prison-visits/index.js')
const { prisonsImporter } = await import('../src/services/prison-visits/import.js')
const { todayInLondon } = await import('../src/services/prison-visits/rules/dates.js')

const config = loadConfig(
  { NODE_ENV: 'test', DATABASE_URL: url.toString(), DATABASE_POOL_MAX: String(BOOKERS), LOG_LEVEL: 'silent', REFERENCE_DATA_DIR: join(import.meta.dirname, '..', '..', 'shared', 'data'), DATA_DIR: join(import.meta.dirname, '..', 'data', 'bench') },
  { sessionSecret: randomBytes(32).toString('hex'), port: 0 },
)
const justice = await buildApp(config, { logger: false, services: [prisonVisits] })
const db = withTables<PrisonVisitsTables>(justice.database.db)
await runImport(justice.database.db, prisonsImporter, join(config.referenceDataDir, 'prisons'), { info: () => {}, warn: () => {} })
const total = BOOKERS * perBooker
await db.updateTable('prison_visits_session_templates').set({ open_capacity: total }).where('prison_code', '=', 'BCI').execute()
const today = todayInLondon()
const numbers = Array.from({ length: total }, (_, i) => `B${String(i).padStart(4, '0')}${String.fromCharCode(65 + Math.floor(i / 10000))}A`)
for (let i = 0; i < numbers.length; i += 500) {
  await db
    .insertInto('prison_visits_prisoners')
    .values(numbers.slice(i, i + 500).map((number) => ({ number, first_name: 'Bench', last_name: 'Prisoner', date_of_birth: '1980-01-15', prison_code: 'BCI', category: 'convicted' as const, allowance_balance: 2, allowance_accrued_on: today, closed_visits_only: false, visits_banned: false, synthetic: true })))
    .execute()
}
await justice.app.listen({ port: 0, host: '127.0.0.1' })
const address = justice.app.server.address()
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`

/** A visitor's browser: keeps cookies, reads CSRF tokens. */
class Browser {
  cookies = new Map<string, string>()
  async request(path: string, form?: Record<string, string>): Promise<{ status: number; body: string; location: string }> {
    const response = await fetch(base + path, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
    })
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const [k, v] = pair!.split('=') as [string, string]
      this.cookies.set(k, v)
    }
    return { status: response.status, body: await response.text(), location: response.headers.get('location') ?? '' }
  }
  async submit(path: string, form: Record<string, string>) {
    const page = await this.request(path)
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
    return this.request(path, { _csrf: csrf, ...form })
  }
}

async function prepare(number: string): Promise<{ browser: Browser; csrf: string; draft: string }> {
  const b = new Browser()
  const B = '/prison-visits/book'
  await b.submit(`${B}/prison`, { prison: 'BCI' })
  const p = await b.submit(`${B}/prisoner`, { firstName: 'Bench', lastName: 'Prisoner', 'dateOfBirth-day': '15', 'dateOfBirth-month': '1', 'dateOfBirth-year': '1980', number })
  if (p.status !== 303) throw new Error(`prisoner page refused ${number}`)
  await b.submit(`${B}/visitors`, { 'visitor-1-first': 'Ann', 'visitor-1-last': 'Visitor', 'visitor-1-dob-day': '5', 'visitor-1-dob-month': '5', 'visitor-1-dob-year': '1985' })
  const page = await b.request(`${B}/visit-time`)
  const session = /name="session" type="radio" value="([^"]+)"(?![^>]*disabled)/.exec(page.body)?.[1] ?? ''
  const owner = /name="owner" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
  const csrf0 = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
  const chosen = await b.request(`${B}/visit-time`, { _csrf: csrf0, session, owner })
  if (chosen.status !== 303) throw new Error('could not hold a place')
  await b.submit(`${B}/additional-support`, { support: '' })
  await b.submit(`${B}/contact-details`, { email: 'bench@example.com', phone: '' })
  const check = await b.request(`${B}/check-your-answers`)
  return { browser: b, csrf: /name="_csrf" value="([^"]+)"/.exec(check.body)?.[1] ?? '', draft: /name="draft" value="([^"]+)"/.exec(check.body)?.[1] ?? '' }
}

async function inParallel<T>(n: number, items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await fn(items[next++]!)
  }))
}

process.stdout.write(`Preparing ${total} bookings through the pages...\n`)
const prepared: Awaited<ReturnType<typeof prepare>>[] = []
await inParallel(BOOKERS, numbers, async (n) => void prepared.push(await prepare(n)))

// a: booking submissions end to end.
let ok = 0
const startedA = performance.now()
await inParallel(BOOKERS, prepared, async (d) => {
  const r = await d.browser.request('/prison-visits/book/check-your-answers', { _csrf: d.csrf, draft: d.draft })
  if (r.status === 303 && r.location.endsWith('/confirmation')) ok++
})
const secondsA = (performance.now() - startedA) / 1000
const slot = await db.selectFrom('prison_visits_visits').select(['date', 'start_time', (eb) => eb.fn.countAll<number>().as('n')]).where('prison_code', '=', 'BCI').groupBy(['date', 'start_time']).execute()

// b: the bare SQL booking transaction, on another day's session of the same size.
const pool = new pg.Pool({ connectionString: url.toString(), max: BOOKERS })
const bareDate = '2099-01-05'
await pool.query(`insert into prison_visits_session_slots (prison_code, date, start_time, end_time) values ('BCI', $1, '14:00', '16:00') on conflict do nothing`, [bareDate])
let bare = 0
const startedB = performance.now()
await inParallel(BOOKERS, Array.from({ length: total }, (_, i) => i), async (i) => {
  const client = await pool.connect()
  try {
    await client.query('begin')
    const { rows } = await client.query(`select id from prison_visits_session_slots where prison_code = 'BCI' and date = $1 and start_time = '14:00' for update`, [bareDate])
    const slotId = rows[0].id as number
    const taken = await client.query(`select count(*)::int as n from prison_visits_visits where slot_id = $1 and place = 'open' and state in ('requested', 'booked')`, [slotId])
    if ((taken.rows[0].n as number) < total) {
      const id = randomUUID()
      await client.query(
        `insert into prison_visits_visits (id, reference, prison_code, slot_id, date, start_time, end_time, place, prisoner_number, state, channel, contact_email, lang)
         values ($1, $2, 'BCI', $3, $4, '14:00', '16:00', 'open', $5, 'booked', 'digital', 'bench@example.com', 'en')`,
        [id, `Z${String(i).padStart(7, '0')}`, slotId, bareDate, numbers[i]],
      )
      await client.query(`insert into prison_visits_visitors (visit_id, position, first_name, last_name, date_of_birth) values ($1, 0, 'Ann', 'Visitor', '1985-05-05')`, [id])
      bare++
    }
    await client.query('commit')
  } finally {
    client.release()
  }
})
const secondsB = (performance.now() - startedB) / 1000
await pool.end()

const a = ok / secondsA
const b = bare / secondsB
const sessions = slot.filter((s) => s.date !== bareDate)
const overbooked = sessions.some((s) => Number(s.n) > total)
process.stdout.write(
  `\nPrison visits booking, ${BOOKERS} concurrent bookers, ${total} bookings, PostgreSQL ${url.host}\n` +
    `  a  end to end (HTTP, journeys engine, rules, lock, insert, message)  ${a.toFixed(0).padStart(6)} bookings/s  (${ok} of ${total} booked)\n` +
    `  b  bare SQL booking transaction                                      ${b.toFixed(0).padStart(6)} bookings/s\n` +
    `  a/b ${(a / b).toFixed(2)} (goal 0.3); overbooking: ${overbooked ? 'YES' : 'none'} (the session holds ${sessions.map((s) => s.n).join(', ')} of ${total})\n`,
)
await justice.app.close()
await justice.database.close().catch(() => {})
const dropper = new pg.Client({ connectionString: adminUrl })
await dropper.connect()
await dropper.query(`drop database if exists ${name} with (force)`)
await dropper.end()
process.exit(ok === total && !overbooked ? 0 : 1)

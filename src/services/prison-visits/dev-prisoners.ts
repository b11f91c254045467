/**
 * Clearly synthetic prisoners for development: there is no real prisoner
 * data. Every name is "Test" followed by a word, numbers start with Z (not
 * a letter NOMIS issues), and rows are marked synthetic.
 */
import type { Db } from './repository.js'
import { todayInLondon } from './rules/dates.js'

const FIRST = ['Test', 'Sample', 'Example'] as const
const LAST = ['Prisoner', 'Person', 'Inmate'] as const

/** Z + 4 digits + 2 letters from the prison's position: stable across restarts. */
export function syntheticNumber(prisonIndex: number, n: number): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
  return `Z${String(prisonIndex * 10 + n).padStart(4, '0')}${letters[Math.floor(prisonIndex / letters.length) % letters.length]}${letters[prisonIndex % letters.length]}`
}

/** Creates any missing synthetic prisoners; returns a few to try a booking with. */
export async function createSyntheticPrisoners(db: Db): Promise<string[]> {
  const prisons = await db.selectFrom('prison_visits_prisons').select(['code', 'name']).where('enabled', '=', true).orderBy('code').execute()
  if (prisons.length === 0) return []
  const today = todayInLondon()
  const rows = prisons.flatMap((p, i) =>
    [0, 1, 2].map((n) => ({
      number: syntheticNumber(i, n),
      first_name: FIRST[n]!,
      last_name: LAST[n]!,
      date_of_birth: `19${80 + n}-0${n + 1}-15`,
      prison_code: p.code,
      category: n === 2 ? ('remand' as const) : ('convicted' as const),
      allowance_balance: n === 1 ? 0 : 4,
      allowance_accrued_on: today,
      closed_visits_only: false,
      visits_banned: false,
      synthetic: true,
    })),
  )
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('prison_visits_prisoners').values(rows.slice(i, i + 500)).onConflict((oc) => oc.column('number').doNothing()).execute()
  }
  return rows
    .filter((r, i) => i < 9 && r.number.endsWith(rows[0]!.number.slice(-2)))
    .map((r) => `${r.first_name} ${r.last_name}, born ${r.date_of_birth}, ${r.number} at ${prisons[0]!.name}${r.allowance_balance === 0 ? ' (no visiting orders left: bookings become requests)' : ''}${r.category === 'remand' ? ' (remand)' : ''}`)
}

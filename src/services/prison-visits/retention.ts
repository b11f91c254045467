/**
 * Personal data is kept only as long as the service needs it. A visit's
 * visitors (names, dates of birth) and contact details are deleted a set
 * time after the visit (default 12 months); the visit row stays, with its
 * prison, date, state, channel and number of visitors, so counts survive.
 * Idempotent, so every web process may run it.
 */
import { addDays, todayInLondon, type IsoDate } from './rules/dates.js'
import { deleteExpiredHolds, type Db } from './repository.js'

/** The last visit date whose personal data is past keeping. */
export function retentionCutoff(today: IsoDate, months: number): IsoDate {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) - months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return addDays(`${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`, -1)
}

export async function deleteVisitorPersonalData(db: Db, cutoff: IsoDate, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await trx.selectFrom('prison_visits_visits').select('id').where('date', '<=', cutoff).where('anonymised_at', 'is', null).limit(5000).execute()
    if (due.length === 0) return 0
    const ids = due.map((v) => v.id)
    await trx.updateTable('prison_visits_visitors').set({ first_name: '', last_name: '', date_of_birth: null }).where('visit_id', 'in', ids).execute()
    await trx
      .updateTable('prison_visits_visits')
      .set({ contact_email: null, contact_phone: null, additional_support: null, staff_message: null, anonymised_at: now })
      .where('id', 'in', ids)
      .execute()
    return ids.length
  })
}

/** Housekeeping: expired holds and old look-up attempts go too. */
export async function runRetention(db: Db, months: number, now = new Date()): Promise<{ visits: number; holds: number }> {
  let visits = 0
  for (;;) {
    const n = await deleteVisitorPersonalData(db, retentionCutoff(todayInLondon(now), months), now)
    visits += n
    if (n < 5000) break
  }
  // Booked visits whose day has passed happened: the state machine's booked -> completed.
  await db.updateTable('prison_visits_visits').set({ state: 'completed', updated_at: now }).where('state', '=', 'booked').where('date', '<', todayInLondon(now)).execute()
  const holds = await deleteExpiredHolds(db, now)
  await db.deleteFrom('prison_visits_lookup_attempts').where('at', '<', new Date(now.getTime() - 86_400_000)).execute()
  return { visits, holds }
}

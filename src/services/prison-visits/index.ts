/**
 * Visit someone in prison: families and friends book social visits online;
 * prison staff run the visits hall.
 */
import { withTables } from '../../platform/db/index.js'
import type { JusticeService } from '../../platform/service.js'
import { openApi, registerApi } from './api.js'
import { createSyntheticPrisoners } from './dev-prisoners.js'
import { prisonersImporter, prisonsImporter } from './import.js'
import { messageTypes } from './messages.js'
import { prisonVisitsMigrations } from './migrations.js'
import type { PrisonVisitsTables } from './schema.js'
import { registerPublicRoutes } from './routes.js'
import { registerStaffRoutes } from './staff.js'
import { runRetention } from './retention.js'
import { prisonVisitsSettings } from './settings.js'

export const prisonVisits: JusticeService = {
  id: 'prison-visits',
  name: { en: 'Visit someone in prison', cy: 'Ymweld â rhywun yn y carchar' },
  description: {
    en: 'Book a social visit to a friend or family member in prison.',
    cy: 'Archebu ymweliad cymdeithasol â ffrind neu aelod o’r teulu yn y carchar.',
  },
  path: '/prison-visits',
  migrations: prisonVisitsMigrations,
  importers: [prisonsImporter, prisonersImporter],
  messageTypes,
  openApi,
  async plugin(app, { config, database }) {
    const db = withTables<PrisonVisitsTables>(database.db)
    const settings = prisonVisitsSettings()
    registerApi(app, db)
    await registerPublicRoutes(app, { config, database, settings })
    registerStaffRoutes(app, { config, db, settings })
    // Hourly and idempotent, so any number of web processes may each run it.
    const timer = setInterval(() => {
      runRetention(db, settings.retentionMonths).catch((error: unknown) => app.log.warn({ err: error }, 'prison visits retention failed'))
    }, 60 * 60 * 1000)
    timer.unref()
    app.addHook('onClose', async () => clearInterval(timer))
  },
  async onStart({ config, database }) {
    // Synthetic prisoners let a developer try a booking; production never has them.
    if (config.production) return
    const db = withTables<PrisonVisitsTables>(database.db)
    const examples = await createSyntheticPrisoners(db)
    if (examples.length > 0) {
      process.stdout.write(
        `Prison visits: synthetic prisoners for trying a booking (development only):\n${examples.map((e) => `  ${e}`).join('\n')}\n`,
      )
    }
  },
}

/** Find a court or tribunal: the public pages, the JSON API and the importer. */
import type { JusticeService } from '../../platform/service.js'
import { courtApi, courtOpenApi } from './api.js'
import { courtImporter } from './importer.js'
import { en } from './locales/en.js'
import { cy } from './locales/cy.js'
import { courtMigrations } from './migrations.js'
import { registerCourtPages } from './routes.js'
import { registerCourtStaffPages } from './staff-routes.js'
import { courtIndex, watchCourtData } from './store.js'

export const courtsService: JusticeService = {
  id: 'courts',
  name: { en: en.serviceName, cy: cy.serviceName },
  description: { en: en.description, cy: cy.description },
  path: '/courts',
  migrations: courtMigrations,
  importers: [courtImporter],
  openApi: courtOpenApi,
  async plugin(app, { database }) {
    registerCourtPages(app, database.db)
    registerCourtStaffPages(app, database.db)
    await app.register(courtApi, { db: database.db, rateLimitPerMinute: 300 })
    const stopWatching = watchCourtData(database.db)
    app.addHook('onClose', async () => stopWatching())
  },
  async onStart({ database }) {
    // Built before the server listens, so the first visitor does not wait for it.
    await courtIndex(database.db)
  },
}

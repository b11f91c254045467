/** /staff/performance: the dashboard of the GOV.UK measures, for performance analysts and platform admins. */
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { PlatformTables } from '../db/schema.js'
import type { Bilingual } from '../i18n/index.js'
import { pageContext } from '../http/pages.js'
import { audit } from '../audit/index.js'
import { requireRole } from '../staff/access.js'
import { identityOf } from '../staff/describe.js'
import { measuredJourneys, measureJourney, measureSatisfaction, validationErrorsByField } from './repository.js'
import { PERIODS, performancePage } from './pages/performance.js'

const DAY_MS = 24 * 60 * 60 * 1000

export function registerPerformanceDashboard(app: FastifyInstance, options: { db: Kysely<PlatformTables>; serviceNames: Record<string, Bilingual> }): void {
  const { db, serviceNames } = options
  app.get('/staff/performance', { config: { staff: requireRole(['performance-analyst', 'platform-admin']) } }, async (request, reply) => {
    const asked = Number((request.query as Record<string, unknown>).days)
    const days = (PERIODS as readonly number[]).includes(asked) ? asked : 30
    const since = new Date(Date.now() - days * DAY_MS)
    const lang = request.lang
    const measured = await measuredJourneys(db)
    // Satisfaction is asked per service, so it is measured once for each.
    const services = [...new Set(measured.map((m) => m.service))]
    const satisfaction = new Map(await Promise.all(services.map(async (service) => [service, await measureSatisfaction(db, service, since)] as const)))
    const journeys = await Promise.all(
      measured.map(async ({ service, journey }) => ({
        serviceName: serviceNames[service]?.[lang] ?? service,
        journey,
        measures: await measureJourney(db, service, journey, since),
        satisfaction: satisfaction.get(service)!,
        errors: await validationErrorsByField(db, service, journey, since),
      })),
    )
    await audit(db, request, { action: 'kpi.performance.view', after: { days } })
    return reply.page(performancePage(pageContext(request), { identity: identityOf(request.staff!, lang), days, journeys }))
  })
}

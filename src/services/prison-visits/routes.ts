/**
 * Public routes: the start page, the booking journey (on the journeys
 * engine), the confirmation that says booked or requested and why, and the
 * manage-a-visit pages behind the signed link.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { Kysely } from 'kysely'
import type { Config } from '../../config.js'
import { withTables, type Database } from '../../platform/db/index.js'
import { csrfToken } from '../../platform/http/session.js'
import { pageContext } from '../../platform/http/pages.js'
import { serviceHeaders } from '../../platform/ui/layouts/page.js'
import { sendMessage } from '../../platform/notify/index.js'
import { journeyPlugin, type JourneyTables } from '../../platform/journeys/index.js'
import { bookingJourney, ipLookupAllowed, prettyDate, reasonText, recordLookup, rememberPrisonNames } from './booking-journey.js'
import { visitText } from './locales/index.js'
import { confirmationPage, invalidLinkPage, managePage, startPage, tooManyAttemptsPage, type VisitSummaryView } from './pages/public.js'
import { timeText } from './pages/visit-time.js'
import { changeVisitState, findPrison, findVisit, listPrisons, type Db, type VisitRecord } from './repository.js'
import { todayInLondon } from './rules/dates.js'
import { signManageToken, verifyManageToken } from './rules/manage-token.js'
import { CANCELLATION_REASON_TEXT, isCancellationReason, isRejectionReason, REJECTION_REASON_TEXT, VISITOR_CANCELLATION_REASONS } from './rules/reasons.js'
import { stateOn, visitorCanCancel } from './rules/states.js'
import { PRISON_MATCHES_SCRIPT } from './rules/prison-matches.js'
import type { PrisonVisitsTables } from './schema.js'
import type { PrisonVisitsSettings } from './settings.js'
import type { Language } from '../../platform/i18n/index.js'

const PREFIX = '/prison-visits/book'

// Turns the prison select into an accessible autocomplete when JavaScript runs;
// without it the select works as it is. The library is loaded by its own script tag first.
// Suggestions come from prisonMatches, which forgives a letter or two out.
const ENHANCE_PRISON_SELECT = `${PRISON_MATCHES_SCRIPT}
const select = document.querySelector('select[data-module="pv-prison-autocomplete"]')
if (select && window.accessibleAutocomplete) {
  const wrapper = select.parentElement
  const names = [...select.options].filter((option) => option.value).map((option) => option.textContent)
  window.accessibleAutocomplete.enhanceSelectElement({
    selectElement: select,
    defaultValue: '',
    showAllValues: true,
    source: (query, populateResults) => populateResults(prisonMatches(query, names)),
  })
  // The component draws a second, read-only input behind the real one to show
  // the rest of a matching name. It is decoration: hide it from assistive
  // technology and give it a name, so that it is not an unlabelled field.
  const hideHint = () => {
    for (const hint of wrapper.querySelectorAll('input.autocomplete__hint')) {
      hint.setAttribute('aria-hidden', 'true')
      hint.setAttribute('aria-label', 'hint')
    }
  }
  hideHint()
  new MutationObserver(hideHint).observe(wrapper, { childList: true, subtree: true })
}
`
const SERVICE = { name: { en: 'Visit someone in prison', cy: 'Ymweld â rhywun yn y carchar' } }
const serviceHeader = serviceHeaders(SERVICE.name, '/prison-visits')

function ctxFor(request: FastifyRequest) {
  return pageContext(request, { service: serviceHeader[request.lang] })
}

export async function visitSummary(db: Db, visit: VisitRecord, lang: Language): Promise<VisitSummaryView> {
  const prison = await findPrison(db, visit.prisonCode)
  return {
    reference: visit.reference,
    state: stateOn(visit.state, visit.date, todayInLondon()),
    prison: (lang === 'cy' && prison?.nameCy) || prison?.name || visit.prisonCode,
    when: `${prettyDate(visit.date, lang)}, ${timeText(visit.startTime, lang)}`,
    visitors: visit.visitors.map((v) => `${v.firstName} ${v.lastName}`),
    reasons: visit.requestReasons.map((r) => reasonText(r, lang)),
    prisonReasons: [
      ...visit.rejectionReasons.filter(isRejectionReason).map((r) => REJECTION_REASON_TEXT[r][lang]),
      ...visit.cancellationReasons.filter(isCancellationReason).map((r) => CANCELLATION_REASON_TEXT[r][lang]),
    ],
    staffMessage: visit.staffMessage,
  }
}

export function manageLink(config: Config, settings: PrisonVisitsSettings, visitId: string, now = new Date()): string {
  return `${config.baseUrl}/prison-visits/manage/${signManageToken(visitId, new Date(now.getTime() + settings.manageLinkDays * 86_400_000), config.sessionSecret)}`
}

/** Sends the visitor word of a change, in the change's transaction. */
export async function notifyChange(trx: Kysely<unknown>, config: Config, settings: PrisonVisitsSettings, visit: VisitRecord, detail: string): Promise<void> {
  if (!visit.contactEmail && !visit.contactPhone) return
  const db = trx as unknown as Db
  const summary = await visitSummary(db, visit, visit.lang)
  await sendMessage(trx, {
    type: 'prison-visits-changed',
    to: { email: visit.contactEmail ?? undefined, phone: visit.contactPhone ?? undefined },
    lang: visit.lang,
    personalisation: { reference: visit.reference, prison: summary.prison, when: summary.when, detail, link: manageLink(config, settings, visit.id) },
    idempotencyKey: `prison-visits:change:${visit.id}:${visit.state}`,
  })
}

export async function registerPublicRoutes(app: FastifyInstance, deps: { config: Config; database: Database; settings: PrisonVisitsSettings }): Promise<void> {
  const { config, database, settings } = deps
  const db = withTables<PrisonVisitsTables>(database.db)
  const drafts = withTables<JourneyTables>(database.db)

  rememberPrisonNames(await listPrisons(db, { bookableOnly: true }))
  app.get('/prison-visits', async (request, reply) => reply.page(startPage(ctxFor(request))))

  const require = createRequire(import.meta.url)
  const autocompleteJs = readFileSync(require.resolve('accessible-autocomplete/dist/accessible-autocomplete.min.js'), 'utf8')
  const autocompleteCss = readFileSync(require.resolve('accessible-autocomplete/dist/accessible-autocomplete.min.css'), 'utf8')
  app.get('/prison-visits/assets/accessible-autocomplete.min.js', (_r, reply) => reply.type('text/javascript').header('cache-control', 'public, max-age=86400').send(autocompleteJs))
  app.get('/prison-visits/assets/accessible-autocomplete.min.css', (_r, reply) => reply.type('text/css').header('cache-control', 'public, max-age=86400').send(autocompleteCss))
  app.get('/prison-visits/assets/prison-autocomplete.js', (_r, reply) => reply.type('text/javascript').header('cache-control', 'public, max-age=86400').send(ENHANCE_PRISON_SELECT))

  async function submittedVisit(request: FastifyRequest): Promise<VisitRecord | undefined> {
    if (!request.sessionId) return undefined
    const draft = await drafts
      .selectFrom('journey_drafts')
      .select(['reference'])
      .where('session_id', '=', request.sessionId)
      .where('service', '=', 'prison-visits')
      .where('journey', '=', 'book-a-visit')
      .where('status', '=', 'submitted')
      .orderBy('submitted_at', 'desc')
      .executeTakeFirst()
    return draft?.reference ? findVisit(db, { reference: draft.reference }) : undefined
  }

  await app.register(async (scope) => {
    // Two of the journey's routes need more than the engine gives them. Each gets its own
    // preHandler, so that the journey's other pages run nothing extra: a scope-wide hook cost every page
    // a promise and a look at its route.
    const limitLookups: preHandlerAsyncHookHandler = async (request, reply) => {
      // Per address, so the register cannot be worked through from many sessions.
      const ip = request.ip
      if (!(await ipLookupAllowed(db, ip, settings.lookupsPerAddress))) {
        return reply.page(invalidTooMany(request), 429)
      }
      await recordLookup(db, `ip:${ip}`)
    }
    const showConfirmation: preHandlerAsyncHookHandler = async (request, reply) => {
      const visit = await submittedVisit(request)
      if (!visit) return
      const summary = await visitSummary(db, visit, request.lang)
      return reply.page(confirmationPage(ctxFor(request), { ...summary, feedbackHref: `${PREFIX}/feedback` }))
    }
    // The route pattern, not the URL: `/prisoner/` reaches the same route, and meets the same limit.
    scope.addHook('onRoute', (route) => {
      const before = (handler: preHandlerAsyncHookHandler) => (route.preHandler = [handler, ...[route.preHandler ?? []].flat()])
      if (route.method === 'POST' && route.url === `${PREFIX}/prisoner`) before(limitLookups)
      if (route.method === 'GET' && route.url === `${PREFIX}/confirmation`) before(showConfirmation)
    })
    await scope.register(journeyPlugin, {
      prefix: PREFIX,
      journey: bookingJourney(settings, config.baseUrl, config.sessionSecret),
      database,
      service: { name: SERVICE.name, url: '/prison-visits' },
      baseUrl: config.baseUrl,
    })
  })

  function invalidTooMany(request: FastifyRequest) {
    return tooManyAttemptsPage(ctxFor(request))
  }

  // Manage a visit from the link in the message.
  const manageView = async (request: FastifyRequest, reply: FastifyReply, visit: VisitRecord, extra: { error?: string; reason?: string; done?: boolean } = {}) => {
    const today = todayInLondon()
    const summary = await visitSummary(db, visit, request.lang)
    return reply.page(
      managePage(ctxFor(request), {
        ...summary,
        ...extra,
        canCancel: visitorCanCancel(visit.state, visit.date, today),
        isPast: visit.date < today,
        csrf: csrfToken(request, reply),
        action: request.url.split('?')[0] ?? '',
      }),
    )
  }

  app.get<{ Params: { token: string } }>('/prison-visits/manage/:token', async (request, reply) => {
    const id = verifyManageToken(request.params.token, config.sessionSecret)
    const visit = id ? await findVisit(db, { id }) : undefined
    if (!visit) return reply.page(invalidLinkPage(ctxFor(request)), 404)
    return manageView(request, reply, visit)
  })

  app.post<{ Params: { token: string } }>('/prison-visits/manage/:token', async (request, reply) => {
    const id = verifyManageToken(request.params.token, config.sessionSecret)
    const visit = id ? await findVisit(db, { id }) : undefined
    if (!visit) return reply.page(invalidLinkPage(ctxFor(request)), 404)
    const reason = String((request.body as Record<string, unknown> | undefined)?.reason ?? '')
    const to = visitorCanCancel(visit.state, visit.date, todayInLondon())
    if (!to) return manageView(request, reply, visit)
    if (!(VISITOR_CANCELLATION_REASONS as readonly string[]).includes(reason)) {
      return manageView(request, reply, visit, { error: visitText(request.lang).manage.reasonRequired })
    }
    const result = await changeVisitState(db, visit.id, to, { by: 'visitor', cancellationReasons: [], staffMessage: null, now: new Date() }, async (trx, changed) => {
      await notifyChange(trx as never, config, settings, changed, visitText(changed.lang).messages.visitorCancelled)
      await trx.updateTable('prison_visits_visits').set({ cancellation_reasons: [`visitor:${reason}`] }).where('id', '=', changed.id).execute()
    })
    const after = result.changed ? result.visit : visit
    return manageView(request, reply, after, { done: result.changed })
  })
}


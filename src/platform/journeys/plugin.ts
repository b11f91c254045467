/**
 * Mounts a journey under a prefix: a GET and a POST route for each page,
 * check answers, confirmation, save and return, the session-ended page, the
 * keep-alive the timeout warning calls, and the satisfaction survey.
 *
 * Everything the user enters lives in a `journey_drafts` row tied to their
 * session id; the cookie holds only that id. The user's place in the journey
 * is recomputed from the answers on every request (walk.ts), so any web
 * process can serve any request and a restart loses nothing.
 */
import type { FastifyContextConfig, FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Database } from '../db/index.js'
import type { Bilingual } from '../i18n/index.js'
import { formatDate } from '../i18n/index.js'
import { pageContext } from '../http/pages.js'
import { csrfToken, ensureSession } from '../http/session.js'
import type { SummaryListRow } from '../ui/govuk/index.js'
import { serviceHeaders, type PageContext } from '../ui/layouts/page.js'
import { countJourneyEvents, recordJourneyEvents, recordSatisfaction, writeCountedEvents, type JourneyEvent } from '../kpi/repository.js'
import { email as emailField, fieldErrors, firstValue, formSchema, lowerFirst, type FieldError, type FormValues } from './fields.js'
import { AnswerRejected, CHECK_ANSWERS, titleText, type AnswerPage, type Channel, type CustomPage, type Journey, type PageMap } from './journey.js'
import { afterAnswer, answersOnPath, isReachable, previousPage, walk } from './walk.js'
import { questionView } from './view.js'
import { journeyText } from './text.js'
import * as repo from './repository.js'
import type { Draft } from './repository.js'
import { DRAFT_COOKIE, KeptDrafts } from './kept.js'
import { sendSaveLink } from './save-link.js'
import {
  checkAnswersView,
  confirmationView,
  feedbackThanksView,
  feedbackView,
  messageView,
  questionPageView,
  saveView,
  savedView,
  type TimeoutModel,
} from './pages/journey-pages.js'
import { z } from 'zod'
import { andThen, handled, type MaybeAsync } from '../maybe-async.js'
import type { SafeHtml } from '../ui/html.js'

const HOUR = 60 * 60 * 1000
/** Save-and-return emails one draft may send. */
const MAX_SAVE_LINKS = 5
const DAY = 24 * HOUR

export interface JourneyPluginOptions {
  // Any journey: its answers' type matters to its own pages, not to the engine.
  journey: Journey<any> // eslint-disable-line @typescript-eslint/no-explicit-any
  database: Database
  /** The service, for the page header. */
  service: { name: Bilingual; url: string }
  /** The public address of the site, for the links in emails: `https://justice.example`. */
  baseUrl: string
  drafts?: {
    /** How long a draft lives after its last change (default 24 hours). */
    unsavedHours?: number
    /** How long a draft the user saved to come back to lives (default 30 days). */
    savedDays?: number
  }
  /** Idle time before the session ends (default 30 minutes). The warning comes 2 minutes before. */
  sessionMinutes?: number
  /** Who is completing the journey: staff completing it for someone is `assisted`. */
  channel?: (request: FastifyRequest) => Channel
  /**
   * Config for every route of the journey. Mounting a journey for staff to
   * complete on someone's behalf, under `/staff/...`, needs the access rule:
   * `{ staff: requireRole('visits-staff') }`, with `channel: () => 'assisted'`.
   */
  routeConfig?: FastifyContextConfig
  /** How often expired drafts are deleted (default hourly); 0 turns the timer off. */
  cleanupIntervalMs?: number
}

const cleaning = new WeakSet<Database>()

/** A request that shows a page rather than changes anything. */
const shows = (request: FastifyRequest) => request.method === 'GET' || request.method === 'HEAD'

/**
 * One memory of kept drafts per journey in each server: a journey mounted
 * twice (for the public, and for staff completing it for someone) reads and
 * writes the same draft rows, so both mounts must see each other's changes.
 */
const keptDrafts = new WeakMap<object, Map<string, KeptDrafts>>()
function keptDraftsFor(server: object, journey: Journey<PageMap>): KeptDrafts {
  let byJourney = keptDrafts.get(server)
  if (!byJourney) keptDrafts.set(server, (byJourney = new Map()))
  const key = `${journey.service}:${journey.id}`
  let kept = byJourney.get(key)
  if (!kept) byJourney.set(key, (kept = new KeptDrafts()))
  return kept
}

/** The journey as a Fastify plugin; register it with `{ prefix: '/prison-visits/book', journey, ... }`. */
export const journeyPlugin: FastifyPluginAsync<JourneyPluginOptions> = async (app, options) => {
  const database = options.database
  const journey = options.journey as Journey<PageMap>
  const db = database.db
  const prefix = app.prefix
  const unsavedMs = (options.drafts?.unsavedHours ?? 24) * HOUR
  const savedMs = (options.drafts?.savedDays ?? 30) * DAY
  const sessionMs = (options.sessionMinutes ?? 30) * 60 * 1000
  const checkPath = journey.checkAnswers?.path ?? 'check-your-answers'
  const confirmationPath = journey.confirmation.path ?? 'confirmation'
  const pages = journey.pages as Record<string, AnswerPage>

  const url = (key: string): string => (key === CHECK_ANSWERS ? `${prefix}/${checkPath}` : `${prefix}/${pages[key]!.path}`)
  const serviceHeader = serviceHeaders(options.service.name, options.service.url)
  const ctxFor = (request: FastifyRequest): PageContext => pageContext(request, { service: serviceHeader[request.lang] })
  const channelOf = (request: FastifyRequest): Channel => options.channel?.(request) ?? 'digital'
  const expiry = (saved: boolean) => new Date(Date.now() + (saved ? savedMs : unsavedMs))
  const kept = keptDraftsFor(app.server, journey)
  const warnCounts = (message: string, error?: unknown) => app.log.warn({ err: error }, message)
  // The warning counts down from when the session really ends: it is extended at most once a minute.
  const timeout = (request: FastifyRequest): TimeoutModel => {
    const now = Date.now()
    const ends = request.sessionId ? kept.sessionEnds(request.sessionId, now) : undefined
    return { seconds: Math.round(((ends ?? now + sessionMs) - now) / 1000), extendUrl: `${prefix}/keep-alive`, endedUrl: `${prefix}/session-ended` }
  }
  const event = (request: FastifyRequest, draft: Draft | undefined, kind: JourneyEvent['event'], page?: string, field?: string): JourneyEvent => ({
    service: journey.service,
    journey: journey.id,
    runId: draft?.run_id ?? null,
    event: kind,
    page: page ?? null,
    field: field ?? null,
    channel: draft?.channel ?? channelOf(request),
  })

  /**
   * The session's draft. A page shown uses the draft this process kept, when
   * the browser's stamp says it is still the latest (kept.ts), at once; a
   * change always reads the database.
   */
  function sessionDraft(request: FastifyRequest, reply: FastifyReply): MaybeAsync<Draft | undefined> {
    const sessionId = request.sessionId
    if (!sessionId) return undefined
    const showing = shows(request)
    if (showing) {
      const found = kept.find(sessionId, request.cookies[DRAFT_COOKIE], Date.now())
      if (found) return found.draft
    }
    return readSessionDraft(request, reply, sessionId, showing)
  }

  async function readSessionDraft(request: FastifyRequest, reply: FastifyReply, sessionId: string, showing: boolean): Promise<Draft | undefined> {
    const readSince = Date.now()
    const draft = await repo.findSessionDraft(db, sessionId, journey.service, journey.id)
    if (showing) keepDraft(request, reply, draft, readSince)
    return draft
  }

  /** Replies to changes that kept what they wrote, or changed nothing: the onSend hook forgets the draft for any other change. */
  const settled = new WeakSet<FastifyReply>()

  /** Keeps the draft as the database now holds it, and gives the browser its stamp. */
  function keepDraft(request: FastifyRequest, reply: FastifyReply, draft: Draft | undefined, readSince?: number): void {
    if (!request.sessionId) return
    const stamp = kept.keep(request.sessionId, draft, Date.now(), readSince)
    const sent = request.cookies[DRAFT_COOKIE]
    if (stamp && stamp !== sent) reply.setCookie(DRAFT_COOKIE, stamp, { path: prefix, httpOnly: true, sameSite: 'lax', secure: request.server.sessionKeys.secure })
    // Too big to keep: nothing is kept, and no stamp may match what another process keeps.
    if (!stamp && sent) reply.clearCookie(DRAFT_COOKIE, { path: prefix })
    settled.add(reply)
  }

  /** True when the session holding an open draft has ended; otherwise keeps it alive. At once when this process extended it lately. */
  function sessionEnded(draft: Draft | undefined, request: FastifyRequest): MaybeAsync<boolean> {
    if (!draft || draft.status !== 'open' || !request.sessionId) return false
    const now = Date.now()
    if (kept.sessionEnds(request.sessionId, now) !== undefined) return false
    return askSessionEnded(request.sessionId, now)
  }

  async function askSessionEnded(sessionId: string, now: number): Promise<boolean> {
    const ends = await repo.sessionExpiry(db, sessionId)
    if (!ends || ends.getTime() <= now) return true
    await extendSession(sessionId)
    return false
  }

  async function extendSession(sessionId: string): Promise<void> {
    const now = Date.now()
    const ends = await repo.touchSession(db, sessionId, sessionMs)
    kept.extended(sessionId, ends.getTime(), now)
  }

  const openAnswers = (draft: Draft | undefined): Record<string, unknown> => (draft?.status === 'open' ? draft.answers : {})

  function formOf(request: FastifyRequest): { form: FormValues; action: string } {
    const body = (request.body ?? {}) as Record<string, unknown>
    const form: FormValues = {}
    for (const [k, v] of Object.entries(body)) {
      if (k === '_csrf' || k === '_action') continue
      if (typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))) form[k] = v as string | string[]
    }
    return { form, action: firstValue(body._action) || 'continue' }
  }

  /** Shows a question page; at once unless a custom page's data has to be read first. */
  function renderPage(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    draft: Draft | undefined,
    values: FormValues,
    errors: FieldError[],
  ): MaybeAsync<FastifyReply> {
    const page = pages[key]!
    const lang = request.lang
    const answers = openAnswers(draft)
    const send = (questions: SafeHtml) => sendQuestionPage(request, reply, key, draft, answers, questions, errors)
    if (page.kind !== 'custom') return send(page.questions(questionView(lang, values, errors, answers)))
    const custom = page as CustomPage
    return andThen(custom.load ? custom.load({ answers, db, lang }) : undefined, (data) => send(custom.render(questionView(lang, values, errors, answers, data))))
  }

  function sendQuestionPage(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    draft: Draft | undefined,
    answers: Record<string, unknown>,
    questions: SafeHtml,
    errors: FieldError[],
  ): FastifyReply {
    const page = pages[key]!
    const lang = request.lang
    const changing = (request.query as Record<string, unknown>).change === '1'
    const previous = previousPage(walk(journey, answers), key)
    return reply.page(
      questionPageView({
        ctx: ctxFor(request),
        title: titleText(page.title, lang, answers),
        errors,
        backHref: changing ? url(CHECK_ANSWERS) : previous ? url(previous) : journey.startUrl,
        csrf: csrfToken(request, reply),
        action: `${url(key)}${changing ? '?change=1' : ''}`,
        questions,
        continueText: page.continueText?.[lang],
        saveForLater: journey.saveAndReturn !== false,
        timeout: draft?.status === 'open' ? timeout(request) : undefined,
      }),
    )
  }

  const redirect = (reply: FastifyReply, to: string) => reply.redirect(to, 303)
  // Route config for every page: a journey staff complete for someone is mounted under /staff with an access rule.
  const routeOptions = { config: options.routeConfig ?? {} }

  // Journey pages hold what people typed: never keep them in a shared or back-button cache.
  // With a callback rather than async: an async hook costs every journey page a promise and a turn of the microtask queue.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('cache-control', 'no-store')
    // A change that did not keep what it wrote: forget the kept draft, and the stamp, which another process may know too.
    if (!shows(request) && !settled.has(reply) && request.sessionId) {
      kept.forget(request.sessionId)
      if (request.cookies[DRAFT_COOKIE]) reply.clearCookie(DRAFT_COOKIE, { path: prefix })
    }
    done(null, payload)
  })
  // Counts wait a moment before they are written (countJourneyEvents): write them before the database closes.
  app.addHook('preClose', async () => {
    await writeCountedEvents(db)
  })

  /** A question page asked for: the page, or where the visitor should be instead. */
  function showQuestion(request: FastifyRequest, reply: FastifyReply, key: string, draft: Draft | undefined, ended: boolean): MaybeAsync<FastifyReply> {
    if (ended) return redirect(reply, `${prefix}/session-ended`)
    const w = walk(journey, openAnswers(draft))
    if (!isReachable(w, key)) return redirect(reply, url(w.firstUnanswered))
    const open = draft?.status === 'open' ? draft : undefined
    // A view counts within a run, where the measures look for the page people stopped at (measureJourney);
    // a question looked at before any answer belongs to no run, and its row would only fill the table.
    if (request.method === 'GET' && open) countJourneyEvents(db, [event(request, open, 'page-viewed', key)], warnCounts)
    return renderPage(request, reply, key, open, (open?.form[key] as FormValues | undefined) ?? {}, [])
  }

  for (const key of journey.order) {
    const page = pages[key]!

    // At once, with no turn of the microtask queue, when the draft and the page's data are in memory (maybe-async.ts).
    app.get(`/${page.path}`, routeOptions, (request, reply) =>
      handled(
        andThen(sessionDraft(request, reply), (draft) =>
          andThen(sessionEnded(draft, request), (ended) => showQuestion(request, reply, key, draft, ended)),
        ),
      ),
    )

    app.post(`/${page.path}`, routeOptions, async (request, reply) => {
      const lang = request.lang
      const changing = (request.query as Record<string, unknown>).change === '1'
      let draft = await sessionDraft(request, reply)
      if (draft?.status !== 'open') draft = undefined
      const ended = await sessionEnded(draft, request)
      const w = walk(journey, openAnswers(draft))
      if (!isReachable(w, key)) return redirect(reply, url(w.firstUnanswered))
      const { form, action } = formOf(request)
      if (!draft) {
        draft = await repo.createDraft(db, {
          service: journey.service,
          journey: journey.id,
          sessionId: ensureSession(request, reply),
          channel: channelOf(request),
          expiresAt: expiry(false),
        })
        await extendSession(draft.session_id as string)
        countJourneyEvents(db, [event(request, draft, 'started')], warnCounts)
      }
      let answers = { ...draft.answers }
      let saved = { ...draft.form } as Record<string, FormValues>

      if (action !== 'continue' && action !== 'save') {
        // An in-page action of a custom page (add another, remove): keep what was typed, show the page again.
        const updated = page.kind === 'custom' ? (page as CustomPage).action?.(action, form) : undefined
        saved[key] = updated ?? form
        delete answers[key]
        keepDraft(request, reply, await repo.updateDraft(db, draft.id, { answers, form: saved, expiresAt: expiry(draft.saved) }))
        return redirect(reply, `${url(key)}${changing ? '?change=1' : ''}`)
      }

      const parsed = page.schema(lang).safeParse(form)
      let errors: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error)
      if (parsed.success) {
        const value = parsed.data as unknown
        let written: Draft | undefined
        errors = await database.db.transaction().execute(async (trx) => {
          const locked = await repo.lockDraft(trx, draft!.id)
          if (!locked || locked.status !== 'open') return []
          const custom = page.kind === 'custom' ? (page as CustomPage) : undefined
          const problems = custom?.onSave ? await custom.onSave(trx, value, { draftId: locked.id, answers: locked.answers }) : undefined
          if (problems && problems.length > 0) return problems
          // From the locked row, so an answer saved meanwhile in another tab is kept.
          answers = { ...locked.answers, [key]: value }
          saved = { ...(locked.form as Record<string, FormValues>), [key]: form }
          written = await repo.updateDraft(trx, locked.id, { answers, form: saved, expiresAt: expiry(locked.saved) })
          return []
        })
        // Kept only once committed.
        if (written) keepDraft(request, reply, written)
      }
      if (errors.length === 0) {
        if (action === 'save') return redirect(reply, `${prefix}/save`)
        if (ended) return redirect(reply, `${prefix}/session-ended`)
        const to = afterAnswer(journey, key, answers, changing)
        return redirect(reply, to === CHECK_ANSWERS ? url(CHECK_ANSWERS) : `${url(to)}${changing ? '?change=1' : ''}`)
      }
      if (action === 'save') {
        // Saving for later keeps what was typed even when it is not valid yet; the page asks again on return.
        delete answers[key]
        saved[key] = form
        keepDraft(request, reply, await repo.updateDraft(db, draft.id, { answers, form: saved, expiresAt: expiry(draft.saved) }))
        return redirect(reply, `${prefix}/save`)
      }
      countJourneyEvents(db, errors.map((e) => event(request, draft, 'validation-error', key, e.field)), warnCounts)
      return renderPage(request, reply, key, draft, form, errors)
    })
  }

  app.get('/', routeOptions, async (request, reply) => {
    const draft = await sessionDraft(request, reply)
    return redirect(reply, url(walk(journey, openAnswers(draft)).firstUnanswered))
  })

  async function renderCheckAnswers(request: FastifyRequest, reply: FastifyReply, draft: Draft): Promise<FastifyReply> {
    const lang = request.lang
    const t = journeyText(lang)
    const w = walk(journey, draft.answers)
    const rows: SummaryListRow[] = []
    for (const key of w.path) {
      const page = pages[key]!
      for (const row of page.summary?.(draft.answers[key], lang) ?? []) {
        rows.push({
          key: { text: row.key },
          value: typeof row.value === 'string' ? { text: row.value } : { html: row.value },
          actions: { items: [{ href: `${url(key)}?change=1`, text: t.change, visuallyHiddenText: lowerFirst(row.key) }] },
        })
      }
    }
    const title = journey.checkAnswers?.title?.[lang] ?? t.checkAnswers.title
    return reply.page(
      checkAnswersView({
        ctx: ctxFor(request),
        title,
        backHref: url(previousPage(w, CHECK_ANSWERS) ?? journey.order[0]!),
        csrf: csrfToken(request, reply),
        action: url(CHECK_ANSWERS),
        draftId: draft.id,
        rows,
        declaration: journey.checkAnswers?.declaration?.(lang),
        submitText: journey.checkAnswers?.submitText?.[lang],
        errors: [],
        timeout: timeout(request),
      }),
    )
  }

  app.get(`/${checkPath}`, routeOptions, async (request, reply) => {
    const draft = await sessionDraft(request, reply)
    if (!draft) return redirect(reply, url(journey.order[0]!))
    if (draft.status === 'submitted') return redirect(reply, `${prefix}/${confirmationPath}`)
    if (await sessionEnded(draft, request)) return redirect(reply, `${prefix}/session-ended`)
    const w = walk(journey, draft.answers)
    if (!w.complete) return redirect(reply, url(w.firstUnanswered))
    if (request.method === 'GET') countJourneyEvents(db, [event(request, draft, 'page-viewed', CHECK_ANSWERS)], warnCounts)
    return renderCheckAnswers(request, reply, draft)
  })

  app.post(`/${checkPath}`, routeOptions, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const draftId = firstValue(body.draft)
    let outcome: { to: string }
    try {
      outcome = await submitDraft(request, draftId)
    } catch (error) {
      if (!(error instanceof AnswerRejected) || !(error.page in pages)) throw error
      const draft = await repo.findSessionDraft(db, request.sessionId ?? '', journey.service, journey.id)
      if (!draft || draft.id !== draftId) throw error
      const answers = { ...draft.answers }
      delete answers[error.page]
      await repo.updateDraft(db, draft.id, { answers, form: draft.form, expiresAt: expiry(draft.saved) })
      request.log.info({ page: error.page }, 'an answer was refused at submission')
      return renderPage(request, reply, error.page, { ...draft, answers }, (draft.form[error.page] as FormValues | undefined) ?? {}, error.errors)
    }
    return redirect(reply, outcome.to)
  })

  function submitDraft(request: FastifyRequest, draftId: string): Promise<{ to: string }> {
    return db.transaction().execute(async (trx): Promise<{ to: string }> => {
      // The row lock makes a second click wait for the first, then see it submitted.
      const draft = draftId ? await repo.lockDraft(trx, draftId) : undefined
      if (!draft || draft.session_id !== request.sessionId) return { to: url(journey.order[0]!) }
      if (draft.status === 'submitted') return { to: `${prefix}/${confirmationPath}` }
      const w = walk(journey, draft.answers)
      if (!w.complete) return { to: url(w.firstUnanswered) }
      const { reference } = await journey.submit(trx, answersOnPath(w, draft.answers) as never, {
        lang: request.lang,
        channel: draft.channel,
        draftId: draft.id,
      })
      await repo.markSubmitted(trx, draft.id, reference, expiry(false))
      await recordJourneyEvents(trx, [event(request, draft, 'completed')])
      return { to: `${prefix}/${confirmationPath}` }
    })
  }

  app.get(`/${confirmationPath}`, routeOptions, async (request, reply) => {
    const draft = await sessionDraft(request, reply)
    if (!draft || draft.status !== 'submitted' || !draft.reference) return redirect(reply, url(journey.order[0]!))
    const lang = request.lang
    return reply.page(
      confirmationView({
        ctx: ctxFor(request),
        title: journey.confirmation.title[lang],
        reference: draft.reference,
        body: journey.confirmation.render?.({ lang, reference: draft.reference }),
        feedbackHref: `${prefix}/feedback`,
      }),
    )
  })

  // Save and come back later.
  app.get('/save', routeOptions, async (request, reply) => {
    const draft = await sessionDraft(request, reply)
    if (!draft || draft.status !== 'open') return redirect(reply, url(journey.order[0]!))
    const w = walk(journey, draft.answers)
    return reply.page(saveView({ ctx: ctxFor(request), backHref: url(w.firstUnanswered), csrf: csrfToken(request, reply), email: '', errors: [] }))
  })

  app.post('/save', routeOptions, async (request, reply) => {
    const lang = request.lang
    const draft = await sessionDraft(request, reply)
    if (!draft || draft.status !== 'open') return redirect(reply, url(journey.order[0]!))
    const { form } = formOf(request)
    const parsed = formSchema({ email: emailField(lang, { required: { en: 'Enter your email address', cy: 'Rhowch eich cyfeiriad e-bost' } }) }).safeParse(form)
    if (!parsed.success) {
      const w = walk(journey, draft.answers)
      return reply.page(
        saveView({ ctx: ctxFor(request), backHref: url(w.firstUnanswered), csrf: csrfToken(request, reply), email: firstValue(form.email), errors: fieldErrors(parsed.error) }),
      )
    }
    const expiresAt = expiry(true)
    const sent = await db.transaction().execute(async (trx) => {
      const locked = await repo.lockDraft(trx, draft.id)
      if (!locked) return true
      // Each link is an email to an address the user typed: a limit stops the page being used to send mail to anyone.
      if ((await repo.countReturnLinks(trx, locked.id)) >= MAX_SAVE_LINKS) return false
      await repo.updateDraft(trx, locked.id, { answers: locked.answers, form: locked.form, expiresAt, saved: true })
      const token = await repo.createReturnLink(trx, locked.id, expiresAt)
      await sendSaveLink(trx, {
        email: parsed.data.email,
        lang,
        link: `${options.baseUrl}${prefix}/return/${token}`,
        expires: formatDate(expiresAt, lang),
        idempotencyKey: `journey-save:${locked.id}:${repo.hashToken(token).slice(0, 16)}`,
      })
      return true
    })
    if (!sent) {
      const w = walk(journey, draft.answers)
      const errors = [{ field: 'email', message: journeyText(lang).save.tooMany }]
      return reply.page(saveView({ ctx: ctxFor(request), backHref: url(w.firstUnanswered), csrf: csrfToken(request, reply), email: firstValue(form.email), errors }))
    }
    return redirect(reply, `${prefix}/saved`)
  })

  app.get('/saved', routeOptions, async (request, reply) => {
    const draft = await sessionDraft(request, reply)
    if (!draft || draft.status !== 'open' || !draft.saved) return redirect(reply, url(journey.order[0]!))
    return reply.page(savedView(ctxFor(request), formatDate(new Date(draft.expires_at), request.lang)))
  })

  const linkExpired = (request: FastifyRequest, reply: FastifyReply) => {
    const t = journeyText(request.lang).resume
    return reply.page(messageView(ctxFor(request), { title: t.expiredTitle, body: t.expiredBody, link: { text: t.startAgain, href: url(journey.order[0]!) } }), 410)
  }

  // The emailed link shows a button rather than restoring at once, so that a mail scanner opening the link does not use it up.
  app.get('/return/:token', routeOptions, async (request, reply) => {
    const { token } = request.params as { token: string }
    const draft = await repo.peekReturnLink(db, token)
    if (!draft || draft.service !== journey.service || draft.journey !== journey.id) return linkExpired(request, reply)
    const t = journeyText(request.lang).resume
    return reply.page(messageView(ctxFor(request), { title: t.title, body: t.body, button: { text: t.button, csrf: csrfToken(request, reply) } }))
  })

  app.post('/return/:token', routeOptions, async (request, reply) => {
    const { token } = request.params as { token: string }
    // A new session: whoever held the old one (a shared computer) cannot see the restored answers.
    if (request.sessionId) kept.forget(request.sessionId)
    request.sessionId = undefined
    const sessionId = ensureSession(request, reply)
    const draftId = await db.transaction().execute(async (trx) => {
      const id = await repo.useReturnLink(trx, token)
      if (!id) return undefined
      const draft = await repo.lockDraft(trx, id)
      if (!draft || draft.status !== 'open' || draft.service !== journey.service || draft.journey !== journey.id) return undefined
      // Whoever holds the old session stops seeing the draft here at once (another process within a minute, kept.ts).
      if (draft.session_id) kept.forget(draft.session_id)
      await repo.bindDraftToSession(trx, id, sessionId)
      await repo.touchSession(trx, sessionId, sessionMs)
      return id
    })
    if (!draftId) return linkExpired(request, reply)
    const draft = await repo.findSessionDraft(db, sessionId, journey.service, journey.id)
    return redirect(reply, url(walk(journey, openAnswers(draft)).firstUnanswered))
  })

  // Session timeout: the warning's "stay" button, and where an ended session lands.
  app.post('/keep-alive', routeOptions, async (request, reply) => {
    const draft = await sessionDraft(request, reply)
    // Extending the session changes no answer: what is kept stays true.
    settled.add(reply)
    if (!draft || !request.sessionId || draft.status !== 'open') return reply.code(204).send()
    const ends = await repo.sessionExpiry(db, request.sessionId)
    if (!ends || ends.getTime() <= Date.now()) return reply.code(409).send({ ended: true })
    await extendSession(request.sessionId)
    return reply.send({ seconds: Math.round(sessionMs / 1000) })
  })

  app.get('/session-ended', routeOptions, async (request, reply) => {
    const draft = await sessionDraft(request, reply)
    if (!draft || draft.status !== 'open') return redirect(reply, url(journey.order[0]!))
    const t = journeyText(request.lang).timeout
    return reply.page(messageView(ctxFor(request), { title: t.endedTitle, body: t.endedBody, button: { text: t.resume, csrf: csrfToken(request, reply) } }))
  })

  app.post('/session-ended', routeOptions, async (request, reply) => {
    const draft = await sessionDraft(request, reply)
    if (!draft || draft.status !== 'open') return redirect(reply, url(journey.order[0]!))
    // A fresh session id, as at sign-in: the old one is finished with.
    kept.forget(draft.session_id as string)
    request.sessionId = undefined
    const sessionId = ensureSession(request, reply)
    await repo.bindDraftToSession(db, draft.id, sessionId)
    await extendSession(sessionId)
    return redirect(reply, url(walk(journey, draft.answers).firstUnanswered))
  })

  // The one-question satisfaction survey offered after every confirmation.
  app.get('/feedback', routeOptions, async (request, reply) =>
    reply.page(feedbackView({ ctx: ctxFor(request), csrf: csrfToken(request, reply), rating: '', comment: '', errors: [] })),
  )

  app.post('/feedback', routeOptions, async (request, reply) => {
    const t = journeyText(request.lang).feedback
    const { form } = formOf(request)
    const parsed = z
      .object({
        rating: z.enum(['1', '2', '3', '4', '5'], { error: t.required }),
        comment: z.string().trim().max(1200, { error: t.commentTooLong }).optional(),
      })
      .safeParse({ rating: firstValue(form.rating) || undefined, comment: firstValue(form.comment) })
    if (!parsed.success) {
      return reply.page(
        feedbackView({
          ctx: ctxFor(request),
          csrf: csrfToken(request, reply),
          rating: firstValue(form.rating),
          comment: firstValue(form.comment),
          errors: fieldErrors(parsed.error),
        }),
      )
    }
    await recordSatisfaction(db, {
      service: journey.service,
      journey: journey.id,
      rating: Number(parsed.data.rating),
      comment: parsed.data.comment ? parsed.data.comment : null,
    })
    return redirect(reply, `${prefix}/feedback/thank-you`)
  })

  app.get('/feedback/thank-you', routeOptions, async (request, reply) => reply.page(feedbackThanksView(ctxFor(request))))

  startCleanup(app, database, options.cleanupIntervalMs ?? HOUR)
}

/**
 * Deletes expired drafts on a timer in the web process. The platform has no
 * job queue yet (src/platform/jobs is empty); when pg-boss lands this becomes
 * a schedule there. Running in every web process is harmless: the delete is
 * idempotent and cheap with the index on expires_at.
 */
function startCleanup(app: FastifyInstance, database: Database, intervalMs: number): void {
  if (intervalMs <= 0 || cleaning.has(database)) return
  cleaning.add(database)
  let timer: NodeJS.Timeout | undefined
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      repo.deleteExpiredDrafts(database.db).catch((error: unknown) => app.log.warn({ err: error }, 'deleting expired journey drafts failed'))
    }, intervalMs)
    timer.unref()
  })
  app.addHook('onClose', async () => {
    clearInterval(timer)
    cleaning.delete(database)
  })
}

/**
 * Declaring a journey: question pages and custom pages (each with a zod
 * schema over its posted form), the branching between them, a check-answers
 * page, the submission handler and a confirmation page. The type of the
 * answers is inferred from the pages: `Answers<typeof pages>`.
 *
 * Branching lives in the journey's `next` map rather than on each page, so
 * that every `next` function sees the whole, typed answers of the journey.
 */
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { PlatformTables } from '../db/index.js'
import type { Bilingual, Language } from '../i18n/index.js'
import type { SafeHtml } from '../ui/html.js'
import type { FieldError, FormValues } from './fields.js'
import type { QuestionView } from './view.js'
import type { MaybeAsync } from '../maybe-async.js'

/** A page title: fixed, or worked out from the answers so far ("Is Jo Bloggs on your list?"). */
export type Title = Bilingual | ((lang: Language, answers: Record<string, unknown>) => string)

export function titleText(title: Title, lang: Language, answers: Record<string, unknown> = {}): string {
  return typeof title === 'function' ? title(lang, answers) : title[lang]
}

/** A row on check your answers. */
export interface AnswerRow {
  key: string
  value: string | SafeHtml
  /** The field the Change link goes to (default: the page's first). */
  field?: string
}

interface AnswerPageBase<S extends z.ZodType> {
  /** URL segment under the journey's prefix: `date-of-birth`. */
  path: string
  title: Title
  /** Validates and converts the posted form. A function of the language, so messages are in the user's language. */
  schema: (lang: Language) => S
  /** Rows on check your answers; none means the page is not shown there. */
  summary?: (value: z.output<S>, lang: Language) => AnswerRow[]
  /** The Continue button's text, when not "Continue". */
  continueText?: Bilingual
}

/** A question page: the engine renders the heading, form, errors and buttons; the page gives its questions. */
export interface QuestionPage<S extends z.ZodType = z.ZodType> extends AnswerPageBase<S> {
  kind: 'question'
  /** The questions, built from GOV.UK components through the view's helpers. */
  questions: (view: QuestionView) => SafeHtml
}

/** What a custom page's `load` gets: the answers so far, the database, the language. */
export interface LoadContext {
  answers: Record<string, unknown>
  db: Kysely<PlatformTables>
  lang: Language
}

/**
 * A page the service renders itself (a calendar of visit times, "add another
 * visitor"). It is still inside the engine's form, with its CSRF token and
 * buttons, and its answer is still validated by its schema.
 */
export interface CustomPage<S extends z.ZodType = z.ZodType, D = unknown> extends AnswerPageBase<S> {
  kind: 'custom'
  /** Data the page shows (free visit slots), read before rendering. Data given at once, rather than as a promise, lets the page be sent in the same turn. */
  load?: (ctx: LoadContext) => MaybeAsync<D>
  render: (view: QuestionView<D>) => SafeHtml
  /**
   * Runs in the transaction that saves a valid answer (place a hold on a visit
   * slot). Returning errors rejects the answer and re-renders the page.
   */
  onSave?: (trx: Kysely<PlatformTables>, value: z.output<S>, ctx: { draftId: string; answers: Record<string, unknown> }) => Promise<FieldError[] | void>
  /**
   * In-page actions other than Continue (`add`, `remove-2`): the posted
   * `_action` value is passed with the form, and the result replaces the saved
   * form values of this page, which is then shown again. Nothing is validated.
   */
  action?: (action: string, form: FormValues) => FormValues | undefined
}

/** A page that holds an answer. */
export type AnswerPage = QuestionPage<any> | CustomPage<any, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export type PageMap = Record<string, AnswerPage>

/** The answers of a journey: each page's converted value, under the page's key; absent until answered. */
export type Answers<P extends PageMap> = { [K in keyof P]?: z.output<ReturnType<P[K]['schema']>> }

export const CHECK_ANSWERS = 'check-answers' as const

export interface SubmitContext {
  lang: Language
  channel: Channel
  /** The draft's id, stable across retries: use it as an idempotency key for anything sent. */
  draftId: string
}

export type Channel = 'digital' | 'assisted'

/**
 * Thrown by `submit` when an answer is no longer acceptable (the visit time
 * has gone since it was chosen). The transaction rolls back, the answer is
 * cleared, and the user is shown that page again with these errors.
 */
export class AnswerRejected extends Error {
  constructor(
    readonly page: string,
    readonly errors: FieldError[],
  ) {
    super(`The answer to ${page} was refused at submission`)
  }
}

export interface JourneyDefinition<P extends PageMap> {
  /** Unique within the service: `book-a-visit`. */
  id: string
  /** The service this journey belongs to (for measures and feedback): `prison-visits`. */
  service: string
  /** Question and custom pages, in their usual order. The first is where the journey starts. */
  pages: P
  /** Where each page goes next; a page without one goes to the page declared after it (the last to check answers). */
  next?: { [K in keyof P]?: (answers: Answers<P>) => keyof P | typeof CHECK_ANSWERS }
  checkAnswers?: {
    path?: string
    title?: Bilingual
    /** Text above the send button: a declaration, what happens next. */
    declaration?: (lang: Language) => SafeHtml
    submitText?: Bilingual
  }
  /**
   * Runs in one database transaction with the answers of the user's own path
   * (answers on branches they left are dropped). Throwing rolls back and keeps
   * the draft; throwing `AnswerRejected` sends the user back to a page with
   * errors. Returns the reference shown on the confirmation page.
   */
  submit: (trx: Kysely<PlatformTables>, answers: Answers<P>, ctx: SubmitContext) => Promise<{ reference: string }>
  confirmation: {
    path?: string
    title: Bilingual
    /** The page's content below the panel with the reference. */
    render?: (view: { lang: Language; reference: string }) => SafeHtml
  }
  /** "Save and come back later" on every page (default true). */
  saveAndReturn?: boolean
  /** Back link on the first page (the service's start page). */
  startUrl?: string
}

export interface Journey<P extends PageMap = PageMap> extends JourneyDefinition<P> {
  /** Page keys in declared order. */
  order: (keyof P & string)[]
}

export function defineJourney<const P extends PageMap>(definition: JourneyDefinition<P>): Journey<P> {
  const order = Object.keys(definition.pages) as (keyof P & string)[]
  if (order.length === 0) throw new Error(`Journey ${definition.id} has no pages`)
  const paths = new Set<string>()
  for (const key of order) {
    const path = definition.pages[key]!.path
    if (paths.has(path)) throw new Error(`Journey ${definition.id}: two pages have the path ${path}`)
    paths.add(path)
  }
  return { ...definition, order }
}

/** A question page; a function so the schema's type reaches `summary`. */
export function questionPage<S extends z.ZodType>(page: Omit<QuestionPage<S>, 'kind'>): QuestionPage<S> {
  return { kind: 'question', ...page }
}

export function customPage<S extends z.ZodType, D = undefined>(page: Omit<CustomPage<S, D>, 'kind'>): CustomPage<S, D> {
  return { kind: 'custom', ...page }
}

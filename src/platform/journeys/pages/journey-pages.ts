/**
 * The engine's pages: the shell of every question page (errors, form,
 * buttons, session timeout warning), check your answers, confirmation, save
 * and return, the session-ended page and the satisfaction survey. Each is a
 * function from a view model to HTML; the routes in plugin.ts build the models.
 */
import { fieldError } from '../../i18n/index.js'
import { EncodedHtml, escapeHtml, flatHtml, html, type SafeHtml } from '../../ui/html.js'
import { remember } from '../../remember.js'
import {
  govukButton,
  govukErrorSummary,
  govukInput,
  govukPanel,
  govukRadios,
  govukSummaryList,
  govukTextarea,
  type SummaryListRow,
} from '../../ui/govuk/index.js'
import { govukPage, holedPage, holeMarker, KeptPageHtml, type HoledPage, type PageContext } from '../../ui/layouts/page.js'
import { platformText } from '../../i18n/platform.js'
import { errorHref, type FieldError } from '../fields.js'
import { journeyText } from '../text.js'

/** What the session timeout warning needs: when the session ends and where to extend or go. */
export interface TimeoutModel {
  seconds: number
  extendUrl: string
  endedUrl: string
}

function errorSummary(ctx: PageContext, errors: readonly FieldError[]): SafeHtml | '' {
  if (errors.length === 0) return ''
  return govukErrorSummary({
    titleText: platformText(ctx.lang).errorSummaryTitle,
    errorList: errors.map((e) => ({ text: e.message, href: errorHref(e) })),
  })
}

/**
 * The parts of a journey page that are the same on every page in a language
 * (the buttons, the timeout dialog), rendered once and kept flat: a few
 * microseconds of every journey page otherwise.
 */
const keptParts = new Map<string, SafeHtml>()
const kept = (key: string, make: () => SafeHtml): SafeHtml => remember(keptParts, key, 100, () => flatHtml(make()))

/**
 * The warning dialog, closed (so invisible and inert) until the script in
 * session-timeout.js opens it; without JavaScript it is never shown.
 */
function timeoutWarning(ctx: PageContext, timeout: TimeoutModel | undefined, csrf: string): SafeHtml | '' {
  if (!timeout) return ''
  const dialog = kept(`dialog\u0000${ctx.lang}`, () => {
    const t = journeyText(ctx.lang).timeout
    return html`<dialog class="jd-timeout-dialog" aria-labelledby="jd-timeout-title" aria-describedby="jd-timeout-body">
    <h2 class="govuk-heading-m" id="jd-timeout-title">${t.dialogTitle}</h2>
    <p class="govuk-body" id="jd-timeout-body">${t.dialogBody}</p>
    ${govukButton({ text: t.extend, type: 'button', attributes: { 'data-extend': 'true' } })}
  </dialog>`
  })
  return html`<div data-module="jd-session-timeout" data-timeout-seconds="${timeout.seconds}" data-warning-seconds="120" data-extend-url="${timeout.extendUrl}" data-ended-url="${timeout.endedUrl}" data-csrf="${csrf}">
  ${dialog}
</div>`
}

function timeoutHead(ctx: PageContext, timeout: TimeoutModel | undefined): SafeHtml | undefined {
  if (!timeout) return undefined
  return html`<script type="module" src="${ctx.assetPath}/session-timeout.js" nonce="${ctx.nonce}"></script>`
}

const hidden = (name: string, value: string) => html`<input type="hidden" name="${name}" value="${value}">`

export interface QuestionPageModel {
  ctx: PageContext
  title: string
  errors: FieldError[]
  backHref?: string
  csrf: string
  /** The form's action: this page, keeping `?change=1`. */
  action: string
  questions: SafeHtml
  continueText?: string
  saveForLater: boolean
  timeout?: TimeoutModel
}

/**
 * What a question page and check answers share: the error summary, back link,
 * session-timeout warning, and the form in a two-thirds column.
 */
function journeyFormPage(
  m: { ctx: PageContext; title: string; errors: FieldError[]; backHref?: string; csrf: string; timeout?: TimeoutModel },
  body: SafeHtml,
): SafeHtml {
  return govukPage(m.ctx, {
    title: m.title,
    hasErrors: m.errors.length > 0,
    backLink: m.backHref ? { href: m.backHref } : undefined,
    head: timeoutHead(m.ctx, m.timeout),
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    ${errorSummary(m.ctx, m.errors)}
    ${body}
    ${timeoutWarning(m.ctx, m.timeout, m.csrf)}
  </div>
</div>`,
  })
}

/** A question page rendered in full: what `questionPageView` must equal. */
export function questionPageViewUncached(m: QuestionPageModel): SafeHtml {
  const t = journeyText(m.ctx.lang)
  return journeyFormPage(
    m,
    html`<form method="post" action="${m.action}" novalidate>
      ${hidden('_csrf', m.csrf)}
      ${m.questions}
      ${kept(
        `buttons\u0000${m.ctx.lang}\u0000${m.saveForLater ? 's' : ''}\u0000${m.continueText ?? ''}`,
        () => html`<div class="govuk-button-group">
        ${govukButton({ text: m.continueText ?? t.continue, name: '_action', value: 'continue', preventDoubleClick: true })}
        ${m.saveForLater ? govukButton({ text: t.saveForLater, name: '_action', value: 'save', classes: 'govuk-button--secondary' }) : ''}
      </div>`,
      )}
    </form>`,
  )
}

/**
 * Question pages kept whole, as bytes with holes for the nonce, the CSRF
 * token and the seconds left, when their questions are a kept fragment
 * (flatHtml: the booking journey's list of prisons) and there are no errors:
 * the journey's first page, which most visitors see, is then sent as
 * copies, as a court's page is. Found by the fragment, then by comparing
 * everything else the page shows (`sameShape`): about 6,000 instructions a
 * request fewer than joining it all into a key to hash. At most 100 in all
 * (about 3 MB, and a buffer or so each to send them from: http/pages.ts), the
 * oldest going first, as anyone can ask for a page at new URLs.
 */
interface KeptQuestionPage {
  /** The model it was rendered from, with markers for the values in its holes (so it keeps no visitor's token). */
  model: QuestionPageModel
  page: HoledPage | null
  /** The list it is in, for when it is the oldest and goes. */
  list: KeptQuestionPage[]
}
const keptQuestionPages = new WeakMap<EncodedHtml, KeptQuestionPage[]>()
const keptInOrder: KeptQuestionPage[] = []
const MAX_KEPT_QUESTION_PAGES = 100
const NONCE = 0
const CSRF = 1
const SECONDS = 2

/** Whether two models show the same page but for the nonce, CSRF token and seconds (journey-pages.test.ts changes each field in turn). */
function sameShape(a: QuestionPageModel, b: QuestionPageModel): boolean {
  const x = a.ctx
  const y = b.ctx
  return (
    x.lang === y.lang &&
    x.assetPath === y.assetPath &&
    x.url === y.url &&
    x.service === y.service &&
    !x.staff === !y.staff &&
    x.feedbackUrl === y.feedbackUrl &&
    a.title === b.title &&
    a.backHref === b.backHref &&
    a.action === b.action &&
    a.continueText === b.continueText &&
    a.saveForLater === b.saveForLater &&
    (a.timeout === undefined) === (b.timeout === undefined) &&
    a.timeout?.extendUrl === b.timeout?.extendUrl &&
    a.timeout?.endedUrl === b.timeout?.endedUrl
  )
}

function keptQuestionPage(m: QuestionPageModel, questions: EncodedHtml): HoledPage | null {
  let list = keptQuestionPages.get(questions)
  if (list) for (const kept of list) if (sameShape(kept.model, m)) return kept.page
  if (keptInOrder.length >= MAX_KEPT_QUESTION_PAGES) {
    const oldest = keptInOrder.shift() as KeptQuestionPage
    oldest.list.splice(oldest.list.indexOf(oldest), 1)
  }
  if (!list) keptQuestionPages.set(questions, (list = []))
  const { ctx, timeout } = m
  const marked = { ...m, ctx: { ...ctx, nonce: holeMarker(NONCE) }, csrf: holeMarker(CSRF) }
  // The template prints the seconds as it prints any value, so a marker can stand in for the number.
  if (timeout) marked.timeout = { ...timeout, seconds: holeMarker(SECONDS) as unknown as number }
  let page = holedPage(questionPageViewUncached(marked), 3) ?? null
  // A marker in the page's own text (a visitor's answer in its title) would make a hole of its own: never keep such a page.
  if (page && new KeptPageHtml(page, holeValues(m)).value !== questionPageViewUncached(m).value) page = null
  const kept = { model: marked, page, list }
  list.push(kept)
  keptInOrder.push(kept)
  return kept.page
}

/** This request's values for a kept question page's holes, escaped as the page would have them. */
const holeValues = (m: QuestionPageModel): string[] => [escapeHtml(m.ctx.nonce), escapeHtml(m.csrf), m.timeout ? String(m.timeout.seconds) : '']

export function questionPageView(m: QuestionPageModel): SafeHtml {
  const { ctx, questions } = m
  if (m.errors.length > 0 || !(questions instanceof EncodedHtml) || !ctx.nonce) return questionPageViewUncached(m)
  const kept = keptQuestionPage(m, questions)
  if (!kept) return questionPageViewUncached(m)
  return new KeptPageHtml(kept, holeValues(m))
}

export interface CheckAnswersModel {
  ctx: PageContext
  title: string
  backHref?: string
  csrf: string
  action: string
  draftId: string
  rows: SummaryListRow[]
  declaration?: SafeHtml
  submitText?: string
  errors: FieldError[]
  timeout?: TimeoutModel
}

export function checkAnswersView(m: CheckAnswersModel): SafeHtml {
  const t = journeyText(m.ctx.lang)
  return journeyFormPage(
    m,
    html`<h1 class="govuk-heading-l">${m.title}</h1>
    ${govukSummaryList({ rows: m.rows, classes: 'govuk-!-margin-bottom-9' })}
    <h2 class="govuk-heading-m">${t.checkAnswers.declarationHeading}</h2>
    ${m.declaration}
    <form method="post" action="${m.action}" novalidate>
      ${hidden('_csrf', m.csrf)}
      ${hidden('draft', m.draftId)}
      ${govukButton({ text: m.submitText ?? t.checkAnswers.submit, preventDoubleClick: true })}
    </form>`,
  )
}

export interface ConfirmationModel {
  ctx: PageContext
  title: string
  reference: string
  body?: SafeHtml
  feedbackHref: string
}

export function confirmationView(m: ConfirmationModel): SafeHtml {
  const t = journeyText(m.ctx.lang)
  return govukPage(m.ctx, {
    title: m.title,
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    ${govukPanel({ titleText: m.title, html: html`${t.confirmation.reference}<br><strong data-reference>${m.reference}</strong>` })}
    ${m.body}
    <p class="govuk-body"><a class="govuk-link" href="${m.feedbackHref}">${t.feedback.link}</a>${t.feedback.linkAfter}</p>
  </div>
</div>`,
  })
}

export interface SaveModel {
  ctx: PageContext
  backHref?: string
  csrf: string
  email: string
  errors: FieldError[]
}

export function saveView(m: SaveModel): SafeHtml {
  const t = journeyText(m.ctx.lang).save
  const error = m.errors.find((e) => e.field === 'email')
  return govukPage(m.ctx, {
    title: t.title,
    hasErrors: m.errors.length > 0,
    backLink: m.backHref ? { href: m.backHref } : undefined,
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    ${errorSummary(m.ctx, m.errors)}
    <h1 class="govuk-heading-l">${t.title}</h1>
    <p class="govuk-body">${t.lead}</p>
    <form method="post" novalidate>
      ${hidden('_csrf', m.csrf)}
      ${govukInput({
        id: 'email',
        name: 'email',
        type: 'email',
        autocomplete: 'email',
        spellcheck: false,
        value: m.email,
        label: { text: t.emailLabel, classes: 'govuk-label--m' },
        hint: { text: t.emailHint },
        errorMessage: error ? fieldError(m.ctx.lang, error.message) : undefined,
      })}
      ${govukButton({ text: t.button, preventDoubleClick: true })}
    </form>
  </div>
</div>`,
  })
}

export function savedView(ctx: PageContext, expires: string): SafeHtml {
  const t = journeyText(ctx.lang).save
  return govukPage(ctx, {
    title: t.sentTitle,
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-l">${t.sentTitle}</h1>
    <p class="govuk-body">${t.sentBody(expires)}</p>
    <p class="govuk-body">${t.sentNoEmail}</p>
  </div>
</div>`,
  })
}

/** One message and, optionally, a button that posts (resume a saved draft, resume after timeout). */
export function messageView(ctx: PageContext, m: { title: string; body: string; button?: { text: string; csrf: string; action?: string }; link?: { text: string; href: string } }): SafeHtml {
  return govukPage(ctx, {
    title: m.title,
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-l">${m.title}</h1>
    <p class="govuk-body">${m.body}</p>
    ${m.button ? html`<form method="post"${m.button.action ? html` action="${m.button.action}"` : ''} novalidate>
      ${hidden('_csrf', m.button.csrf)}
      ${govukButton({ text: m.button.text, preventDoubleClick: true })}
    </form>` : ''}
    ${m.link ? html`<p class="govuk-body"><a class="govuk-link" href="${m.link.href}">${m.link.text}</a></p>` : ''}
  </div>
</div>`,
  })
}

export interface FeedbackModel {
  ctx: PageContext
  csrf: string
  rating: string
  comment: string
  errors: FieldError[]
}

export function feedbackView(m: FeedbackModel): SafeHtml {
  const t = journeyText(m.ctx.lang).feedback
  const error = (field: string) => {
    const e = m.errors.find((x) => x.field === field)
    return e ? fieldError(m.ctx.lang, e.message) : undefined
  }
  return govukPage(m.ctx, {
    title: t.title,
    hasErrors: m.errors.length > 0,
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    ${errorSummary(m.ctx, m.errors)}
    <h1 class="govuk-heading-l">${t.title}</h1>
    <form method="post" novalidate>
      ${hidden('_csrf', m.csrf)}
      ${govukRadios({
        idPrefix: 'rating',
        name: 'rating',
        value: m.rating,
        fieldset: { legend: { text: t.question, classes: 'govuk-fieldset__legend--m' } },
        items: ([5, 4, 3, 2, 1] as const).map((n) => ({ value: String(n), text: t.levels[n] })),
        errorMessage: error('rating'),
      })}
      ${govukTextarea({
        id: 'comment',
        name: 'comment',
        value: m.comment,
        label: { text: t.commentLabel, classes: 'govuk-label--s' },
        hint: { text: t.commentHint },
        errorMessage: error('comment'),
      })}
      ${govukButton({ text: t.button, preventDoubleClick: true })}
    </form>
  </div>
</div>`,
  })
}

export function feedbackThanksView(ctx: PageContext): SafeHtml {
  const t = journeyText(ctx.lang).feedback
  return govukPage(ctx, {
    title: t.thanksTitle,
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    ${govukPanel({ titleText: t.thanksTitle })}
    <p class="govuk-body">${t.thanksBody}</p>
  </div>
</div>`,
  })
}

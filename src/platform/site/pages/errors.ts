import { html, type SafeHtml } from '../../ui/html.js'
import { govukPage, type PageContext } from '../../ui/layouts/page.js'
import { platformText } from '../../i18n/platform.js'

export type ErrorKind =
  | 'notFound'
  | 'forbidden'
  | 'csrf'
  | 'badRequest'
  | 'tooLarge'
  | 'unsupportedLanguage'
  | 'tooManyRequests'
  | 'serverError'
  | 'unavailable'

export function errorPage(ctx: PageContext, kind: ErrorKind): SafeHtml {
  const e = platformText(ctx.lang).errors
  const content: Record<ErrorKind, { title: string; body: string[] }> = {
    notFound: { title: e.notFoundTitle, body: [e.notFoundBody, e.notFoundBody2] },
    forbidden: { title: e.forbiddenTitle, body: [] },
    csrf: { title: e.forbiddenTitle, body: [e.forbiddenCsrf] },
    badRequest: { title: e.badRequestTitle, body: [e.badRequestBody] },
    tooLarge: { title: e.tooLargeTitle, body: [e.tooLargeBody] },
    unsupportedLanguage: { title: e.unsupportedLanguageTitle, body: [e.unsupportedLanguageBody] },
    tooManyRequests: { title: e.tooManyRequestsTitle, body: [e.tooManyRequestsBody] },
    serverError: { title: e.serverErrorTitle, body: [e.serverErrorBody] },
    unavailable: { title: e.unavailableTitle, body: [e.unavailableBody] },
  }
  const { title, body } = content[kind]
  return govukPage(ctx, {
    title,
    head: html`<meta name="robots" content="noindex">`,
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-l">${title}</h1>
    ${body.map((p) => html`<p class="govuk-body">${p}</p>`)}
    <p class="govuk-body"><a class="govuk-link" href="/">${e.homeLink}</a></p>
  </div>
</div>`,
  })
}

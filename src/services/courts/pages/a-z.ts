import { html, type SafeHtml } from '../../../platform/ui/html.js'
import { govukPage, type PageContext } from '../../../platform/ui/layouts/page.js'
import { courtText } from '../locales/index.js'
import { courtsContext } from './layout.js'

export interface AtoZView {
  total: number
  groups: { letter: string; courts: { slug: string; name: string }[] }[]
}

export function aToZPage(base: PageContext, view: AtoZView): SafeHtml {
  const ctx = courtsContext(base, 'a-z')
  const t = courtText(ctx.lang).aToZ
  return govukPage(ctx, {
    title: t.title,
    content: html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-l">${t.title}</h1>
    <p class="govuk-body">${t.intro(view.total)}</p>
    <nav aria-label="${t.letters}">
      <p class="govuk-body">${view.groups.map((g) => html`<a class="govuk-link govuk-!-font-size-24 govuk-!-margin-right-4" href="#letter-${g.letter}">${g.letter}</a> `)}</p>
    </nav>
    ${view.groups.map(
      (g) => html`<h2 class="govuk-heading-m" id="letter-${g.letter}">${g.letter}</h2>
    <ul class="govuk-list">
      ${g.courts.map((c) => html`<li><a class="govuk-link" href="/courts/${c.slug}">${c.name}</a></li>`)}
    </ul>`,
    )}
  </div>
</div>`,
  })
}

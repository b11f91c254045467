import { html, type SafeHtml } from '../html.js'
import { classSuffix, content, mojAttributes, type MojAttributes } from './common.js'

/** One section of the ticket panel. */
export interface TicketPanelItem {
  text?: string
  html?: SafeHtml
  classes?: string
  attributes?: MojAttributes
}

/** Options of the `mojTicketPanel` macro. */
export interface TicketPanelOptions {
  items?: TicketPanelItem[]
  classes?: string
  attributes?: MojAttributes
}

export function mojTicketPanel(params: TicketPanelOptions): SafeHtml {
  const items = (params.items ?? []).map(
    (item) => html`

    <section
      class="moj-ticket-panel__content${classSuffix(item.classes)}"${mojAttributes(item.attributes)}>${content(item)}</section>

  `,
  )
  return html`<article
  class="moj-ticket-panel${classSuffix(params.classes)}"${mojAttributes(params.attributes)}>${items}</article>
`
}

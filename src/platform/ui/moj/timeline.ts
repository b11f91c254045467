import { html, type SafeHtml } from '../html.js'
import { classSuffix, content, mojAttributes, printed, type MojAttributes, type TextOrHtml } from './common.js'
import { formatDate, mojDate, type MojDateType, type Timestamp } from './dates.js'

/** One event on the timeline. */
export interface TimelineItem {
  label: TextOrHtml
  text?: string
  html?: SafeHtml
  /**
   * When it happened. With `type`, shown as the `mojDate` filter does
   * ("14 June 2019 at 3:01pm"); otherwise formatted with the moment.js
   * `format` string (see `formatDate`).
   */
  datetime: { timestamp: Timestamp; type?: MojDateType | string; format?: string }
  byline?: TextOrHtml
  classes?: string
  attributes?: MojAttributes
}

/** Options of the `mojTimeline` macro. */
export interface TimelineOptions {
  items?: TimelineItem[]
  /** Heading level of each item's label; defaults to 2. */
  headingLevel?: number
  classes?: string
  attributes?: MojAttributes
}

function stamp(value: Timestamp): string {
  return printed(value instanceof Date ? value.toString() : value)
}

export function mojTimeline(params: TimelineOptions): SafeHtml {
  const level = params.headingLevel === undefined ? 2 : params.headingLevel
  const items = (params.items ?? []).map((item) => {
    const when = item.datetime ?? {}
    const shown = when.type ? mojDate(when.timestamp, when.type) : formatDate(when.timestamp, when.format)
    return html`
  <div class="moj-timeline__item${classSuffix(item.classes)}"${mojAttributes(item.attributes)}>

    <div class="moj-timeline__header">
      <h${level} class="moj-timeline__title">${content(item.label)}</h${level}>
      ${item.byline ? html`
        <p class="moj-timeline__byline">by ${content(item.byline)}</p>
      ` : ''}
    </div>

    <p class="moj-timeline__date">
      <time datetime="${stamp(when.timestamp)}">${stamp(shown)}</time>
    </p>

    <div class="moj-timeline__description">${content(item)}</div>

  </div>
  `
  })
  return html`<div class="moj-timeline${classSuffix(params.classes)}"${mojAttributes(params.attributes)}>${items}</div>
`
}

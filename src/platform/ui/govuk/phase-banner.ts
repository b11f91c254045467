import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrTextIndent, indent, withClasses, type Attributes } from './common.js'
import { govukTag, type TagOptions } from './tag.js'

/** Options of the `govukPhaseBanner` macro (govuk-frontend phase-banner/macro-options.json). */
export interface PhaseBannerOptions {
  /** Text of the banner message. Ignored if `html` is given. */
  text?: string
  /** HTML of the banner message. Takes precedence over `text`. */
  html?: SafeHtml
  /** The phase tag. Only its `text`, `html` and `classes` are used. */
  tag?: Pick<TagOptions, 'text' | 'html' | 'classes'>
  classes?: string
  attributes?: Attributes
}

export function govukPhaseBanner(params: PhaseBannerOptions): SafeHtml {
  const tag = params.tag
  const tagHtml = govukTag({
    text: tag?.text,
    html: tag?.html,
    classes: 'govuk-phase-banner__content__tag' + (tag?.classes ? ' ' + tag.classes : ''),
  })
  return html`<div class="${withClasses('govuk-phase-banner govuk-width-container', params.classes)}"${govukAttributes(params.attributes)}>
  <p class="govuk-phase-banner__content">
    ${indent(tagHtml, 4)}
    <span class="govuk-phase-banner__text">
      ${htmlOrTextIndent(params, 6)}
    </span>
  </p>
</div>`
}

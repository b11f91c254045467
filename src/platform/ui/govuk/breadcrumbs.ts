import { html, type SafeHtml } from '../html.js'
import { govukAttributes, present, type Attributes } from './common.js'

export interface BreadcrumbsItem {
  /** Text of the crumb, if `html` is not set. */
  text?: string
  /** HTML of the crumb; if set, `text` is ignored. */
  html?: SafeHtml
  /** Link of the crumb; without it the crumb is the current page. */
  href?: string
  attributes?: Attributes
}

/** Options of the `govukBreadcrumbs` macro (govuk-frontend breadcrumbs/macro-options.json). */
export interface BreadcrumbsOptions {
  items: BreadcrumbsItem[]
  classes?: string
  /** Collapse to the first and last item only on narrow screens. */
  collapseOnMobile?: boolean
  attributes?: Attributes
  /** Label of the landmark for screen readers. Defaults to `Breadcrumb`. */
  labelText?: string
}

function crumb(item: BreadcrumbsItem): SafeHtml {
  const content = present(item.html) ? item.html : item.text
  if (item.href) {
    return html`
    <li class="govuk-breadcrumbs__list-item">
      <a class="govuk-breadcrumbs__link" href="${item.href}"${govukAttributes(item.attributes)}>${content}</a>
    </li>`
  }
  return html`
    <li class="govuk-breadcrumbs__list-item" aria-current="page">${content}</li>`
}

export function govukBreadcrumbs(params: BreadcrumbsOptions): SafeHtml {
  let classNames = 'govuk-breadcrumbs'
  if (params.classes) classNames += ' ' + params.classes
  if (params.collapseOnMobile) classNames += ' govuk-breadcrumbs--collapse-on-mobile'
  return html`<nav class="${classNames}"${govukAttributes(params.attributes)} aria-label="${params.labelText === undefined ? 'Breadcrumb' : params.labelText}">
  <ol class="govuk-breadcrumbs__list">${(params.items ?? []).map(crumb)}
  </ol>
</nav>`
}

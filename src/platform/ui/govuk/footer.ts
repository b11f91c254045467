import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrText, indent, present, type Attributes } from './common.js'
import { govukLogo } from './header.js'

/** A link in the footer's meta list or a navigation section. */
export interface FooterLinkItem {
  text: string
  href: string
  attributes?: Attributes
}

/** Text or HTML content; `html` wins when both are given. */
export interface FooterContent {
  text?: string
  html?: SafeHtml
}

export interface FooterNavigationSection {
  /** Title for the section. */
  title: string
  /** How many columns to list the items in. */
  columns?: number
  /** A Design System grid width such as `one-third`. Default `full`. */
  width?: string
  /** Items are shown only if they have both `text` and `href`. */
  items?: FooterLinkItem[]
}

export interface FooterMeta {
  /** Title for the meta section. Defaults to `Support links`. */
  visuallyHiddenTitle?: string
  html?: SafeHtml
  text?: string
  items?: FooterLinkItem[]
}

/** Options of the `govukFooter` macro (govuk-frontend footer/macro-options.json). */
export interface FooterOptions {
  meta?: FooterMeta
  navigation?: FooterNavigationSection[]
  /** Content licence; defaults to the Open Government Licence. `null` removes it. */
  contentLicence?: FooterContent | null
  /** Copyright notice; defaults to `© Crown copyright`. */
  copyright?: FooterContent
  containerClasses?: string
  classes?: string
  attributes?: Attributes
}

const CROWN = govukLogo({ classes: 'govuk-footer__crown', useLogotype: false })

const LICENCE_LOGO = html`<svg
            aria-hidden="true"
            focusable="false"
            class="govuk-footer__licence-logo"
            xmlns="http://www.w3.org/2000/svg"
            viewBox="0 0 483.2 195.7"
            height="17"
            width="41"
          >
            <path
              fill="currentColor"
              d="M421.5 142.8V.1l-50.7 32.3v161.1h112.4v-50.7zm-122.3-9.6A47.12 47.12 0 0 1 221 97.8c0-26 21.1-47.1 47.1-47.1 16.7 0 31.4 8.7 39.7 21.8l42.7-27.2A97.63 97.63 0 0 0 268.1 0c-36.5 0-68.3 20.1-85.1 49.7A98 98 0 0 0 97.8 0C43.9 0 0 43.9 0 97.8s43.9 97.8 97.8 97.8c36.5 0 68.3-20.1 85.1-49.7a97.76 97.76 0 0 0 149.6 25.4l19.4 22.2h3v-87.8h-80l24.3 27.5zM97.8 145c-26 0-47.1-21.1-47.1-47.1s21.1-47.1 47.1-47.1 47.2 21 47.2 47S123.8 145 97.8 145"
            />
          </svg>`

const DEFAULT_LICENCE = html`All content is available under the
            <a
              class="govuk-footer__link"
              href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
              rel="license"
            >Open Government Licence v3.0</a>, except where otherwise stated`

function navigationSection(nav: FooterNavigationSection): SafeHtml {
  const items = nav.items
  return html`
          <div class="govuk-footer__section govuk-grid-column-${nav.width || 'full'}">
            <h2 class="govuk-footer__heading govuk-heading-m">${nav.title}</h2>${
              items && items.length
                ? html`
              <ul class="govuk-footer__list${nav.columns ? html` govuk-footer__list--columns-${nav.columns}` : ''}">${items.map((item) =>
                  item && item.href && present(item.text)
                    ? html`
                    <li class="govuk-footer__list-item">
                      <a class="govuk-footer__link" href="${item.href}"${govukAttributes(item.attributes)}>
                        ${item.text}
                      </a>
                    </li>`
                    : '',
                )}
              </ul>`
                : ''
            }
          </div>`
}

function metaSection(meta: FooterMeta): SafeHtml {
  const items = meta.items
  return html`
        <h2 class="govuk-visually-hidden">${meta.visuallyHiddenTitle || 'Support links'}</h2>${
          items && items.length
            ? html`
        <ul class="govuk-footer__inline-list">${items.map(
          (item) => html`
          <li class="govuk-footer__inline-list-item">
            <a class="govuk-footer__link" href="${item.href}"${govukAttributes(item.attributes)}>
              ${item.text}
            </a>
          </li>`,
        )}
        </ul>`
            : ''
        }${
          present(meta.text) || present(meta.html)
            ? html`
        <div class="govuk-footer__meta-custom">
          ${indent(htmlOrText(meta), 10)}
        </div>`
            : ''
        }`
}

export function govukFooter(params: FooterOptions): SafeHtml {
  const navigation = params.navigation
  const licence = params.contentLicence
  const copyright = params.copyright
  return html`<div class="govuk-footer${params.classes ? ' ' + params.classes : ''}"${govukAttributes(params.attributes)}>
  <div class="govuk-width-container${params.containerClasses ? ' ' + params.containerClasses : ''}">${CROWN}${
    navigation && navigation.length
      ? html`
      <div class="govuk-footer__navigation">${navigation.map(navigationSection)}
      </div>
      <hr class="govuk-footer__section-break">`
      : ''
  }
    <div class="govuk-footer__meta">
      <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">${params.meta ? metaSection(params.meta) : ''}${
        licence !== null
          ? html`
          ${LICENCE_LOGO}
          <span class="govuk-footer__licence-description">
            ${licence && (present(licence.html) || present(licence.text)) ? indent(htmlOrText(licence), 12) : DEFAULT_LICENCE}
          </span>`
          : ''
      }
      </div>
      <div class="govuk-footer__meta-item">
        <a
          class="govuk-footer__link govuk-footer__copyright-logo"
          href="https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information/uk-government-licensing-framework/crown-copyright/"
        >
          ${copyright && (present(copyright.html) || present(copyright.text)) ? indent(htmlOrText(copyright), 10) : '© Crown copyright'}
        </a>
      </div>
    </div>
  </div>
</div>`
}

import { html, type SafeHtml } from '../html.js'
import { govukAttributes, type Attributes } from '../govuk/common.js'
import { govukButton } from '../govuk/button.js'
import { govukInput, type InputOptions } from '../govuk/input.js'

/** Options of the `mojSearch` macro: a search form. */
export interface SearchOptions {
  /** The form's action. */
  action?: string
  /** Defaults to `get`. */
  method?: string
  /** A hidden CSRF field; its name defaults to `_csrf`. */
  csrf?: { name?: string; value?: string }
  /** `stacked` puts the button below the input. */
  layout?: 'stacked' | string
  /** A magnifying-glass button (not with the stacked layout). */
  iconButton?: boolean
  label?: { text?: string; html?: SafeHtml; classes?: string; attributes?: Attributes }
  /** `id` is accepted but, as in the macro, the hint's id is always `<input id>-hint`. */
  hint?: { text?: string; html?: SafeHtml; id?: string; classes?: string; attributes?: Attributes }
  input?: {
    id?: string
    /** Defaults to `search`. */
    name?: string
    value?: string
    /** Defaults to `search`. */
    type?: string
    classes?: string
    attributes?: Attributes
    errorMessage?: InputOptions['errorMessage']
    disabled?: boolean
    spellcheck?: boolean
    autocomplete?: string
    pattern?: string
    inputmode?: string
    describedBy?: string
  }
  button?: {
    /** With `iconButton`, the hidden text; defaults to "search" there. */
    text?: string
    html?: SafeHtml
    id?: string
    name?: string
    value?: string
    classes?: string
    attributes?: Attributes
    preventDoubleClick?: boolean
  }
  classes?: string
  attributes?: Attributes
}

const ICON = html`<svg width="20" height="20" viewBox="0 0 21 20" fill="none" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">
      <path d="M8.90102 14.4683C12.385 14.4683 15.2093 11.644 15.2093 8.16005C15.2093 4.6761 12.385 1.85181 8.90102 1.85181C5.41707 1.85181 2.59277 4.6761 2.59277 8.16005C2.59277 11.644 5.41707 14.4683 8.90102 14.4683Z" stroke="currentColor" stroke-width="2.22222"/>
      <path d="M13.2349 12.8584L19.5909 19.2144" stroke="currentColor" stroke-width="2.22222"/>
    </svg>`

export function mojSearch(params: SearchOptions): SafeHtml {
  const stacked = params.layout === 'stacked'
  const icon = Boolean(params.iconButton) && !stacked
  const button = params.button
  const input = params.input

  let classNames = 'moj-search'
  if (stacked) classNames += ' moj-search--stacked'
  if (params.classes) classNames += ' ' + params.classes

  let buttonClassNames = 'moj-search__button'
  if (icon) buttonClassNames += ' moj-search__button--icon'
  if (button?.classes) buttonClassNames += ' ' + button.classes

  const label = params.label
    ? {
        text: params.label.text,
        html: params.label.html,
        classes: 'moj-search__label ' + (params.label.classes ? params.label.classes : ''),
        attributes: params.label.attributes,
      }
    : undefined
  const hint = params.hint
    ? {
        text: params.hint.text,
        html: params.hint.html,
        classes: 'moj-search__hint ' + (params.hint.classes ? params.hint.classes : ''),
        attributes: params.hint.attributes,
      }
    : undefined

  const iconHtml = icon
    ? html`
    ${ICON}
    <span class="govuk-visually-hidden">${button?.text === undefined ? 'search' : button.text}</span>
  `
    : undefined

  const buttonHtml = govukButton({
    text: button?.text,
    html: iconHtml ?? button?.html,
    id: button?.id,
    name: button?.name,
    value: button?.value,
    classes: buttonClassNames,
    attributes: button?.attributes,
    preventDoubleClick: button?.preventDoubleClick,
  })

  return html`<search class="moj-search ${classNames}" ${govukAttributes(params.attributes)}>
  <form action="${params.action ?? ''}" method="${params.method === undefined ? 'get' : params.method}">
    ${params.csrf ? html`<input type="hidden" name="${params.csrf.name === undefined ? '_csrf' : params.csrf.name}" value="${params.csrf.value ?? ''}">` : ''}

    ${govukInput({
      classes: 'moj-search__input ' + (input?.classes ? input.classes : ''),
      attributes: input?.attributes,
      label,
      hint,
      id: input?.id,
      value: input?.value,
      name: input?.name === undefined ? 'search' : input.name,
      type: input?.type === undefined ? 'search' : input.type,
      errorMessage: input?.errorMessage,
      disabled: input?.disabled,
      spellcheck: input?.spellcheck,
      autocomplete: input?.autocomplete,
      pattern: input?.pattern,
      inputmode: input?.inputmode,
      describedBy: input?.describedBy,
      inputWrapper: { classes: 'moj-search__input-wrapper' },
      formGroup: { afterInput: stacked ? undefined : { html: buttonHtml } },
    })}

    ${stacked ? buttonHtml : ''}
  </form>
</search>
`
}

import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrTextIndent, indent, present, trimHtml, type Attributes } from './common.js'
import { type ErrorMessageOptions } from './error-message.js'
import { type FieldsetOptions } from './fieldset.js'
import { govukHint, type HintOptions } from './hint.js'
import { govukLabel } from './label.js'
import type { FormControlContent } from './input.js'
import { govukFormGroup, hintAndError, inFieldset } from './form-group.js'

/** A radio, or a divider between radios. */
export interface RadiosItem {
  /** Label text. Ignored if `html` is given. */
  text?: string
  /** Label HTML. Takes precedence over `text`. */
  html?: SafeHtml
  /** ID of the input. Defaults to `idPrefix`, then `-2`, `-3`… for the later items. */
  id?: string
  value?: string | number
  /** Only `classes` and `attributes` of the label are used. */
  label?: { classes?: string; attributes?: Attributes }
  hint?: Omit<HintOptions, 'id'>
  /** Divider text (for example `"or"`); the item renders as a divider only. */
  divider?: string
  /** Whether the radio is checked. Takes precedence over the top-level `value`. */
  checked?: boolean
  /** Content revealed when the radio is checked. */
  conditional?: { html?: SafeHtml }
  disabled?: boolean
  attributes?: Attributes
}

/** Options of the `govukRadios` macro (govuk-frontend radios/macro-options.json). */
export interface RadiosOptions {
  /** The fieldset around the radios; none if omitted. Its `html` is the radios. */
  fieldset?: Omit<FieldsetOptions, 'html' | 'caller' | 'role'>
  hint?: Omit<HintOptions, 'id'>
  /** An error message; also puts the component into its error state. Falsy for none. */
  errorMessage?: Omit<ErrorMessageOptions, 'id'> | false | null
  formGroup?: {
    classes?: string
    attributes?: Attributes
    /** Content before all the radios. */
    beforeInputs?: FormControlContent
    /** Content after all the radios. */
    afterInputs?: FormControlContent
  }
  /** Prefix of the radios', hint's and error's IDs. Defaults to `name`. */
  idPrefix?: string
  name: string
  /** Falsy entries are skipped (but still count towards the item numbering). */
  items?: readonly (RadiosItem | null | undefined | false)[]
  /** Value of the radio to check (compared loosely, as Nunjucks `==` does). */
  value?: string | number
  classes?: string
  attributes?: Attributes
}

function radioItem(params: RadiosOptions, idPrefix: string, item: RadiosItem, index: number): SafeHtml {
  const itemId = item.id ? item.id : idPrefix + (index > 1 ? '-' + index : '')
  const conditionalId = 'conditional-' + itemId
  if (item.divider) {
    return html`
    <div class="govuk-radios__divider">${item.divider}</div>`
  }
  const isChecked = item.checked || (params.value ? item.value == params.value && item.checked !== false : false)
  const hasHint = !!item.hint && (present(item.hint.text) || present(item.hint.html))
  const itemHintId = itemId + '-item-hint'
  const hasConditional = !!item.conditional && present(item.conditional.html)
  const label = govukLabel({
    html: item.html,
    text: item.text,
    classes: 'govuk-radios__label' + (item.label?.classes ? ' ' + item.label.classes : ''),
    attributes: item.label?.attributes,
    for: itemId,
  })
  const hint = hasHint
    ? html`
      ${indent(
        govukHint({
          id: itemHintId,
          classes: 'govuk-radios__hint' + (item.hint?.classes ? ' ' + item.hint.classes : ''),
          attributes: item.hint?.attributes,
          html: item.hint?.html,
          text: item.hint?.text,
        }),
        6,
      )}`
    : ''
  const conditional = hasConditional
    ? html`
    <div class="govuk-radios__conditional${isChecked ? '' : ' govuk-radios__conditional--hidden'}" id="${conditionalId}">
      ${trimHtml(item.conditional?.html as SafeHtml)}
    </div>`
    : ''
  return html`
    <div class="govuk-radios__item">
      <input class="govuk-radios__input" id="${itemId}" name="${params.name}" type="radio" value="${item.value}"${isChecked ? ' checked' : ''}${item.disabled ? ' disabled' : ''}${hasConditional ? html` data-aria-controls="${conditionalId}"` : ''}${hasHint ? html` aria-describedby="${itemHintId}"` : ''}${govukAttributes(item.attributes)}>
      ${indent(label, 6)}${hint}
    </div>${conditional}`
}

export function govukRadios(params: RadiosOptions): SafeHtml {
  const idPrefix = params.idPrefix ? params.idPrefix : params.name
  const formGroup = params.formGroup

  const { hint, error, describedBy } = hintAndError(params, idPrefix, params.fieldset?.describedBy || '')

  const items: SafeHtml[] = []
  const all = params.items ?? []
  for (let i = 0; i < all.length; i++) {
    const item = all[i]
    if (item) items.push(radioItem(params, idPrefix, item, i + 1))
  }
  const before = formGroup?.beforeInputs
    ? html`
    ${htmlOrTextIndent(formGroup.beforeInputs, 4)}`
    : ''
  const after = formGroup?.afterInputs
    ? html`
    ${htmlOrTextIndent(formGroup.afterInputs, 4)}`
    : ''

  const inner = html`${hint}${error}
  <div class="govuk-radios${params.classes ? ' ' + params.classes : ''}"${govukAttributes(params.attributes)} data-module="govuk-radios">${before}${items}${after}
  </div>`

  return govukFormGroup(params, inFieldset(params.fieldset, describedBy, inner))
}

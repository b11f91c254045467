import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrText, indent, present, trimHtml, type Attributes } from './common.js'
import { type ErrorMessageOptions } from './error-message.js'
import { type FieldsetOptions } from './fieldset.js'
import { govukHint, type HintOptions } from './hint.js'
import { govukLabel } from './label.js'
import { govukFormGroup, hintAndError, inFieldset } from './form-group.js'

/** Text or HTML content; `html` wins when both are given. */
export interface CheckboxesContent {
  text?: string
  html?: SafeHtml
}

export interface CheckboxesItem {
  /** Label text, if `html` is not set. */
  text?: string
  /** Label HTML; if set, `text` is ignored. */
  html?: SafeHtml
  /** The input's ID. Defaults to `idPrefix`, suffixed `-<n>` after the first item. */
  id?: string
  /** The input's name. Defaults to the component's `name`. */
  name?: string
  value?: string
  label?: { classes?: string; attributes?: Attributes }
  hint?: Omit<HintOptions, 'id'>
  /** Divider text to separate items, for example `or`. The item is then only a divider. */
  divider?: string
  /** Whether the checkbox is checked. Takes precedence over the component's `values`. */
  checked?: boolean
  /** Content revealed when the checkbox is checked. */
  conditional?: { html?: SafeHtml }
  /** `exclusive` for ‘None of these’ behaviour. */
  behaviour?: 'exclusive' | string
  disabled?: boolean
  attributes?: Attributes
}

/** Options of the `govukCheckboxes` macro (govuk-frontend checkboxes/macro-options.json). */
export interface CheckboxesOptions {
  /** Element IDs for the inputs' `aria-describedby` when there is no fieldset. */
  describedBy?: string
  fieldset?: Omit<FieldsetOptions, 'html' | 'caller' | 'role'>
  hint?: Omit<HintOptions, 'id'>
  errorMessage?: Omit<ErrorMessageOptions, 'id'>
  formGroup?: {
    classes?: string
    attributes?: Attributes
    beforeInputs?: CheckboxesContent
    afterInputs?: CheckboxesContent
  }
  /** Prefix of the items' IDs, and of the hint's and error message's. Defaults to `name`. */
  idPrefix?: string
  /** Name of all the checkbox inputs. */
  name: string
  /** The items; `null`, `undefined` and `false` entries are skipped but still counted for IDs. */
  items: (CheckboxesItem | null | undefined | false)[]
  /** Values of the checkboxes that are checked when the page loads. */
  values?: string[]
  classes?: string
  attributes?: Attributes
}

/** `{{ x }}` for a value concatenated into a Nunjucks string: undefined prints as "undefined". */
function str(value: unknown): string {
  return String(value)
}

function isChecked(item: CheckboxesItem, values: CheckboxesOptions['values']): boolean {
  if (item.checked) return true
  if (!values) return false
  // `item.value in params.values and item.checked != false`
  return values.includes(item.value as string) && (item.checked as unknown) != false
}

export function govukCheckboxes(params: CheckboxesOptions): SafeHtml {
  const idPrefix = params.idPrefix ? params.idPrefix : params.name
  const hasFieldset = Boolean(params.fieldset)
  const formGroup = params.formGroup

  // The fieldset's own describedBy wins over the component's.
  const { hint, error, describedBy } = hintAndError(params, idPrefix, params.fieldset?.describedBy || params.describedBy || '')

  const items: SafeHtml[] = []
  const list = params.items ?? []
  for (let i = 0; i < list.length; i++) {
    const item = list[i]
    if (!item) continue
    const index = i + 1
    const itemId = item.id ? item.id : str(idPrefix) + (index > 1 ? '-' + index : '')
    if (item.divider) {
      items.push(html`
    <div class="govuk-checkboxes__divider">${item.divider}</div>`)
      continue
    }
    const itemName = item.name ? item.name : params.name
    const conditionalId = 'conditional-' + itemId
    const checked = isChecked(item, params.values)
    const hasHint = Boolean(item.hint && (present(item.hint.text) || present(item.hint.html)))
    const itemHintId = hasHint ? itemId + '-item-hint' : ''
    const itemDescribedBy = ((hasFieldset ? '' : describedBy) + ' ' + itemHintId).trim()
    const hasConditional = Boolean(item.conditional && present(item.conditional.html))
    items.push(html`
    <div class="govuk-checkboxes__item">
      <input class="govuk-checkboxes__input" id="${itemId}" name="${itemName}" type="checkbox" value="${item.value}"${checked ? ' checked' : ''}${item.disabled ? ' disabled' : ''}${hasConditional ? html` data-aria-controls="${conditionalId}"` : ''}${item.behaviour ? html` data-behaviour="${item.behaviour}"` : ''}${itemDescribedBy ? html` aria-describedby="${itemDescribedBy}"` : ''}${govukAttributes(item.attributes)}>
      ${indent(
        govukLabel({
          html: item.html,
          text: item.text,
          classes: 'govuk-checkboxes__label' + (item.label && item.label.classes ? ' ' + item.label.classes : ''),
          attributes: item.label?.attributes,
          for: itemId,
        }),
        6,
      )}${
        hasHint && item.hint
          ? html`
      ${indent(
        govukHint({
          id: itemHintId,
          classes: 'govuk-checkboxes__hint' + (item.hint.classes ? ' ' + item.hint.classes : ''),
          attributes: item.hint.attributes,
          html: item.hint.html,
          text: item.hint.text,
        }),
        6,
      )}`
          : ''
      }
    </div>${
      hasConditional
        ? html`
    <div class="govuk-checkboxes__conditional${checked ? '' : ' govuk-checkboxes__conditional--hidden'}" id="${conditionalId}">
      ${trimHtml((item.conditional as { html: SafeHtml }).html)}
    </div>`
        : ''
    }`)
  }

  const before = formGroup && formGroup.beforeInputs
  const after = formGroup && formGroup.afterInputs
  const inner = html`${hint}${error}
  <div class="govuk-checkboxes${params.classes ? ' ' + params.classes : ''}"${govukAttributes(params.attributes)} data-module="govuk-checkboxes">${
    before
      ? html`
    ${indent(htmlOrText(before), 4)}`
      : ''
  }${items}${
    after
      ? html`
    ${indent(htmlOrText(after), 4)}`
      : ''
  }
  </div>`

  return govukFormGroup(params, inFieldset(params.fieldset, describedBy, inner))
}

import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrTextIndent, printed, type Attributes } from './common.js'
import { formControlIntro, govukFormGroup } from './form-group.js'
import type { LabelledControlOptions } from './input.js'

/** An option of the select. */
export interface SelectItem {
  /** Value of the option. If omitted, the browser uses the text. */
  value?: string | number
  text: string
  /** Whether the option is selected. Takes precedence over the top-level `value`. */
  selected?: boolean
  disabled?: boolean
  attributes?: Attributes
}

/** Options of the `govukSelect` macro (govuk-frontend select/macro-options.json). */
export interface SelectOptions extends LabelledControlOptions {
  /** Falsy entries are skipped, as the macro does. */
  items?: readonly (SelectItem | null | undefined | false)[]
  /** Value of the option to select (compared loosely, as Nunjucks `==` does). */
  value?: string | number
}

function option(item: SelectItem, selectValue: string | number | undefined): SafeHtml {
  const effectiveValue = item.value === undefined ? item.text : item.value
  // `item.selected | default((effectiveValue == params.value and item.selected != false) if params.value else false, true)`
  const selected = item.selected || (selectValue ? effectiveValue == selectValue && item.selected !== false : false)
  return html`
    <option${item.value !== undefined ? html` value="${printed(item.value)}"` : ''}${selected ? ' selected' : ''}${item.disabled ? ' disabled' : ''}${govukAttributes(item.attributes)}>${item.text}</option>`
}

export function govukSelect(params: SelectOptions): SafeHtml {
  const id = params.id ? params.id : params.name
  const formGroup = params.formGroup
  const { intro, describedBy } = formControlIntro(params, id, params.describedBy ? params.describedBy : '')

  let classNames = 'govuk-select'
  if (params.classes) classNames += ' ' + params.classes
  if (params.errorMessage) classNames += ' govuk-select--error'

  const before = formGroup?.beforeInput
    ? html`
  ${htmlOrTextIndent(formGroup.beforeInput, 2)}`
    : ''
  const after = formGroup?.afterInput
    ? html`
  ${htmlOrTextIndent(formGroup.afterInput, 2)}`
    : ''
  const options: SafeHtml[] = []
  for (const item of params.items ?? []) if (item) options.push(option(item, params.value))

  return govukFormGroup(
    params,
    html`${intro}${before}
  <select class="${classNames}" id="${id}" name="${params.name}"${params.disabled ? ' disabled' : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${govukAttributes(params.attributes)}>${options}
  </select>${after}`,
  )
}

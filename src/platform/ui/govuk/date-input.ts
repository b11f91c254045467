import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrText, indent, type Attributes } from './common.js'
import { type ErrorMessageOptions } from './error-message.js'
import { type FieldsetOptions } from './fieldset.js'
import { type HintOptions } from './hint.js'
import { govukInput } from './input.js'
import { govukFormGroup, hintAndError, inFieldset } from './form-group.js'

/** Text or HTML content; `html` wins when both are given. */
export interface DateInputContent {
  text?: string
  html?: SafeHtml
}

/** One input of a date input: day, month, year or another part. */
export interface DateInputItem {
  /** The input's ID. Defaults to `<id>-<name>`. */
  id?: string
  /** The input's name, prefixed by `namePrefix-` if that is set. */
  name?: string
  /** Label text. Defaults to the name, capitalised. */
  label?: string
  value?: string | number
  /** Show the input in its error state; also set the component's `errorMessage`. */
  error?: boolean
  autocomplete?: string
  pattern?: string
  /** Defaults to `numeric`. */
  inputmode?: string
  classes?: string
  attributes?: Attributes
}

/** Options of the `govukDateInput` macro (govuk-frontend date-input/macro-options.json). */
export interface DateInputOptions {
  /** ID of the component; prefixes the IDs of the inputs, hint and error message. */
  id: string
  /** Prefix of each input's name, followed by `-`. */
  namePrefix?: string
  /** The inputs. Defaults to `day`, `month` and `year`. */
  items?: (DateInputItem | null | undefined | false)[]
  hint?: Omit<HintOptions, 'id'>
  errorMessage?: Omit<ErrorMessageOptions, 'id'> | false | null
  formGroup?: {
    classes?: string
    attributes?: Attributes
    beforeInputs?: DateInputContent
    afterInputs?: DateInputContent
  }
  fieldset?: Omit<FieldsetOptions, 'html' | 'caller' | 'role'>
  /** Options of the default day input. */
  day?: DateInputItem
  /** Options of the default month input. */
  month?: DateInputItem
  /** Options of the default year input. */
  year?: DateInputItem
  /** Values of the inputs by (prefixed) name, without setting items. */
  values?: { day?: string | number; month?: string | number; year?: string | number; [name: string]: string | number | undefined }
  classes?: string
  attributes?: Attributes
}

/** Nunjucks' `capitalize` filter: first letter upper case, the rest lower case. */
function capitalize(text: string | undefined): string {
  if (!text) return ''
  const lower = text.toLowerCase()
  return lower.charAt(0).toUpperCase() + lower.slice(1)
}

function hasErrorClass(item: DateInputItem): boolean {
  return Boolean(item.classes && item.classes.includes('govuk-input--error'))
}

export function govukDateInput(params: DateInputOptions): SafeHtml {
  const values = params.values
  const day = params.day !== undefined ? params.day : { name: 'day', value: values?.day, classes: 'govuk-input--width-2' }
  const month = params.month !== undefined ? params.month : { name: 'month', value: values?.month, classes: 'govuk-input--width-2' }
  const year = params.year !== undefined ? params.year : { name: 'year', value: values?.year, classes: 'govuk-input--width-4' }
  const items = params.items && params.items.length ? params.items : [day, month, year]

  let anyItemHasError = false
  for (const item of items) {
    if (item && (item.error || hasErrorClass(item))) anyItemHasError = true
  }
  const namePrefix = params.namePrefix ? params.namePrefix + '-' : ''

  const inputs: SafeHtml[] = []
  for (const item of items) {
    if (!item) continue
    let itemName = item.name
    let itemValue = item.value
    let itemWidth = 2
    let itemClasses = ''
    const itemHasError = Boolean(item.error || hasErrorClass(item))
    const name = item.name
    if (item === day || (name && (name === 'day' || name === day?.name))) {
      itemName = name === undefined ? 'day' : name
      itemValue = item.value === undefined ? day?.value : item.value
    } else if (item === month || (name && (name === 'month' || name === month?.name))) {
      itemName = name === undefined ? 'month' : name
      itemValue = item.value === undefined ? month?.value : item.value
    } else if (item === year || (name && (name === 'year' || name === year?.name))) {
      itemName = name === undefined ? 'year' : name
      itemValue = item.value === undefined ? year?.value : item.value
      itemWidth = 4
    }
    if (
      !hasErrorClass(item) &&
      // `item.error != false`: only a falsy-but-not-nullish error opts out
      (itemHasError || ((item.error as unknown) != false && params.errorMessage && !anyItemHasError))
    ) {
      itemClasses = (itemClasses + ' govuk-input--error').trim()
    }
    if (!item.classes || !item.classes.includes('govuk-input--width-')) {
      itemClasses = (itemClasses + ' govuk-input--width-' + itemWidth).trim()
    }
    if (item.classes) itemClasses = (itemClasses + ' ' + item.classes).trim()

    const fullName = namePrefix + String(itemName)
    inputs.push(html`
    <div class="govuk-date-input__item">
      ${indent(
        govukInput({
          label: { text: item.label ? item.label : capitalize(itemName), classes: 'govuk-date-input__label' },
          id: item.id ? item.id : String(params.id) + '-' + String(itemName),
          classes: 'govuk-date-input__input' + (itemClasses ? ' ' + itemClasses : ''),
          name: fullName,
          value: itemValue === undefined ? values?.[fullName] : itemValue,
          type: 'text',
          inputmode: item.inputmode ? item.inputmode : 'numeric',
          autocomplete: item.autocomplete,
          pattern: item.pattern,
          attributes: item.attributes,
        }),
        6,
      )}
    </div>`)
  }

  const { hint, error, describedBy } = hintAndError(params, params.id, params.fieldset?.describedBy || '')

  const formGroup = params.formGroup
  const before = formGroup && formGroup.beforeInputs
  const after = formGroup && formGroup.afterInputs
  const inner = html`${hint}${error}
  <div class="govuk-date-input${params.classes ? ' ' + params.classes : ''}"${govukAttributes(params.attributes)}${params.id ? html` id="${params.id}"` : ''}>${
    before
      ? html`
    ${indent(htmlOrText(before), 4)}`
      : ''
  }${inputs}${
    after
      ? html`
    ${indent(htmlOrText(after), 4)}`
      : ''
  }
  </div>`

  return govukFormGroup(params, inFieldset(params.fieldset, describedBy, inner, { role: 'group', indent: 2 }))
}

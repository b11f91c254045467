import { html, type SafeHtml } from '../html.js'
import { govukAttributes, type Attributes } from '../govuk/common.js'
import { govukInput, type InputOptions } from '../govuk/input.js'

/** Options of the `mojDatePicker` macro: a text input with a calendar. */
export interface DatePickerOptions {
  id?: string
  name: string
  value?: string
  label?: InputOptions['label']
  hint?: InputOptions['hint']
  errorMessage?: InputOptions['errorMessage']
  formGroup?: InputOptions['formGroup']
  /** Classes of the input. */
  classes?: string
  /** Attributes of the input. */
  attributes?: Attributes
  /** Earliest date that can be chosen, `d/m/yyyy`. */
  minDate?: string
  /** Latest date that can be chosen, `d/m/yyyy`. */
  maxDate?: string
  /** Space-separated dates (`d/m/yyyy`, or ranges `d/m/yyyy-d/m/yyyy`) that cannot be chosen. */
  excludedDates?: string
  /** Space-separated days of the week that cannot be chosen (`saturday sunday`). */
  excludedDays?: string
  /** Whether the chosen date is written with leading zeros (`05/01/2025`). */
  leadingZeros?: boolean
  /** `monday` (the default) or `sunday`. */
  weekStartDay?: 'monday' | 'sunday' | string
}

export function mojDatePicker(params: DatePickerOptions): SafeHtml {
  // The template appends " " + classes to a value that already ends in a space.
  const classNames = 'moj-js-datepicker-input ' + (params.classes ? ' ' + params.classes : '')
  const attributes = govukAttributes({
    'data-module': 'moj-date-picker',
    'data-min-date': { value: params.minDate, optional: true },
    'data-max-date': { value: params.maxDate, optional: true },
    'data-excluded-dates': { value: params.excludedDates, optional: true },
    'data-excluded-days': { value: params.excludedDays, optional: true },
    // Written as a string so that the script reads `false` as false.
    'data-leading-zeros': { value: params.leadingZeros === undefined ? undefined : String(params.leadingZeros), optional: true },
    'data-week-start-day': { value: params.weekStartDay, optional: true },
  })
  return html`
<div class="moj-datepicker" ${attributes}>
    ${govukInput({
      classes: classNames,
      id: params.id,
      name: params.name,
      value: params.value,
      autocomplete: 'off',
      formGroup: params.formGroup,
      label: params.label,
      hint: params.hint,
      errorMessage: params.errorMessage,
      attributes: params.attributes,
    })}
</div>
`
}

/**
 * What a page's `questions` function gets: the language, the values to show
 * (as posted, or as saved), the errors, and GOV.UK components already wired
 * to them: each helper fills in the name, id, value and inline error, so a
 * page only says what the question is.
 */
import { fieldError } from '../i18n/index.js'
import {
  govukCheckboxes,
  govukDateInput,
  govukInput,
  govukRadios,
  govukSelect,
  govukTextarea,
  type CheckboxesOptions,
  type DateInputOptions,
  type InputOptions,
  type RadiosOptions,
  type SelectOptions,
  type TextareaOptions,
} from '../ui/govuk/index.js'
import type { SafeHtml } from '../ui/html.js'
import type { Language } from '../i18n/index.js'
import { DATE_PARTS, firstValue, type FieldError, type FormValues } from './fields.js'
import { journeyText } from './text.js'

type Wired<T> = Omit<T, 'name' | 'id' | 'idPrefix' | 'value' | 'values' | 'errorMessage'>

export interface QuestionView<D = unknown> {
  lang: Language
  /** The form values to show: as posted when there are errors, else as saved. */
  values: FormValues
  errors: FieldError[]
  /** The journey's answers so far, by page key (for wording a question from an earlier answer). */
  answers: Record<string, unknown>
  /** What a custom page's `load` read (free visit slots); undefined on other pages. */
  data: D
  /** The error for a field, if any. */
  error(field: string): FieldError | undefined
  input(name: string, options: Wired<InputOptions>): SafeHtml
  textarea(name: string, options: Wired<TextareaOptions>): SafeHtml
  /** Radios in a fieldset: give `fieldset.legend`. */
  radios(name: string, options: Wired<RadiosOptions>): SafeHtml
  checkboxes(name: string, options: Wired<CheckboxesOptions>): SafeHtml
  select(name: string, options: Wired<SelectOptions>): SafeHtml
  /**
   * A date input in a fieldset. `autocomplete: 'bday'` puts `bday-day`,
   * `bday-month` and `bday-year` on the parts (WCAG 1.3.5).
   */
  date(name: string, options: Wired<DateInputOptions> & { autocomplete?: string }): SafeHtml
}

// `data` is a field of every view, rather than spread into a copy for custom pages: a copy of an
// object of closures made V8 look up its properties the slow way on every request (seen in an IC log).
export function questionView<D = undefined>(
  lang: Language,
  values: FormValues,
  errors: FieldError[],
  answers: Record<string, unknown> = {},
  data?: D,
): QuestionView<D> {
  const error = (field: string) => errors.find((e) => e.field === field)
  const message = (field: string) => {
    const e = error(field)
    return e ? fieldError(lang, e.message) : undefined
  }
  const all = (name: string): string[] => {
    const v = values[name]
    return v === undefined ? [] : Array.isArray(v) ? v : [v]
  }
  return {
    lang,
    values,
    errors,
    answers,
    data: data as D,
    error,
    input: (name, options) => govukInput({ ...options, id: name, name, value: firstValue(values[name]), errorMessage: message(name) }),
    textarea: (name, options) => govukTextarea({ ...options, id: name, name, value: firstValue(values[name]), errorMessage: message(name) }),
    radios: (name, options) => govukRadios({ ...options, idPrefix: name, name, value: firstValue(values[name]), errorMessage: message(name) }),
    checkboxes: (name, options) => govukCheckboxes({ ...options, idPrefix: name, name, values: all(name), errorMessage: message(name) }),
    select: (name, options) => govukSelect({ ...options, id: name, name, value: firstValue(values[name]), errorMessage: message(name) }),
    date: (name, { autocomplete, ...options }) => {
      const e = error(name)
      const labels = journeyText(lang).dateParts
      const items = DATE_PARTS.map((part) => ({
        name: part,
        label: labels[part],
        value: firstValue(values[`${name}-${part}`]),
        classes: `govuk-input--width-${part === 'year' ? 4 : 2}${e && (!e.parts || e.parts.includes(part)) ? ' govuk-input--error' : ''}`,
        ...(autocomplete ? { autocomplete: `${autocomplete}-${part}` } : {}),
      }))
      return govukDateInput({ ...options, id: name, namePrefix: name, items, errorMessage: e ? fieldError(lang, e.message) : undefined })
    },
  }
}

import { escapeHtml, html, trustedHtml, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrTextIndent, indent, present, withClasses, type Attributes } from './common.js'
import { type ErrorMessageOptions } from './error-message.js'
import { type HintOptions } from './hint.js'
import { govukFormGroup, formControlIntro } from './form-group.js'
// Still exported from here (and so from index.ts), where callers first found it.
export { formControlIntro }
import { type LabelOptions } from './label.js'

/** Text or HTML shown before or after a form control. */
export interface FormControlContent {
  /** Ignored if `html` is given. */
  text?: string
  html?: SafeHtml
}

/** A prefix or suffix of a text input. */
export interface InputAffix extends FormControlContent {
  classes?: string
  attributes?: Attributes
}

/** Options for the form group around a form control. */
export interface FormGroupOptions {
  classes?: string
  /** Attributes of the form group, or already rendered ones (as password input passes). */
  attributes?: Attributes | SafeHtml
  /** Content before the control. */
  beforeInput?: FormControlContent
  /** Content after the control. */
  afterInput?: FormControlContent
}

/** Options every single-field control shares (input, textarea, select): its label, hint, error and form group. */
export interface LabelledControlOptions {
  /** ID of the control. Defaults to `name`. */
  id?: string
  name: string
  disabled?: boolean
  /** Element IDs added to `aria-describedby` (before the hint's and error's). */
  describedBy?: string
  /** The label; `for` is set to the control's ID. */
  label?: Omit<LabelOptions, 'for'>
  hint?: Omit<HintOptions, 'id'>
  /** An error message; also puts the component into its error state. Falsy for none. */
  errorMessage?: Omit<ErrorMessageOptions, 'id'> | false | null
  formGroup?: FormGroupOptions
  classes?: string
  attributes?: Attributes
}

/** Options of the `govukInput` macro (govuk-frontend input/macro-options.json). */
export interface InputOptions extends LabelledControlOptions {
  /** Input type. Defaults to `"text"`. */
  type?: string
  inputmode?: string
  value?: string | number
  prefix?: InputAffix
  suffix?: InputAffix
  autocomplete?: string
  pattern?: string
  /** Renders `spellcheck="true"` or `"false"`; omitted unless a boolean. */
  spellcheck?: boolean
  autocapitalize?: string
  /** Wrapper shown when there is a prefix, suffix, `beforeInput` or `afterInput`. */
  inputWrapper?: { classes?: string; attributes?: Attributes }
  attributes?: Attributes
}

/** `x.html | safe | trim | indent(width, true) if x.html else x.text`. */
function contentIndentFirst(content: FormControlContent, width: number): SafeHtml {
  if (present(content.html)) return html`${' '.repeat(width)}${htmlOrTextIndent(content, width)}`
  return trustedHtml(escapeHtml(content.text ?? ''))
}

function hasContent(content: FormControlContent | undefined): content is FormControlContent {
  return !!content && (present(content.text) || present(content.html))
}

function affixItem(affix: InputAffix, type: 'prefix' | 'suffix'): SafeHtml {
  return html`
    <div class="${withClasses('govuk-input__' + type, affix.classes)}" aria-hidden="true"${govukAttributes(affix.attributes)}>${htmlOrTextIndent(affix, 4)}</div>`
}

export function govukInput(params: InputOptions): SafeHtml {
  let classNames = 'govuk-input'
  if (params.classes) classNames += ' ' + params.classes
  if (params.errorMessage) classNames += ' govuk-input--error'
  const id = params.id ? params.id : params.name
  const formGroup = params.formGroup

  const { intro, describedBy } = formControlIntro(params, id, params.describedBy ? params.describedBy : '')

  const input = html`<input${govukAttributes({
    class: classNames,
    id,
    name: params.name,
    type: params.type || 'text',
    spellcheck: {
      value: params.spellcheck === true || params.spellcheck === false ? String(params.spellcheck) : false,
      optional: true,
    },
    value: { value: params.value, optional: true },
    disabled: { value: params.disabled, optional: true },
    'aria-describedby': { value: describedBy || undefined, optional: true },
    autocomplete: { value: params.autocomplete, optional: true },
    autocapitalize: { value: params.autocapitalize, optional: true },
    pattern: { value: params.pattern, optional: true },
    inputmode: { value: params.inputmode, optional: true },
  })}${govukAttributes(params.attributes)}>`

  const hasPrefix = hasContent(params.prefix)
  const hasSuffix = hasContent(params.suffix)
  const beforeInput = formGroup?.beforeInput
  const afterInput = formGroup?.afterInput
  const hasBefore = hasContent(beforeInput)
  const hasAfter = hasContent(afterInput)

  let control: SafeHtml
  if (hasPrefix || hasSuffix || hasBefore || hasAfter) {
    const wrapper = params.inputWrapper
    control = html`
  <div class="${withClasses('govuk-input__wrapper', wrapper?.classes)}"${govukAttributes(wrapper?.attributes)}>${hasBefore ? html`
${contentIndentFirst(beforeInput as FormControlContent, 4)}` : ''}${hasPrefix ? indent(affixItem(params.prefix as InputAffix, 'prefix'), 2) : ''}
    ${input}${hasSuffix ? indent(affixItem(params.suffix as InputAffix, 'suffix'), 2) : ''}${hasAfter ? html`
${contentIndentFirst(afterInput as FormControlContent, 4)}` : ''}
  </div>`
  } else {
    control = html`
  ${input}`
  }

  return govukFormGroup(params, html`${intro}${control}`)
}

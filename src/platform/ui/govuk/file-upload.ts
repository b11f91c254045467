import { html, type SafeHtml } from '../html.js'
import { govukAttributes, govukI18nAttributes, htmlOrText, indent, type Attributes, type PluralisedText } from './common.js'
import { type ErrorMessageOptions } from './error-message.js'
import { type HintOptions } from './hint.js'
import type { FormControlContent } from './input.js'
import { govukLabel, type LabelOptions } from './label.js'
import { govukFormGroup, hintAndError } from './form-group.js'

/** Options of the `govukFileUpload` macro (govuk-frontend file-upload/macro-options.json). */
export interface FileUploadOptions {
  name: string
  /** ID of the input. Defaults to `name`. */
  id?: string
  disabled?: boolean
  /** Whether the user may select several files. */
  multiple?: boolean
  /** Element IDs added to `aria-describedby` (before the hint's and error's). */
  describedBy?: string
  /** The label; `for` is set to the input's ID. */
  label: Omit<LabelOptions, 'for'>
  hint?: Omit<HintOptions, 'id'>
  /** An error message; also puts the component into its error state. */
  errorMessage?: Omit<ErrorMessageOptions, 'id'> | false | null
  formGroup?: {
    classes?: string
    attributes?: Attributes
    beforeInput?: FormControlContent
    afterInput?: FormControlContent
  }
  /** Wrap the input for the JavaScript-enhanced file upload. */
  javascript?: boolean
  /** Translation of ‘Choose file’. */
  chooseFilesButtonText?: string
  /** Translation of ‘or drop file’. */
  dropInstructionText?: string
  /** Translation of ‘%{count} files chosen’, by plural form. */
  multipleFilesChosenText?: PluralisedText
  /** Translation of ‘No file chosen’. */
  noFileChosenText?: string
  /** Translation of ‘Entered drop zone’. */
  enteredDropZoneText?: string
  /** Translation of ‘Left drop zone’. */
  leftDropZoneText?: string
  classes?: string
  attributes?: Attributes
  /** Classes of the enhanced component's wrapper (with `javascript`). */
  wrapperClasses?: string
  /** Attributes of the enhanced component's wrapper (with `javascript`). */
  wrapperAttributes?: Attributes
}

export function govukFileUpload(params: FileUploadOptions): SafeHtml {
  const id = params.id ? params.id : params.name
  const label = params.label

  const { hint, error, describedBy } = hintAndError(params, id, params.describedBy ? params.describedBy : '')

  const input = html`<input class="govuk-file-upload${params.classes ? ' ' + params.classes : ''}${params.errorMessage ? ' govuk-file-upload--error' : ''}" id="${id}" name="${params.name}" type="file"${params.disabled ? ' disabled' : ''}${params.multiple ? ' multiple' : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${govukAttributes(params.attributes)}>`

  const control = params.javascript
    ? html`
  <div
    class="govuk-file-upload-wrapper${params.wrapperClasses ? ' ' + params.wrapperClasses : ''}"
    data-module="govuk-file-upload"${govukI18nAttributes({ key: 'choose-files-button', message: params.chooseFilesButtonText })}${govukI18nAttributes({ key: 'no-file-chosen', message: params.noFileChosenText })}${govukI18nAttributes({ key: 'multiple-files-chosen', messages: params.multipleFilesChosenText })}${govukI18nAttributes({ key: 'drop-instruction', message: params.dropInstructionText })}${govukI18nAttributes({ key: 'entered-drop-zone', message: params.enteredDropZoneText })}${govukI18nAttributes({ key: 'left-drop-zone', message: params.leftDropZoneText })}${govukAttributes(params.wrapperAttributes)}
  >
  ${input}
  </div>`
    : html`
  ${input}`

  const formGroup = params.formGroup
  const before = formGroup && formGroup.beforeInput
  const after = formGroup && formGroup.afterInput
  return govukFormGroup(
    params,
    html`${indent(
      govukLabel({
        html: label && label.html,
        text: label && label.text,
        classes: label && label.classes,
        isPageHeading: label && label.isPageHeading,
        attributes: label && label.attributes,
        for: id,
      }),
      2,
    )}${hint}${error}${
    before
      ? html`
  ${indent(htmlOrText(before), 2)}`
      : ''
  }${control}${
    after
      ? html`
  ${indent(htmlOrText(after), 2)}`
      : ''
  }`,
  )
}

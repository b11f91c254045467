import { SafeHtml, escapeHtml, html, trustedHtml } from '../html.js'
import {
  govukAttributes,
  govukI18nAttributes,
  htmlOrText,
  type AttributeValue,
  type Attributes,
  type PluralisedText,
} from './common.js'
import type { ErrorMessageOptions } from './error-message.js'
import { govukHint, type HintOptions } from './hint.js'
import type { FormControlContent } from './input.js'
import type { LabelOptions } from './label.js'
import { govukTextarea } from './textarea.js'

/** Options of the `govukCharacterCount` macro (govuk-frontend character-count/macro-options.json). */
export interface CharacterCountOptions {
  /** ID of the textarea. Defaults to `name`. */
  id?: string
  name: string
  /** Number of textarea rows. Defaults to 5. */
  rows?: string | number
  value?: string
  /** Maximum number of characters (or words, with `countType: "words"`). */
  maxlength?: string | number
  /** Maximum number of words; superseded by `maxlength` with `countType: "words"`. */
  maxwords?: string | number
  /** Percentage of the limit at which the count message is shown. */
  threshold?: string | number
  /** `length` (the default) or `words`. */
  countType?: 'length' | 'words' | string
  /** The label; `for` is set to the textarea's ID. */
  label: Omit<LabelOptions, 'for'>
  hint?: Omit<HintOptions, 'id'>
  /** An error message; also puts the component into its error state. */
  errorMessage?: Omit<ErrorMessageOptions, 'id'> | false | null
  formGroup?: {
    classes?: string
    /** Printed as ` name="value"` each, after the component's own data attributes. */
    attributes?: Attributes
    beforeInput?: FormControlContent
    afterInput?: FormControlContent
  }
  classes?: string
  attributes?: Attributes
  spellcheck?: boolean
  countMessage?: { classes?: string }
  /** Description of the limit for assistive technologies, `%{count}` standing for the limit. */
  textareaDescriptionText?: string
  /** Message under the character limit, by plural form, `%{count}` standing for the characters left. */
  charactersUnderLimitText?: PluralisedText
  charactersAtLimitText?: string
  /** Message over the character limit, by plural form, `%{count}` standing for the characters over. */
  charactersOverLimitText?: PluralisedText
  wordsUnderLimitText?: PluralisedText
  wordsAtLimitText?: string
  wordsOverLimitText?: PluralisedText
}

/** `value | escape` in Nunjucks: safe markup as it is, null and undefined empty, anything else escaped. */
function escaped(value: AttributeValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof SafeHtml) return value.value
  // An `{ value, optional }` object prints as Nunjucks prints any object.
  if (typeof value === 'object') return Object.prototype.toString.call(value)
  return escapeHtml(String(value))
}

export function govukCharacterCount(params: CharacterCountOptions): SafeHtml {
  const countType = params.countType ? params.countType : params.maxwords ? 'words' : ''
  const hasNoLimit = !params.maxwords && !params.maxlength
  const descriptionLength = params.maxwords || params.maxlength
  const descriptionText =
    params.textareaDescriptionText || 'You can enter up to %{count} ' + (countType === 'words' ? 'words' : 'characters')
  const descriptionTextNoLimit = hasNoLimit ? '' : descriptionText.split('%{count}').join(String(descriptionLength))
  const id = params.id ? params.id : params.name
  const formGroup = params.formGroup

  const afterInput = formGroup && formGroup.afterInput
  const countMessageHtml = html`${govukHint({
    text: descriptionTextNoLimit,
    id: id + '-info',
    classes: 'govuk-character-count__message' + (params.countMessage && params.countMessage.classes ? ' ' + params.countMessage.classes : ''),
  })}
${afterInput ? htmlOrText(afterInput) : ''}`

  let attributes =
    govukAttributes({
      'data-module': 'govuk-character-count',
      'data-maxlength': { value: params.maxlength, optional: true },
      'data-maxwords': { value: params.maxwords, optional: true },
      'data-threshold': { value: params.threshold, optional: true },
      'data-count-type': { value: countType ? countType : false, optional: true },
    }).value +
    (hasNoLimit && params.textareaDescriptionText
      ? govukI18nAttributes({ key: 'textarea-description', messages: { other: params.textareaDescriptionText } }).value
      : '') +
    govukI18nAttributes({ key: 'characters-under-limit', messages: params.charactersUnderLimitText }).value +
    govukI18nAttributes({ key: 'characters-at-limit', message: params.charactersAtLimitText }).value +
    govukI18nAttributes({ key: 'characters-over-limit', messages: params.charactersOverLimitText }).value +
    govukI18nAttributes({ key: 'words-under-limit', messages: params.wordsUnderLimitText }).value +
    govukI18nAttributes({ key: 'words-at-limit', message: params.wordsAtLimitText }).value +
    govukI18nAttributes({ key: 'words-over-limit', messages: params.wordsOverLimitText }).value
  // The macro appends the form group's attributes as plain ` name="value"` pairs.
  const extra = formGroup && formGroup.attributes
  if (extra) {
    for (const name of Object.keys(extra)) attributes += ' ' + escapeHtml(name) + '="' + escaped(extra[name] as AttributeValue) + '"'
  }

  return govukTextarea({
    id,
    name: params.name,
    describedBy: id + '-info',
    rows: params.rows,
    spellcheck: params.spellcheck,
    value: params.value,
    formGroup: {
      classes: 'govuk-character-count' + (formGroup && formGroup.classes ? ' ' + formGroup.classes : ''),
      // govukAttributes prints a ready-made fragment as it is, as the macro does with this string.
      attributes: trustedHtml(attributes),
      beforeInput: formGroup && formGroup.beforeInput,
      afterInput: { html: countMessageHtml },
    },
    classes: 'govuk-js-character-count' + (params.classes ? ' ' + params.classes : ''),
    label: {
      html: params.label && params.label.html,
      text: params.label && params.label.text,
      classes: params.label && params.label.classes,
      isPageHeading: params.label && params.label.isPageHeading,
      attributes: params.label && params.label.attributes,
    },
    hint: params.hint,
    errorMessage: params.errorMessage,
    attributes: params.attributes,
  })
}

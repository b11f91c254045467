import { SafeHtml, escapeHtml, html, trustedHtml } from '../html.js'
import { govukI18nAttributes, present, trimHtml, type Attributes } from './common.js'
import { govukButton } from './button.js'
import type { ErrorMessageOptions } from './error-message.js'
import type { HintOptions } from './hint.js'
import { govukInput, type FormControlContent } from './input.js'
import type { LabelOptions } from './label.js'

/** Options of the `govukPasswordInput` macro (govuk-frontend password-input/macro-options.json). */
export interface PasswordInputOptions {
  /** ID of the input. Defaults to `name`. */
  id?: string
  name: string
  value?: string
  disabled?: boolean
  /** Element IDs added to `aria-describedby` (before the hint's and error's). */
  describedBy?: string
  /** The label; `for` is set to the input's ID. */
  label?: Omit<LabelOptions, 'for'>
  hint?: Omit<HintOptions, 'id'>
  /** An error message; also puts the component into its error state. Falsy for none. */
  errorMessage?: Omit<ErrorMessageOptions, 'id'> | false | null
  formGroup?: {
    classes?: string
    /** Printed as ` name="value"` pairs, values escaped. */
    attributes?: Record<string, string | number | boolean | null | undefined>
    beforeInput?: FormControlContent
    /** Content after the show/hide button. */
    afterInput?: FormControlContent
  }
  classes?: string
  /** Defaults to `"current-password"`. */
  autocomplete?: string
  attributes?: Attributes
  /** Button text when the password is hidden. Defaults to `"Show"`. */
  showPasswordText?: string
  /** Button text when the password is visible. Defaults to `"Hide"` (in the JavaScript). */
  hidePasswordText?: string
  /** Button label for screen readers when the password is hidden. Defaults to `"Show password"`. */
  showPasswordAriaLabelText?: string
  /** Button label for screen readers when the password is visible. */
  hidePasswordAriaLabelText?: string
  /** Announcement when the password becomes visible. */
  passwordShownAnnouncementText?: string
  /** Announcement when the password is hidden again. */
  passwordHiddenAnnouncementText?: string
  button?: { classes?: string }
}

/** `value | escape`: null and undefined become empty, anything else its string. */
function escaped(value: unknown): string {
  if (value instanceof SafeHtml) return value.value
  return value === null || value === undefined ? '' : escapeHtml(String(value))
}

export function govukPasswordInput(params: PasswordInputOptions): SafeHtml {
  const id = params.id ? params.id : params.name
  const formGroup = params.formGroup

  let attributesHtml =
    ' data-module="govuk-password-input"' +
    govukI18nAttributes({ key: 'show-password', message: params.showPasswordText }).value +
    govukI18nAttributes({ key: 'hide-password', message: params.hidePasswordText }).value +
    govukI18nAttributes({ key: 'show-password-aria-label', message: params.showPasswordAriaLabelText }).value +
    govukI18nAttributes({ key: 'hide-password-aria-label', message: params.hidePasswordAriaLabelText }).value +
    govukI18nAttributes({ key: 'password-shown-announcement', message: params.passwordShownAnnouncementText }).value +
    govukI18nAttributes({ key: 'password-hidden-announcement', message: params.passwordHiddenAnnouncementText }).value
  if (formGroup?.attributes) {
    for (const name of Object.keys(formGroup.attributes)) {
      attributesHtml += ' ' + escapeHtml(name) + '="' + escaped(formGroup.attributes[name]) + '"'
    }
  }

  const button = govukButton({
    type: 'button',
    classes:
      'govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle' +
      (params.button?.classes ? ' ' + params.button.classes : ''),
    text: params.showPasswordText === undefined ? 'Show' : params.showPasswordText,
    attributes: {
      'aria-controls': id,
      'aria-label': params.showPasswordAriaLabelText === undefined ? 'Show password' : params.showPasswordAriaLabelText,
      hidden: { value: true, optional: true },
    },
  })
  const afterInput = formGroup?.afterInput
  const buttonHtml = html`${button}
${afterInput ? (present(afterInput.html) ? trimHtml(afterInput.html as SafeHtml) : afterInput.text) : ''}`

  return govukInput({
    formGroup: {
      classes: 'govuk-password-input' + (formGroup?.classes ? ' ' + formGroup.classes : ''),
      attributes: trustedHtml(attributesHtml),
      beforeInput: formGroup?.beforeInput,
      afterInput: { html: buttonHtml },
    },
    inputWrapper: { classes: 'govuk-password-input__wrapper' },
    label: params.label,
    hint: params.hint,
    classes: 'govuk-password-input__input govuk-js-password-input-input' + (params.classes ? ' ' + params.classes : ''),
    errorMessage: params.errorMessage,
    id,
    name: params.name,
    type: 'password',
    spellcheck: false,
    autocapitalize: 'none',
    autocomplete: params.autocomplete ? params.autocomplete : 'current-password',
    value: params.value,
    disabled: params.disabled,
    describedBy: params.describedBy,
    attributes: params.attributes,
  })
}

import { html, type SafeHtml } from '../html.js'
import { govukAttributes, indent, trimHtml, type Attributes } from './common.js'
import { govukErrorMessage, type ErrorMessageOptions } from './error-message.js'
import { govukFieldset, type FieldsetOptions } from './fieldset.js'
import { govukHint, type HintOptions } from './hint.js'
import { govukLabel, type LabelOptions } from './label.js'

/**
 * The parts every GOV.UK form component prints the same way: the
 * `govuk-form-group` wrapper, the optional fieldset, and the hint and error
 * message whose ids join `aria-describedby`. Kept in one place so the
 * components cannot drift apart from the Nunjucks macros (and each other).
 */

type HintParam = Omit<HintOptions, 'id'> | undefined
type ErrorParam = Omit<ErrorMessageOptions, 'id'> | false | null | undefined

function addId(describedBy: string, id: string): string {
  return describedBy ? describedBy + ' ' + id : id
}

/**
 * The hint (`<id>-hint`) and error message (`<id>-error`) of a form component,
 * each on its own line indented by two; their ids are appended to `describedBy`.
 */
export function hintAndError(
  params: { hint?: HintParam; errorMessage?: ErrorParam },
  id: string | undefined,
  describedBy: string,
): { hint: SafeHtml | ''; error: SafeHtml | ''; describedBy: string } {
  let hint: SafeHtml | '' = ''
  if (params.hint) {
    const hintId = String(id) + '-hint'
    describedBy = addId(describedBy, hintId)
    hint = html`
  ${indent(
    govukHint({
      id: hintId,
      classes: params.hint.classes,
      attributes: params.hint.attributes,
      html: params.hint.html,
      text: params.hint.text,
    }),
    2,
  )}`
  }
  let error: SafeHtml | '' = ''
  if (params.errorMessage) {
    const errorId = String(id) + '-error'
    describedBy = addId(describedBy, errorId)
    error = html`
  ${indent(
    govukErrorMessage({
      id: errorId,
      classes: params.errorMessage.classes,
      attributes: params.errorMessage.attributes,
      html: params.errorMessage.html,
      text: params.errorMessage.text,
      visuallyHiddenText: params.errorMessage.visuallyHiddenText,
    }),
    2,
  )}`
  }
  return { hint, error, describedBy }
}

/**
 * The label, hint and error message of a form control, as input, textarea and
 * select print them; returns them with the `aria-describedby` value they make.
 */
export function formControlIntro(
  params: {
    label?: Omit<LabelOptions, 'for'> | undefined
    hint?: HintParam
    errorMessage?: ErrorParam
  },
  id: string | undefined,
  describedBy: string,
): { intro: SafeHtml; describedBy: string } {
  const label = params.label
  const labelHtml = govukLabel({
    html: label?.html,
    text: label?.text,
    classes: label?.classes,
    isPageHeading: label?.isPageHeading,
    attributes: label?.attributes,
    for: id,
  })
  const parts = hintAndError(params, id, describedBy)
  return { intro: html`${indent(labelHtml, 2)}${parts.hint}${parts.error}`, describedBy: parts.describedBy }
}

/**
 * `content` inside the component's fieldset when it has one (trimmed, as the
 * macros' `{% call govukFieldset %}` gives it), else just trimmed. Date input
 * passes `role: 'group'` and indents the fieldset by two.
 */
export function inFieldset(
  fieldset: Omit<FieldsetOptions, 'html' | 'caller' | 'role'> | undefined | null | false,
  describedBy: string,
  content: SafeHtml,
  options: { role?: string; indent?: number } = {},
): SafeHtml {
  if (!fieldset) return trimHtml(content)
  const wrapped = govukFieldset({
    describedBy,
    classes: fieldset.classes,
    ...(options.role ? { role: options.role } : {}),
    attributes: fieldset.attributes,
    legend: fieldset.legend,
    html: trimHtml(content),
  })
  return options.indent ? indent(wrapped, options.indent) : wrapped
}

/**
 * The `govuk-form-group` div (with `--error` when there is an error message)
 * around a component's content, which starts on the div's second line.
 */
export function govukFormGroup(
  params: {
    errorMessage?: unknown
    formGroup?: { classes?: string | undefined; attributes?: Attributes | SafeHtml | undefined } | undefined
  },
  content: SafeHtml,
): SafeHtml {
  const formGroup = params.formGroup
  return html`<div class="govuk-form-group${params.errorMessage ? ' govuk-form-group--error' : ''}${formGroup?.classes ? ' ' + formGroup.classes : ''}"${govukAttributes(formGroup?.attributes)}>
  ${content}
</div>`
}

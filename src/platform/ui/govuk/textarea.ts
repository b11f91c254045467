import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrTextIndent } from './common.js'
import { formControlIntro, govukFormGroup } from './form-group.js'
import type { LabelledControlOptions } from './input.js'

/** Options of the `govukTextarea` macro (govuk-frontend textarea/macro-options.json). */
export interface TextareaOptions extends LabelledControlOptions {
  /** Renders `spellcheck="true"` or `"false"`; omitted unless a boolean. */
  spellcheck?: boolean
  /** Number of rows. Defaults to 5. */
  rows?: string | number
  value?: string
  autocomplete?: string
}

export function govukTextarea(params: TextareaOptions): SafeHtml {
  const id = params.id ? params.id : params.name
  const formGroup = params.formGroup
  const { intro, describedBy } = formControlIntro(params, id, params.describedBy ? params.describedBy : '')

  let classNames = 'govuk-textarea'
  if (params.errorMessage) classNames += ' govuk-textarea--error'
  if (params.classes) classNames += ' ' + params.classes

  const before = formGroup?.beforeInput
    ? html`
  ${htmlOrTextIndent(formGroup.beforeInput, 2)}`
    : ''
  const after = formGroup?.afterInput
    ? html`
  ${htmlOrTextIndent(formGroup.afterInput, 2)}`
    : ''
  const spellcheck = params.spellcheck === true || params.spellcheck === false ? html` spellcheck="${String(params.spellcheck)}"` : ''

  return govukFormGroup(
    params,
    html`${intro}${before}
  <textarea class="${classNames}" id="${id}" name="${params.name}" rows="${params.rows || 5}"${spellcheck}${params.disabled ? html` disabled` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${params.autocomplete ? html` autocomplete="${params.autocomplete}"` : ''}${govukAttributes(params.attributes)}>${params.value}</textarea>${after}`,
  )
}

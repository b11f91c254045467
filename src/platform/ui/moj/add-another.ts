import { html, type SafeHtml } from '../html.js'
import { govukAttributes, indent, trimHtml, type Attributes } from '../govuk/common.js'
import { govukButton } from '../govuk/button.js'
import { govukErrorMessage, type ErrorMessageOptions } from '../govuk/error-message.js'
import { govukFieldset } from '../govuk/fieldset.js'
import { i18nAttributes, isSet } from './common.js'

/** One repeated item: a fieldset whose fields are given as `fieldset.html`. */
export interface AddAnotherItem {
  fieldset: {
    /** The item's fields. Items without it are not shown (but still counted). */
    html: SafeHtml
    /** The legend's text is made from `itemLegendText`; `html` replaces it. */
    legend?: { html?: SafeHtml; classes?: string }
    describedBy?: string
    classes?: string
    role?: string
    attributes?: Attributes
  }
  /** Shown beside the fields in the inline layout; marks the item as in error in both. */
  errorMessage?: Omit<ErrorMessageOptions, 'id'> | false | null
  /** The remove button's name (default `remove`) and value (default the item's 0-based index). */
  removeButton?: { name?: string; value?: string }
  classes?: string
  attributes?: Attributes
}

/** Options of the `mojAddAnother` macro. */
export interface AddAnotherOptions {
  /**
   * Prefix of the add button's id, name and value, and of error message ids.
   * The macro prints it into the container's `id` unescaped; here it is
   * escaped like every other value, so use a plain identifier.
   */
  id?: string
  items?: AddAnotherItem[]
  /** What an item is called ("Item" by default), in legends and buttons. */
  itemLabel?: string
  /** `inline` puts the remove button beside the fields. */
  layout?: 'inline' | string
  /** Defaults to "Add another %{itemLabel}". */
  addAnotherButtonText?: string
  /** Defaults to "Remove %{itemLabel} %{number}". */
  removeButtonText?: string
  removeButtonSuffixText?: string
  /** Legend text by plural rule (`one`, `other`); placeholders `%{itemLabel}`, `%{number}`, `%{count}`. */
  itemLegendText?: Record<string, string>
  fieldLabelSuffixText?: string
  newItemSuffixText?: string
  classes?: string
  attributes?: Attributes
}

/** Nunjucks' `replace` filter with a string to find: every occurrence. */
function replaceAll(text: string, find: string, by: string | number): string {
  return text.split(find).join(String(by))
}

function item(params: AddAnotherOptions, item: AddAnotherItem, index: number, itemsCount: number, itemLabel: string): SafeHtml {
  const fieldset = item.fieldset
  let describedBy = fieldset.describedBy ? fieldset.describedBy : ''
  const removeButtonText = replaceAll(
    replaceAll(params.removeButtonText || 'Remove %{itemLabel} %{number}', '%{itemLabel}', itemLabel.toLowerCase()),
    '%{number}',
    index,
  )
  const showRemoveButton = itemsCount > 1
  const legendText = params.itemLegendText
    ? (itemsCount === 1 ? params.itemLegendText.one : params.itemLegendText.other) || '%{itemLabel} %{number}'
    : '%{itemLabel} %{number}'
  const itemLegendText = replaceAll(replaceAll(replaceAll(legendText, '%{itemLabel}', itemLabel), '%{number}', index), '%{count}', itemsCount)

  const classes = ['moj-add-another__item']
  const legendClasses = ['moj-add-another__item-title govuk-fieldset__legend--m']
  if (params.layout === 'inline') classes.push('moj-add-another__item--inline')
  if (item.classes) classes.push(item.classes)
  if (fieldset.legend?.classes) legendClasses.push(fieldset.legend.classes)

  let errorId = ''
  if (item.errorMessage) {
    // `params.id + index + "-error"`: without an id, undefined + 1 is NaN in the template.
    errorId = params.id === undefined ? 'NaN-error' : params.id + index + '-error'
    describedBy = describedBy ? describedBy + ' ' + errorId : errorId
    classes.push('moj-add-another__item--error')
  }

  const removeValue = item.removeButton?.value ? item.removeButton.value : index - 1
  const removeButtonHtml = html`
  <div class="moj-add-another__remove-button-container">
    ${showRemoveButton
      ? govukButton({
          text: removeButtonText,
          classes: 'govuk-button--secondary moj-add-another__remove-button',
          name: item.removeButton?.name ? item.removeButton.name : 'remove',
          // A value of 0 is falsy, so the button prints no value attribute.
          value: removeValue === 0 ? undefined : String(removeValue),
        })
      : ''}
  </div>
`

  let fieldsetHtml: SafeHtml
  if (params.layout === 'inline') {
    const error = item.errorMessage
    fieldsetHtml = html`
    <div class="moj-add-another__item-container">
      <div class="moj-add-another__item-row">
        ${error
          ? indent(
              trimHtml(
                govukErrorMessage({
                  id: errorId,
                  classes: error.classes,
                  attributes: error.attributes,
                  html: error.html,
                  text: error.text,
                  visuallyHiddenText: error.visuallyHiddenText,
                }),
              ),
              2,
            )
          : ''}
        ${fieldset.html}
      </div>
      ${removeButtonHtml}
    </div>
  `
  } else {
    fieldsetHtml = html`
    <div class="moj-add-another__item-container">
      ${fieldset.html}${removeButtonHtml}
    </div>
  `
  }

  return html`<div class="${classes.join(' ')}" ${govukAttributes(item.attributes)}>${govukFieldset({
    attributes: fieldset.attributes,
    classes: 'moj-add-another__fieldset ' + (fieldset.classes ? fieldset.classes : ''),
    describedBy,
    html: fieldsetHtml,
    legend: { text: itemLegendText, html: fieldset.legend?.html, classes: legendClasses.join(' '), isPageHeading: false },
    role: fieldset.role,
  })}</div>`
}

export function mojAddAnother(params: AddAnotherOptions): SafeHtml {
  const itemLabel = params.itemLabel || 'Item'
  const addAnotherButtonText = params.addAnotherButtonText || 'Add another %{itemLabel}'
  const items = params.items ?? []

  const attributes = html`${govukAttributes({
    'data-module': 'moj-add-another',
    'data-item-label': itemLabel,
    'data-layout': { value: params.layout, optional: true },
  })}${i18nAttributes('remove-button-text', params.removeButtonText)}${i18nAttributes('remove-button-suffix-text', params.removeButtonSuffixText)}${i18nAttributes('item-legend-text', undefined, params.itemLegendText)}${i18nAttributes('field-label-suffix-text', params.fieldLabelSuffixText)}${i18nAttributes('new-item-suffix-text', params.newItemSuffixText)}${govukAttributes(params.attributes)}`

  const addButtonValue = params.id ? replaceAll(replaceAll(addAnotherButtonText, '%{itemLabel}', itemLabel), ' ', '-').toLowerCase() : ''

  return html`<div${params.id ? html` id="${params.id}"` : ''} class="moj-add-another${params.classes ? ' ' + params.classes : ''}"${attributes}>
  <div class="moj-add-another__items">
    ${items.map((entry, i) => (isSet(entry.fieldset?.html) ? item(params, entry, i + 1, items.length, itemLabel) : ''))}
  </div>
  <div class="moj-add-another__add-button-container">
  ${govukButton({
    id: params.id ? params.id + '-add-another-button' : undefined,
    name: params.id ? params.id + '-add-another' : undefined,
    value: addButtonValue || undefined,
    text: replaceAll(addAnotherButtonText, '%{itemLabel}', itemLabel.toLowerCase()),
    classes: 'govuk-button--secondary moj-add-another__add-button',
  })}
  </div>
</div>
`
}

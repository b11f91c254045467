import { html, type SafeHtml } from '../html.js'
import { govukAttributes, htmlOrTextIndent, indent, withClasses, type Attributes } from './common.js'
import { govukTag, type TagOptions } from './tag.js'

/** A task of the task list. */
export interface TaskListItem {
  /** The task's title. */
  title: {
    /** Ignored if `html` is given. */
    text?: string
    html?: SafeHtml
    classes?: string
  }
  /** A hint under the title. */
  hint?: {
    /** Ignored if `html` is given. */
    text?: string
    html?: SafeHtml
  }
  /** The task's status: a tag, or text or HTML. */
  status: {
    /** Takes precedence over `html` and `text`. */
    tag?: TagOptions
    /** Ignored if `html` or `tag` is given. */
    text?: string
    html?: SafeHtml
    classes?: string
  }
  /** Link to the task. Without it the task is not linked. */
  href?: string
  classes?: string
}

/** Options of the `govukTaskList` macro (govuk-frontend task-list/macro-options.json). */
export interface TaskListOptions {
  /** Falsy entries are skipped (but still count towards the numbering). */
  items: readonly (TaskListItem | null | undefined | false)[]
  classes?: string
  attributes?: Attributes
  /** Prefix of the hints' and statuses' IDs. Defaults to `"task-list"`. */
  idPrefix?: string
}

function taskListItem(idPrefix: string, item: TaskListItem, index: number): SafeHtml {
  const hintId = idPrefix + '-' + index + '-hint'
  const statusId = idPrefix + '-' + index + '-status'
  const title = item.title
  const name = item.href
    ? html`
      <a class="${withClasses('govuk-link govuk-task-list__link', title?.classes)}" href="${item.href}" aria-describedby="${item.hint ? hintId + ' ' : ''}${statusId}">
        ${htmlOrTextIndent(title, 8)}
      </a>`
    : html`
      <div${title?.classes ? html` class="${title.classes}"` : ''}>
        ${htmlOrTextIndent(title, 8)}
      </div>`
  const hint = item.hint
    ? html`
      <div id="${hintId}" class="govuk-task-list__hint">
        ${htmlOrTextIndent(item.hint, 8)}
      </div>`
    : ''
  const status = item.status
  return html`
  <li class="govuk-task-list__item${item.href ? ' govuk-task-list__item--with-link' : ''}${item.classes ? ' ' + item.classes : ''}">
    <div class="govuk-task-list__name-and-hint">${name}${hint}
    </div>
    <div class="${withClasses('govuk-task-list__status', status?.classes)}" id="${statusId}">
      ${status?.tag ? indent(govukTag(status.tag), 6) : htmlOrTextIndent(status, 6)}
    </div>
  </li>`
}

export function govukTaskList(params: TaskListOptions): SafeHtml {
  const idPrefix = params.idPrefix ? params.idPrefix : 'task-list'
  const items: SafeHtml[] = []
  const all = params.items ?? []
  for (let i = 0; i < all.length; i++) {
    const item = all[i]
    if (item) items.push(taskListItem(idPrefix, item, i + 1))
  }
  return html`<ul class="${withClasses('govuk-task-list', params.classes)}"${govukAttributes(params.attributes)}>${items}
</ul>`
}

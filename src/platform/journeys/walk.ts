/**
 * Where a user is in a journey, worked out from their answers alone: the path
 * they have taken (following `next` from the first page), the first page
 * still unanswered, the page before any page, and the answers on that path.
 * Pure functions, so the rules of navigation are tested without HTTP.
 */
import { CHECK_ANSWERS, type Journey, type PageMap } from './journey.js'

export interface Walk {
  /** The pages on the user's path, in order, up to and including the first unanswered one. */
  path: string[]
  /** The first page still unanswered, or check answers when every page on the path is answered. */
  firstUnanswered: string
  complete: boolean
}

/** The page after `key` given the answers. */
export function nextPage(journey: Journey, key: string, answers: Record<string, unknown>): string {
  const rule = (journey.next as Record<string, ((a: Record<string, unknown>) => string) | undefined> | undefined)?.[key]
  if (rule) return rule(answers)
  const index = journey.order.indexOf(key)
  return journey.order[index + 1] ?? CHECK_ANSWERS
}

export function walk<P extends PageMap>(journey: Journey<P>, answers: Record<string, unknown>): Walk {
  const path: string[] = []
  let key: string = journey.order[0] as string
  while (key !== CHECK_ANSWERS) {
    if (path.includes(key)) throw new Error(`Journey ${journey.id} loops back to ${key}`)
    if (!(key in journey.pages)) throw new Error(`Journey ${journey.id}: next page ${key} is not a page`)
    path.push(key)
    if (answers[key] === undefined) return { path, firstUnanswered: key, complete: false }
    key = nextPage(journey as unknown as Journey, key, answers)
  }
  return { path, firstUnanswered: CHECK_ANSWERS, complete: true }
}

/** Whether a page may be shown now: it is on the user's path, answered or the first unanswered. */
export function isReachable(w: Walk, key: string): boolean {
  return key === CHECK_ANSWERS ? w.complete : w.path.includes(key)
}

/** The page the back link goes to: the one before this on the user's own path. */
export function previousPage(w: Walk, key: string): string | undefined {
  if (key === CHECK_ANSWERS) return w.complete ? w.path[w.path.length - 1] : undefined
  const index = w.path.indexOf(key)
  return index > 0 ? w.path[index - 1] : undefined
}

/** Only the answers on the user's path: branches they left are dropped. */
export function answersOnPath(w: Walk, answers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of w.path) if (answers[key] !== undefined) out[key] = answers[key]
  return out
}

/**
 * Where to go after a valid answer. Normally the next page. When changing an
 * answer from check answers: the first page the change left unanswered (a
 * newly opened branch), else back to check answers.
 */
export function afterAnswer(journey: Journey, key: string, answers: Record<string, unknown>, changing: boolean): string {
  if (!changing) return nextPage(journey, key, answers)
  return walk(journey, answers).firstUnanswered
}

/**
 * The GOV.UK measures that come from journey events: completion rate,
 * drop-off by page, digital take-up; and user satisfaction from the survey.
 * Pure functions over per-run summaries, so the arithmetic is tested alone.
 */

/** One journey run, summarised from its events. */
export interface RunSummary {
  completed: boolean
  channel: 'digital' | 'assisted'
  /** The last page the run viewed. */
  lastPage: string | null
}

export interface JourneyMeasures {
  started: number
  completed: number
  /** Completed runs as a share of started runs (0 to 1), or null with none started. */
  completionRate: number | null
  /** Where unfinished runs stopped: the last page they viewed, most first. */
  dropOffByPage: { page: string; runs: number }[]
  /** Completed digital runs as a share of all completed runs (digital and assisted). */
  digitalTakeUp: number | null
}

export function journeyMeasures(runs: readonly RunSummary[]): JourneyMeasures {
  const started = runs.length
  const completedRuns = runs.filter((r) => r.completed)
  const completed = completedRuns.length
  const drop = new Map<string, number>()
  for (const run of runs) {
    if (run.completed || !run.lastPage) continue
    drop.set(run.lastPage, (drop.get(run.lastPage) ?? 0) + 1)
  }
  const digital = completedRuns.filter((r) => r.channel === 'digital').length
  return {
    started,
    completed,
    completionRate: started === 0 ? null : completed / started,
    dropOffByPage: [...drop].map(([page, n]) => ({ page, runs: n })).sort((a, b) => b.runs - a.runs || (a.page < b.page ? -1 : 1)),
    digitalTakeUp: completed === 0 ? null : digital / completed,
  }
}

export interface SatisfactionMeasures {
  responses: number
  /** Responses at each level, 1 (very dissatisfied) to 5 (very satisfied). */
  byRating: Record<1 | 2 | 3 | 4 | 5, number>
  /** Satisfied or very satisfied as a share of responses, as GOV.UK reports it. */
  satisfied: number | null
}

export function satisfactionMeasures(ratings: readonly number[]): SatisfactionMeasures {
  const byRating = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }
  for (const r of ratings) if (r >= 1 && r <= 5) byRating[r as 1 | 2 | 3 | 4 | 5]++
  const responses = ratings.length
  return { responses, byRating, satisfied: responses === 0 ? null : (byRating[4] + byRating[5]) / responses }
}

/**
 * Question-page journeys: declare pages, branching, check answers and a
 * submission handler; mount with `journeyPlugin`. See docs/journeys.md.
 */
export * from './journey.js'
export * from './fields.js'
export { questionView, type QuestionView } from './view.js'
export { journeyPlugin, type JourneyPluginOptions } from './plugin.js'
export { walk, answersOnPath, previousPage, nextPage, type Walk } from './walk.js'
export { journeyMigrations } from './migrations.js'
export { deleteExpiredDrafts } from './repository.js'
export { messageTypes } from './save-link.js'
export type { JourneyTables } from './schema.js'

/** Service measures: journey events, satisfaction, and the measures made from them. */
export * from './measures.js'
export * from './repository.js'
export { kpiMigrations } from './migrations.js'
export { registerPerformanceDashboard } from './routes.js'

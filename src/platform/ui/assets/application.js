// Starts GOV.UK Frontend and MOJ Frontend components on every page. Loaded as
// a module, so it runs only in browsers that GOV.UK Frontend supports.
import { initAll } from './govuk-frontend.min.js'
import { initAll as initMoj } from './moj-frontend.min.js'

initAll()
initMoj()

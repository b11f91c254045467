/** The justice services, in the order they are built. Each imports only the platform and itself. */
import type { JusticeService } from '../platform/service.js'
import { courtsService } from './courts/index.js'
import { prisonVisits } from './prison-visits/index.js'

export const services: readonly JusticeService[] = [courtsService, prisonVisits]

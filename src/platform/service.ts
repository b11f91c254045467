/**
 * What a justice service gives the platform. The app registers each service's
 * plugin under its URL prefix, runs its migrations after the platform's, and
 * offers its reference-data importers to `justice import` and start-up.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Config } from '../config.js'
import type { Database } from './db/index.js'
import type { Migration } from './db/migrations.js'
import type { Bilingual } from './i18n/index.js'
import type { OpenApiSection } from './http/openapi.js'
import type { ReferenceDataImporter } from './reference-data/index.js'
import type { MessageType } from './notify/types.js'

/** What a service's plugin receives: the platform's parts, never another service's. */
export interface ServiceDependencies {
  config: Config
  database: Database
}

export interface JusticeService {
  /** Short id, used in logs and metrics: `courts`. */
  id: string
  name: Bilingual
  /** One line for the home page. */
  description: Bilingual
  /** Public URL prefix, e.g. `/courts`. */
  path: string
  migrations?: readonly Migration[]
  importers?: readonly ReferenceDataImporter[]
  /** The emails and text messages this service sends (see docs/notifications.md). */
  messageTypes?: readonly MessageType[]
  /** Registered at the root, so it may serve `/courts`, `/staff/courts` and `/api/v1/courts`. */
  plugin: FastifyPluginAsync<ServiceDependencies>
  /** This service's part of the OpenAPI document at /api/v1/openapi.json. */
  openApi?: OpenApiSection
  /** Shown on the home page unless false. */
  listed?: boolean
  /** Runs after reference data is imported and before the server listens (development helpers, caches). */
  onStart?(deps: ServiceDependencies): Promise<void>
}

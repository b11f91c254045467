/**
 * One OpenAPI document for the platform's JSON API, at /api/v1/openapi.json.
 * Each service contributes its own paths and schemas (JusticeService.openApi);
 * the platform merges them, so adding a service's API never edits another's.
 */
import type { FastifyInstance } from 'fastify'

export interface OpenApiSection {
  /** Path items keyed by path, e.g. `/api/v1/courts`. */
  paths: Record<string, unknown>
  /** Schemas for `#/components/schemas/...`. */
  schemas?: Record<string, unknown>
  /** Tags for grouping, e.g. `{ name: 'Courts' }`. */
  tags?: { name: string; description?: string }[]
}

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
  },
  required: ['type', 'title', 'status'],
}

export function openApiDocument(sections: readonly OpenApiSection[], version: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {}
  const schemas: Record<string, unknown> = { Problem: PROBLEM_SCHEMA }
  const tags: { name: string; description?: string }[] = []
  for (const section of sections) {
    for (const [path, item] of Object.entries(section.paths)) {
      if (path in paths) throw new Error(`OpenAPI path ${path} is declared twice`)
      paths[path] = item
    }
    Object.assign(schemas, section.schemas ?? {})
    tags.push(...(section.tags ?? []))
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Justice Digital API',
      version,
      description: 'Read-only public data from the justice services of England and Wales. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/' }],
    tags,
    paths,
    components: { schemas },
  }
}

export function registerOpenApi(app: FastifyInstance, sections: readonly OpenApiSection[], version: string): void {
  const body = JSON.stringify(openApiDocument(sections, version))
  app.get('/api/v1/openapi.json', (_request, reply) =>
    reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=300').type('application/json').send(body),
  )
}

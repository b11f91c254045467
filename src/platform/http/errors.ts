/**
 * Errors become GOV.UK pages (or RFC 9457 problem JSON under /api), never a
 * stack trace. A database that cannot be reached is a 503, and the process
 * carries on so that it recovers when the database returns.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isDatabaseUnavailable } from '../db/index.js'
import { errorPage, type ErrorKind } from '../site/pages/errors.js'
import { pageBytes, pageContext } from './pages.js'

/** An error with a status and a kind of page to show, thrown by routes. */
export class HttpError extends Error {
  readonly statusCode: number
  readonly kind: ErrorKind
  constructor(statusCode: number, kind: ErrorKind, message?: string) {
    super(message ?? kind)
    this.statusCode = statusCode
    this.kind = kind
  }
}

export function notFound(): HttpError {
  return new HttpError(404, 'notFound')
}

export function forbidden(): HttpError {
  return new HttpError(403, 'forbidden')
}

function classify(error: FastifyError | HttpError | Error): { status: number; kind: ErrorKind } {
  if (error instanceof HttpError) return { status: error.statusCode, kind: error.kind }
  if (isDatabaseUnavailable(error)) return { status: 503, kind: 'unavailable' }
  const fe = error as FastifyError
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) return { status: 413, kind: 'tooLarge' }
  if (status === 404) return { status, kind: 'notFound' }
  if (status === 403) return { status, kind: 'forbidden' }
  if (status === 503) return { status, kind: 'unavailable' }
  if (status === 429) return { status, kind: 'tooManyRequests' }
  if (status >= 400 && status < 500) return { status, kind: 'badRequest' }
  return { status: 500, kind: 'serverError' }
}

const PROBLEM_TITLES: Record<ErrorKind, string> = {
  notFound: 'Not found',
  forbidden: 'Forbidden',
  csrf: 'Forbidden',
  badRequest: 'Bad request',
  tooLarge: 'Payload too large',
  unsupportedLanguage: 'Unsupported language',
  tooManyRequests: 'Too many requests',
  serverError: 'Internal server error',
  unavailable: 'Service unavailable',
}

export function sendError(request: FastifyRequest, reply: FastifyReply, status: number, kind: ErrorKind, detail?: string): FastifyReply {
  reply.code(status)
  if (status === 503) reply.header('retry-after', '30')
  if (request.url.startsWith('/api/')) {
    return reply.type('application/problem+json').send({
      type: 'about:blank',
      title: PROBLEM_TITLES[kind],
      status,
      ...(detail && status < 500 ? { detail } : {}),
      instance: request.url.split('?')[0],
    })
  }
  return reply.type('text/html; charset=utf-8').send(pageBytes(errorPage(pageContext(request), kind)))
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const { status, kind } = classify(error)
    if (status >= 500) {
      if (kind === 'unavailable') request.log.warn({ err: error }, 'database unavailable')
      else request.log.error({ err: error }, 'request failed')
    }
    return sendError(request, reply, status, kind, status < 500 ? error.message : undefined)
  })
  app.setNotFoundHandler((request, reply) => sendError(request, reply, 404, 'notFound'))
}

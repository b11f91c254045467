/**
 * A local stand-in for GOV.UK Notify's API, answering with the status codes
 * and JSON shapes of Notify's documentation, so the real
 * notifications-node-client can be pointed at it. What it answers for a
 * recipient is scripted: each send to that address takes the next step.
 */
import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export const SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506'
export const FAKE_API_KEY = `justice_test-${SERVICE_ID}-3d844edf-8d35-48ac-975b-e847b4f122b0`
export const EMAIL_TEMPLATE_ID = 'f33517ff-2a88-4f6e-b855-c550268ce08a'
export const SMS_TEMPLATE_ID = '9ad4b9a5-84d5-4f8a-a6b2-6d7a2f1d3d0e'

/**
 * ok: accepted (201). 400/403/429/500: Notify's error bodies.
 * slow: accepted and kept, but the answer comes after `slowMs` (the client times out first).
 * hold: accepted and kept, and no answer until released (a worker killed mid-send).
 */
export type Step = 'ok' | 400 | 403 | 429 | 500 | 'slow' | 'hold'

export interface FakeNotification {
  id: string
  reference: string | null
  type: 'email' | 'sms'
  recipient: string
  templateId: string
  personalisation: Record<string, string>
}

const ERRORS: Record<400 | 403 | 429 | 500, { error: string; message: string }> = {
  400: { error: 'BadRequestError', message: 'Can’t send to this recipient using a team-only API key' },
  403: { error: 'AuthError', message: 'Invalid token: API key not found' },
  429: { error: 'RateLimitError', message: 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds' },
  500: { error: 'Exception', message: 'Internal server error' },
}

export class FakeNotify extends EventEmitter {
  readonly notifications: FakeNotification[] = []
  /** Every send request, accepted or not. */
  readonly sends: { recipient: string; reference: string | null; step: Step }[] = []
  readonly lookups: string[] = []
  private readonly scripts = new Map<string, Step[]>()
  private readonly held: ServerResponse[] = []
  private server!: Server
  url = ''
  slowMs = 1500

  script(recipient: string, steps: Step[]): void {
    this.scripts.set(recipient, [...steps])
  }

  sentTo(reference: string): FakeNotification[] {
    return this.notifications.filter((n) => n.reference === reference)
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error))
      })
    })
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy()
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    }
    // The client signs a JWT with the key's secret; its issuer is the service id.
    const token = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(req.headers.authorization ?? '')
    const claims = token ? (JSON.parse(Buffer.from(token[2] as string, 'base64url').toString()) as { iss?: string }) : {}
    if (claims.iss !== SERVICE_ID) return send(403, { status_code: 403, errors: [{ error: 'AuthError', message: 'Invalid token: service not found' }] })

    const url = new URL(req.url ?? '/', this.url)
    if (req.method === 'GET' && url.pathname === '/v2/notifications') {
      const reference = url.searchParams.get('reference')
      if (reference) this.lookups.push(reference)
      const found = this.notifications.filter((n) => !reference || n.reference === reference).reverse()
      return send(200, {
        notifications: found.map((n) => this.notificationJson(n)),
        links: { current: `${this.url}/v2/notifications${url.search}` },
      })
    }
    const channel = req.method === 'POST' && /^\/v2\/notifications\/(email|sms)$/.exec(url.pathname)?.[1]
    if (!channel) return send(404, { status_code: 404, errors: [{ error: 'NotFound', message: 'Not found' }] })

    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = JSON.parse(Buffer.concat(chunks).toString()) as {
      template_id: string
      email_address?: string
      phone_number?: string
      personalisation?: Record<string, string>
      reference?: string
    }
    const recipient = (channel === 'email' ? body.email_address : body.phone_number) ?? ''
    const step = this.scripts.get(recipient)?.shift() ?? 'ok'
    this.sends.push({ recipient, reference: body.reference ?? null, step })
    if (typeof step === 'number') return send(step, { status_code: step, errors: [ERRORS[step]] })

    const notification: FakeNotification = {
      id: randomUUID(),
      reference: body.reference ?? null,
      type: channel as 'email' | 'sms',
      recipient,
      templateId: body.template_id,
      personalisation: body.personalisation ?? {},
    }
    this.notifications.push(notification)
    const answer = () =>
      send(201, {
        id: notification.id,
        reference: notification.reference,
        content:
          channel === 'email'
            ? { subject: body.personalisation?.subject ?? '', body: body.personalisation?.body ?? '', from_email: 'justice@notifications.service.gov.uk', one_click_unsubscribe_url: null }
            : { body: body.personalisation?.body ?? '', from_number: 'GOVUK' },
        uri: `${this.url}/v2/notifications/${notification.id}`,
        template: { id: body.template_id, version: 1, uri: `${this.url}/services/${SERVICE_ID}/templates/${body.template_id}` },
      })
    if (step === 'hold') {
      this.held.push(res)
      this.emit('held', notification)
      return
    }
    if (step === 'slow') {
      setTimeout(() => {
        if (!res.destroyed) answer()
      }, this.slowMs).unref()
      return
    }
    answer()
  }

  private notificationJson(n: FakeNotification) {
    return {
      id: n.id,
      reference: n.reference,
      ...(n.type === 'email' ? { email_address: n.recipient } : { phone_number: n.recipient }),
      type: n.type,
      status: 'sending',
      template: { id: n.templateId, version: 1, uri: `${this.url}/v2/template/${n.templateId}` },
      body: n.personalisation.body ?? '',
      subject: n.personalisation.subject,
      created_at: new Date().toISOString(),
      created_by_name: null,
      is_cost_data_ready: false,
    }
  }
}

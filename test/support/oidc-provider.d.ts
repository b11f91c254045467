/** The little of oidc-provider (which ships no types) that the single sign-on test uses. */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  interface GrantInstance {
    addOIDCScope(scope: string): void
    save(): Promise<string>
  }
  interface InteractionContext {
    oidc: { client: { clientId: string }; session: { accountId: string } }
  }
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    callback(): (req: IncomingMessage, res: ServerResponse) => void
    Grant: new (options: { clientId: string; accountId: string }) => GrantInstance
  }
  export type { InteractionContext }
}

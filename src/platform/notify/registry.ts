/**
 * The message types known to this process. app.ts registers every module's
 * list at start-up; sendMessage looks a type up here to check and render it.
 */
import type { MessageType } from './types.js'

const registry = new Map<string, MessageType>()

const TYPE_NAME = /^[a-z0-9]+(-[a-z0-9]+)+$/

export function registerMessageTypes(types: readonly MessageType[]): void {
  for (const t of types) {
    if (!TYPE_NAME.test(t.type)) throw new Error(`Message type "${t.type}" must be kebab-case and prefixed by its module`)
    if (t.channels.length === 0) throw new Error(`Message type "${t.type}" has no channels`)
    const existing = registry.get(t.type)
    // Building a second app in the same process (tests) registers the same objects again.
    if (existing && existing !== t && existing.render !== t.render) {
      throw new Error(`Message type "${t.type}" is declared twice`)
    }
    registry.set(t.type, t)
  }
}

export function messageType(type: string): MessageType | undefined {
  return registry.get(type)
}

export function registeredMessageTypes(): MessageType[] {
  return [...registry.values()].sort((a, b) => a.type.localeCompare(b.type))
}

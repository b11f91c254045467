/**
 * Keeps one of Node's `process.nextTick` records alive for the life of the
 * process. Imported first by main.ts, before anything else runs.
 *
 * Why: node:http and its streams call `process.nextTick` about fifteen times
 * a request, and each call builds a small object whose first two keys are
 * computed (`{ [async_id_symbol]: …, [trigger_async_id_symbol]: …, callback,
 * args }`). V8 adds computed keys quickly only while the shapes (maps) that
 * object goes through stay alive. These objects live for a moment, so a full
 * garbage collection that finds none of them frees those shapes; the next
 * call makes new ones, and after a few such collections V8 gives up on the
 * fast path for good and adds both keys in its runtime. main.ts runs a full
 * collection just before it listens (collectStartUpGarbage), so the app always
 * ended up there: under callgrind, about 38,000 of the 195,000 instructions a
 * request cost the home page (decision 002, "A nextTick record kept alive").
 * One record kept here keeps the shapes, so the fast path stays.
 *
 * The record is caught with an async hook, switched on for one nextTick call
 * and off again at once. Should Node stop making such records, this keeps
 * nothing and changes nothing.
 */
import { createHook } from 'node:async_hooks'

let kept: object | undefined

const hook = createHook({
  init(_asyncId, type, _triggerAsyncId, resource) {
    if (type === 'TickObject') kept ??= resource
  },
})
hook.enable()
process.nextTick(() => {})
hook.disable()

/** The record kept (for the unit test); undefined if Node made none. */
export function keptTickRecord(): object | undefined {
  return kept
}

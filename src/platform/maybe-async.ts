/**
 * Values ready now or later. A page whose data is already in memory can
 * answer in the turn its request arrived in: every `await`, even of a value
 * already there, costs a promise and a turn of the microtask queue, and a
 * journey page took four of them (docs/decisions/002-rendering.md, "Answering
 * in the same turn").
 */

/** A value, or a promise of one when it has to be read first. */
export type MaybeAsync<T> = T | Promise<T>

/**
 * A native promise, which every `async` function and `.then` give. Not any
 * thenable: a Fastify reply has a `then` of its own (to be awaited until it
 * is sent), and a page that has been sent is an answer, not a wait.
 */
export function isAsync<T>(value: MaybeAsync<T>): value is Promise<T> {
  return value instanceof Promise
}

/** `next(value)`: at once when the value is here, otherwise once it is. */
export function andThen<T, R>(value: MaybeAsync<T>, next: (value: T) => MaybeAsync<R>): MaybeAsync<R> {
  return isAsync(value) ? value.then(next) : next(value)
}

/**
 * What a route handler that may answer at once returns: the promise when it
 * answers later, so that Fastify waits on it (and sends its errors to the
 * error handler); nothing when it has answered already, since Fastify would
 * send any value returned at once as a second reply.
 */
export function handled<T>(result: MaybeAsync<T>): Promise<T> | undefined {
  return isAsync(result) ? result : undefined
}

/** A promise kept with its value: `now()` gives the value at once once the promise has it, and the promise before that (or when it failed). */
export interface Eventual<T> {
  readonly promise: Promise<T>
  now(): MaybeAsync<T>
}

export function eventual<T>(promise: Promise<T>): Eventual<T> {
  let fulfilled = false
  let value: T
  promise.then(
    (v) => {
      fulfilled = true
      value = v
    },
    // Whoever awaits the promise sees its failure; this only watches.
    () => undefined,
  )
  return { promise, now: () => (fulfilled ? value : promise) }
}

/** An eventual value that is here already. */
export function ready<T>(value: T): Eventual<T> {
  return { promise: Promise.resolve(value), now: () => value }
}

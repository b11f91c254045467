// The part of autocannon's programmatic API that bench/load.ts uses (the package ships no types).
declare module 'autocannon' {
  interface Options {
    url: string
    connections?: number
    duration?: number
    headers?: Record<string, string>
    /** Seconds a request may take before it counts as a timeout. */
    timeout?: number
  }
  interface Histogram {
    p50: number
    p99: number
    average: number
    total: number
  }
  interface Result {
    /** Seconds. */
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    latency: Histogram
    requests: Histogram
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}

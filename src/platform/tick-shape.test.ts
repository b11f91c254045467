import { test } from 'node:test'
import assert from 'node:assert/strict'
import { keptTickRecord } from './tick-shape.js'

test('one nextTick record is kept, with the shape node:http and its streams make on every call', () => {
  const record = keptTickRecord() as Record<string | symbol, unknown> | undefined
  // Should a Node upgrade stop making these records, the keeping in tick-shape.ts does nothing: look again at decision 002.
  assert.ok(record, 'Node made no TickObject for the async hook to catch')
  assert.equal(typeof record.callback, 'function')
  assert.ok('args' in record)
  // The two computed keys whose shapes the record keeps alive: the async ids.
  const ids = Object.getOwnPropertySymbols(record).map((s) => s.description)
  assert.deepEqual(ids.sort(), ['async_id_symbol', 'trigger_async_id_symbol'])
})

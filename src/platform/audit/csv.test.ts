import { test } from 'node:test'
import assert from 'node:assert/strict'
import { csvCell, csvLine } from './csv.js'

test('cells are quoted when they must be, and formulas are defused', () => {
  assert.equal(csvCell('plain'), 'plain')
  assert.equal(csvCell('a,b'), '"a,b"')
  assert.equal(csvCell('say "hi"'), '"say ""hi"""')
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`)
  assert.equal(csvCell('-1+1'), `"'-1+1"`)
  assert.equal(csvCell(null), '')
  assert.equal(csvCell({ a: 1 }), '"{""a"":1}"')
  assert.equal(csvLine(['a', 1]), 'a,1\r\n')
})

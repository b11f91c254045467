import { test } from 'node:test'
import assert from 'node:assert/strict'
import { catchmentPrefixes, cleanCatchmentPrefix, jurisdictionOf, parsePostcode } from './postcode.js'

test('full postcodes in any case and spacing', () => {
  for (const input of ['LS1 3BG', 'ls13bg', '  Ls1   3bG ', 'LS1\t3BG']) {
    const p = parsePostcode(input)
    assert.equal(p?.kind, 'full', input)
    assert.equal(p?.display, 'LS1 3BG')
    assert.equal(p?.sector, 'LS1 3')
    assert.equal(p?.district, 'LS1')
    assert.equal(p?.area, 'LS')
  }
  assert.equal(parsePostcode('sw1a1aa')?.display, 'SW1A 1AA')
  assert.equal(parsePostcode('M1 1AE')?.area, 'M')
})

test('sectors and districts', () => {
  assert.deepEqual(
    [parsePostcode('LS1 3'), parsePostcode('SW1A1'), parsePostcode('ls11'), parsePostcode('M1')].map((p) => [p?.kind, p?.display]),
    [['sector', 'LS1 3'], ['sector', 'SW1A 1'], ['district', 'LS11'], ['district', 'M1']],
  )
})

test('nonsense is not a postcode', () => {
  for (const input of ['', 'nonsense', '12345', 'LS1 3BGX', 'LS', '<script>', 'L S 1 3 B G X X X X X', 'Q1 1AA1']) {
    assert.equal(parsePostcode(input), undefined, input)
  }
})

test('catchment prefixes run longest first', () => {
  assert.deepEqual(catchmentPrefixes(parsePostcode('LS1 3BG')!), ['LS13BG', 'LS13', 'LS1', 'LS'])
  assert.deepEqual(catchmentPrefixes(parsePostcode('LS1')!), ['LS1', 'LS'])
})

test('Scotland, Northern Ireland and the Crown Dependencies are told apart', () => {
  assert.equal(jurisdictionOf(parsePostcode('BT1 1AA')!), 'northern-ireland')
  assert.equal(jurisdictionOf(parsePostcode('EH1 1YZ')!), 'scotland')
  assert.equal(jurisdictionOf(parsePostcode('JE2 3AB')!), 'channel-islands')
  assert.equal(jurisdictionOf(parsePostcode('IM1 1AA')!), 'isle-of-man')
  // TD15 is Berwick-upon-Tweed, in England: the council decides where it can.
  assert.equal(jurisdictionOf(parsePostcode('TD15 1AA')!, 'E06000057'), 'england-and-wales')
  assert.equal(jurisdictionOf(parsePostcode('CA1 1AA')!), 'england-and-wales')
})

test('catchment prefixes from the data are cleaned or refused', () => {
  assert.equal(cleanCatchmentPrefix("'EC1V8EL'"), 'EC1V8EL')
  assert.equal(cleanCatchmentPrefix('ls 10 1'), 'LS101')
  assert.equal(cleanCatchmentPrefix('LS'), 'LS')
  assert.equal(cleanCatchmentPrefix('0X252RH'), undefined)
  assert.equal(cleanCatchmentPrefix('LS2131F'), undefined)
  assert.equal(cleanCatchmentPrefix('B65ONS'), undefined)
})

/**
 * The html tag is the only way HTML is built. Marking a string as safe without
 * escaping it (`trustedHtml`, `new SafeHtml`) is allowed only in the files
 * below, each for the reason given; a new use elsewhere fails this test and
 * has to be argued for here.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { PROJECT_ROOT } from '../../config.js'

const ALLOWED: Record<string, string> = {
  'src/platform/ui/html.ts': 'defines the tag and trustedHtml',
  'src/platform/ui/govuk/common.ts': 'govukAttributes and text helpers: every value escaped with escapeHtml before it is marked',
  'src/platform/ui/moj/common.ts': 'the same helpers for the MOJ components',
  'src/platform/ui/govuk/input.ts': 'escaped text re-marked after trimming, to match the macro',
  'src/platform/ui/govuk/notification-banner.ts': 'escaped text re-marked after trimming, to match the macro',
  'src/platform/ui/govuk/header.ts': 'the GOV.UK logo SVG, a constant',
  'src/platform/ui/govuk/character-count.ts': 'i18n data attributes built from escaped values',
  'src/platform/ui/govuk/exit-this-page.ts': 'escaped text re-marked, to match the macro',
  'src/platform/ui/govuk/password-input.ts': 'i18n data attributes built from escaped values',
  'src/platform/ui/moj/alert.ts': 'icon SVGs, constants',
  'src/platform/ui/moj/banner.ts': 'icon SVGs, constants',
  'src/platform/ui/moj/header-artwork.ts': 'the MOJ header logo SVGs, constants',
  'src/platform/ui/layouts/page.ts': 'marks the places in the kept page shell that each request fills (fills are escaped or already SafeHtml)',
  'src/services/courts/pages/court.ts': 'court info and facility HTML, sanitised against an allow-list when imported or edited (courts/sanitise.ts)',
}

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) sources(full, out)
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(relative(PROJECT_ROOT, full).split('\\').join('/'))
  }
  return out
}

test('only the listed files mark strings as safe HTML', () => {
  const offenders = sources(join(PROJECT_ROOT, 'src')).filter((file) => {
    const text = readFileSync(join(PROJECT_ROOT, file), 'utf8')
    return /\btrustedHtml\(|new SafeHtml\(/.test(text) && !(file in ALLOWED)
  })
  assert.deepEqual(offenders, [], 'build HTML with the html tag; if markup really is trusted, list the file and the reason in ALLOWED')
})

/**
 * Test support: compares our component output with govuk-frontend's
 * published fixtures and with the real Nunjucks macros. Used only by tests;
 * Nunjucks and parse5 are dev dependencies.
 */
import { createRequire } from 'node:module'
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseFragment, serialize } from 'parse5'
import type { DefaultTreeAdapterMap } from 'parse5'
import { SafeHtml, trustedHtml } from '../../src/platform/ui/html.js'

const require = createRequire(import.meta.url)

export const GOVUK_ROOT = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist')
export const GOVUK_COMPONENTS = join(GOVUK_ROOT, 'govuk', 'components')
export const MOJ_ROOT = dirname(require.resolve('@ministryofjustice/frontend/package.json'))

export interface Fixture {
  name: string
  options: Record<string, unknown>
  hidden?: boolean
  html: string
}

export function componentNames(): string[] {
  return readdirSync(GOVUK_COMPONENTS).filter((c) => existsSync(join(GOVUK_COMPONENTS, c, 'fixtures.json')))
}

export function fixturesFor(component: string): Fixture[] {
  const file = join(GOVUK_COMPONENTS, component, 'fixtures.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { fixtures: Fixture[] }).fixtures
}

/** `date-input` -> `govukDateInput` */
export function macroName(component: string, prefix = 'govuk'): string {
  return prefix + component.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())
}

/**
 * Option keys whose string values the macros print unescaped (`| safe`).
 * Our functions type them as SafeHtml, so fixture strings are marked trusted
 * on the way in. Keys named `html` or ending in `Html` are covered by rule;
 * list any others here by component.
 */
export const EXTRA_SAFE_KEYS: Record<string, readonly string[]> = {
  'service-navigation': ['start', 'end', 'navigationStart', 'navigationEnd'],
}

export function markTrusted(value: unknown, component: string, key = ''): unknown {
  if (typeof value === 'string') {
    const extra = EXTRA_SAFE_KEYS[component] ?? []
    if (key === 'html' || /Html$/.test(key) || extra.includes(key)) return trustedHtml(value)
    return value
  }
  if (Array.isArray(value)) return value.map((v) => markTrusted(v, component, ''))
  if (value && typeof value === 'object' && !(value instanceof SafeHtml)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      // `attributes` values are always escaped by govukAttributes, never trusted.
      out[k] = k === 'attributes' ? v : markTrusted(v, component, k)
    }
    return out
  }
  return value
}

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']
type ParentNode = DefaultTreeAdapterMap['parentNode']

const PRESERVE = new Set(['pre', 'textarea'])

function normaliseNode(node: Node, preserve: boolean): void {
  if ('attrs' in node) {
    const el = node as Element
    el.attrs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const a of el.attrs) {
      if (a.name === 'class') a.value = a.value.split(/\s+/).filter(Boolean).join(' ')
      else a.value = a.value.replace(/\s+/g, ' ').trim()
    }
  }
  const inner = preserve || ('tagName' in node && PRESERVE.has((node as Element).tagName))
  if ('childNodes' in node) {
    const parent = node as ParentNode
    const kids: Node[] = []
    for (const child of parent.childNodes) {
      if (child.nodeName === '#text' && !inner) {
        const t = child as DefaultTreeAdapterMap['textNode']
        t.value = t.value.replace(/\s+/g, ' ')
        if (t.value === ' ' || t.value === '') continue
        t.value = t.value.trim()
      }
      if (child.nodeName === '#comment') continue
      normaliseNode(child, inner)
      kids.push(child)
    }
    parent.childNodes = kids as typeof parent.childNodes
  }
  if ('content' in node && (node as { content?: Node }).content) normaliseNode((node as { content: Node }).content, inner)
}

/**
 * Normalises insignificant differences: whitespace between and around tags,
 * runs of whitespace in text, attribute order, and class-list spacing.
 */
export function normaliseHtml(markup: string): string {
  const fragment = parseFragment(markup)
  normaliseNode(fragment as unknown as Node, false)
  return serialize(fragment)
}

/**
 * The page shell equals govuk-frontend's `govuk/template.njk`: child
 * templates that extend the real template and set its variables and blocks
 * render the same page as `govukTemplate` with the same options.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import nunjucks from 'nunjucks'
import { trustedHtml, type SafeHtml } from '../html.js'
import { govukTemplate, type TemplateBlocks, type TemplateOptions, type TemplateVariables } from './template.js'
import { normaliseHtml } from '../../../../test/support/govuk-fixtures.js'
import { env } from '../../../../test/support/nunjucks-env.js'
import * as arb from '../../../../test/support/arbitraries.js'

/**
 * normaliseHtml parses a fragment, in which `<html>`, `<head>` and `<body>`
 * (and their attributes) would be dropped; rename them on both sides so that
 * they are compared too.
 */
function normalisePage(markup: string): string {
  const doctype = '<!DOCTYPE html>'
  const start = markup.trimStart()
  assert.ok(start.startsWith(doctype), 'page starts with the doctype')
  const renamed = start
    .slice(doctype.length)
    .replace(/<(\/?)(html|head|body)(?=[\s>])/g, '<$1x-$2')
  return normaliseHtml(renamed)
}

type Blocks = Partial<Record<keyof TemplateBlocks, string>>

interface Case {
  name: string
  variables?: TemplateVariables
  /** Block contents as template source (plain HTML here). */
  blocks?: Blocks
  /** Set the variables with `{% set %}` in the child template rather than in the render context. */
  setInChild?: boolean
}

/** Renders the real template through a child template that extends it. */
function renderNunjucks(c: Case): string {
  let source = ''
  if (c.setInChild) {
    for (const [name, value] of Object.entries(c.variables ?? {})) {
      // Spaced JSON: `}}` inside a tag would end it.
      if (value !== undefined) source += `{% set ${name} = ${JSON.stringify(value, null, 1)} %}\n`
    }
  }
  source += '{% extends "govuk/template.njk" %}\n'
  for (const [name, content] of Object.entries(c.blocks ?? {})) {
    if (content !== undefined) source += `{% block ${name} %}${content}{% endblock %}\n`
  }
  return new nunjucks.Template(source, env, undefined, true).render(c.setInChild ? {} : { ...c.variables })
}

function renderOurs(c: Case): SafeHtml {
  const options: TemplateOptions = { ...c.variables }
  for (const [name, content] of Object.entries(c.blocks ?? {})) {
    if (content !== undefined) (options as Record<string, unknown>)[name] = trustedHtml(content)
  }
  return govukTemplate(options)
}

function assertSame(c: Case): void {
  assert.equal(normalisePage(renderOurs(c).value), normalisePage(renderNunjucks(c)), c.name)
}

const ALL_VARIABLES: TemplateVariables = {
  htmlLang: 'cy',
  htmlClasses: 'app-html',
  pageTitleLang: 'en',
  themeColor: '#0b0c0c',
  assetPath: '/static/govuk',
  assetUrl: 'https://example.gov.uk/static',
  bodyClasses: 'app-body',
  bodyAttributes: { 'data-page': 'home', 'data-flag': { value: true, optional: true } },
  cspNonce: 'abc123==',
  headerClasses: 'app-header',
  headerAttributes: { 'data-header': 'x' },
  serviceName: 'Apply for probate & more',
  serviceUrl: '/probate?a=1&b=2',
  containerClasses: 'app-container',
  containerAttributes: { 'data-container': 'y' },
  mainClasses: 'app-main',
  mainLang: 'cy',
  mainAttributes: { role: 'main', 'data-x': '"quoted"' },
  footerClasses: 'app-footer',
  footerAttributes: { 'data-footer': 'z' },
}

const CASES: Case[] = [
  { name: 'defaults' },
  { name: 'every variable, in the render context', variables: ALL_VARIABLES },
  { name: 'every variable, set in the child template', variables: ALL_VARIABLES, setInChild: true },
  { name: 'OpenGraph image URL', variables: { opengraphImageUrl: 'https://example.gov.uk/og.png', assetUrl: 'https://x' } },
  { name: 'empty strings take the defaults', variables: { htmlLang: '', themeColor: '', assetPath: '', serviceName: '' } },
  {
    name: 'content blocks',
    variables: { serviceName: 'Court finder', serviceUrl: '/' },
    blocks: {
      pageTitle: 'Find a court &amp; tribunal – GOV.UK',
      head: '<link href="/app.css" rel="stylesheet">',
      bodyStart: '<div id="start"></div>',
      beforeContent: '<a href="/" class="govuk-back-link">Back</a>',
      content: '<h1 class="govuk-heading-l">Hello</h1>\n<p class="govuk-body">Text</p>',
      bodyEnd: '<script type="module" src="/app.js"></script>',
    },
  },
  {
    name: 'header and footer start and end',
    blocks: { headerStart: '<div>hs</div>', headerEnd: '<div>he</div>', footerStart: '<p>fs</p>', footerEnd: '<p>fe</p>' },
  },
  {
    name: 'own header, footer and skip link',
    blocks: { header: '<header class="app">Mine</header>', footer: '', skipLink: '<a href="#c">Skip</a>' },
  },
  {
    name: 'no header or footer when their parts are empty',
    variables: { headerClasses: 'x', footerClasses: 'y' },
    blocks: { govukHeader: '', govukFooter: '  ', govukSkipLink: '' },
  },
  {
    name: 'replaced components',
    variables: { serviceName: 'Ignored' },
    blocks: {
      govukHeader: '<div class="govuk-header">H</div>',
      govukServiceNavigation: '<nav>Service</nav>',
      govukFooter: '<div class="govuk-footer">F</div>',
      headIcons: '<link rel="icon" href="/favicon.ico">',
    },
  },
  {
    name: 'main replaced; container start and end',
    blocks: { containerStart: '<div>cs</div>', beforeContent: '<p>ignored</p>', main: '<main id="m">M</main>', content: 'ignored', containerEnd: '<div>ce</div>' },
  },
  { name: 'container replaced', blocks: { container: '<div class="app-wide">W</div>' } },
]

for (const c of CASES) {
  test(`govukTemplate equals template.njk: ${c.name}`, () => assertSame(c))
}

test('a plain string page title is escaped, as {{ title }} in the block would be', () => {
  const title = 'Fees & "costs" <2025>'
  const theirs = new nunjucks.Template('{% extends "govuk/template.njk" %}{% block pageTitle %}{{ title }}{% endblock %}', env, undefined, true).render({ title })
  assert.equal(normalisePage(govukTemplate({ pageTitle: title }).value), normalisePage(theirs))
})

test('the CSP nonce is on the inline script', () => {
  const page = govukTemplate({ cspNonce: 'n0nce' }).value
  assert.match(page, /<script nonce="n0nce">document\.body\.className/)
})

const BLOCK_SNIPPETS = ['', '  ', '<p class="x">Block</p>', '<div>a &amp; b</div>\n<span>ŵ</span>']
const blockContent = fc.constantFrom(...BLOCK_SNIPPETS)
const BLOCK_NAMES: (keyof TemplateBlocks)[] = [
  'pageTitle', 'head', 'headIcons', 'bodyStart', 'govukSkipLink', 'skipLink', 'header', 'headerStart', 'govukHeader',
  'govukServiceNavigation', 'headerEnd', 'container', 'containerStart', 'beforeContent', 'main', 'content',
  'containerEnd', 'footer', 'footerStart', 'govukFooter', 'footerEnd', 'bodyEnd',
]

test('govukTemplate equals template.njk for random variables and blocks', () => {
  const variables = arb.options<TemplateVariables>({
    htmlLang: arb.text,
    htmlClasses: arb.classes,
    pageTitleLang: arb.text,
    themeColor: arb.text,
    assetPath: arb.href,
    assetUrl: arb.href,
    opengraphImageUrl: arb.href,
    bodyClasses: arb.classes,
    bodyAttributes: arb.govukAttributes as fc.Arbitrary<TemplateVariables['bodyAttributes']>,
    cspNonce: arb.text,
    headerClasses: arb.classes,
    headerAttributes: arb.govukAttributes as fc.Arbitrary<TemplateVariables['headerAttributes']>,
    serviceName: arb.text,
    serviceUrl: arb.href,
    containerClasses: arb.classes,
    containerAttributes: arb.govukAttributes as fc.Arbitrary<TemplateVariables['containerAttributes']>,
    mainClasses: arb.classes,
    mainLang: arb.text,
    mainAttributes: arb.govukAttributes as fc.Arbitrary<TemplateVariables['mainAttributes']>,
    footerClasses: arb.classes,
    footerAttributes: arb.govukAttributes as fc.Arbitrary<TemplateVariables['footerAttributes']>,
  })
  const blocks = fc.dictionary(fc.constantFrom(...BLOCK_NAMES), blockContent, { maxKeys: 6 }) as fc.Arbitrary<Blocks>
  fc.assert(
    fc.property(variables, blocks, (v, b) => {
      assertSame({ name: 'random', variables: v, blocks: b })
    }),
    { numRuns: 150 },
  )
})

/**
 * Court facility descriptions and notices arrive as HTML written in FaCT's
 * editor. They are cleaned against a short allow-list before they are stored,
 * and again before they are shown, so neither old data nor a staff edit can
 * carry script into a page.
 */
import sanitizeHtml from 'sanitize-html'

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'a'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Script and style contents are dropped with their tags, not shown as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object'],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, class: 'govuk-link' } }),
    p: (tagName, attribs) => ({ tagName, attribs: { ...attribs, class: 'govuk-body' } }),
    b: 'strong',
    i: 'em',
  },
  allowedClasses: { a: ['govuk-link'], p: ['govuk-body'] },
}

export function sanitiseCourtHtml(markup: string | null | undefined): string {
  if (!markup) return ''
  return (
    sanitizeHtml(markup, OPTIONS)
      .replace(/&nbsp;|\u00a0/g, ' ')
      // FaCT's editor often runs a word into the link after it ("report the scam to<a …>Action Fraud</a>").
      .replace(/([\p{L}\p{N}])<a /gu, '$1 <a ')
      .trim()
  )
}

/** Whether the markup carried something the allow-list exists to stop (for the import report). */
export function looksDangerous(markup: string): boolean {
  return /<\s*(script|iframe|object|embed|style|form)|\son\w+\s*=|javascript:/i.test(markup)
}

/**
 * The pages `npm run bench` measures. Add a page here when a service gains one
 * worth watching; a page that answers 404 when the bench runs is skipped with
 * a note, so a page may be listed before its service exists.
 *
 * `conventional` names the view in bench/conventional/views.ts that rebuilds
 * the page with Express, Nunjucks and the govuk-frontend macros (column c).
 * Without one, column c is left empty for that page.
 */
export interface BenchPage {
  /** A short name for the table. */
  name: string
  /** Path and query, as a visitor asks for it. */
  path: string
  conventional?: string
}

export const pages: BenchPage[] = [
  { name: 'home', path: '/', conventional: 'home' },
  { name: 'cookies', path: '/cookies', conventional: 'cookies' },
  { name: 'court search', path: '/courts/search?q=leeds', conventional: 'courtSearch' },
  { name: 'court', path: '/courts/leeds-combined-court-centre', conventional: 'court' },
  // The booking journey's first question (journeys mount at `/prison-visits/book`); a page with a form, so it starts a session.
  { name: 'visit booking step', path: '/prison-visits/book/prison', conventional: 'bookingStep' },
]

/**
 * Staff: court data, at /staff/courts. Role "court data admin", scoped to
 * regions, courts or all. Each section is validated, saved only if nobody
 * saved since it was read (optimistic concurrency), audited in the same
 * transaction, and shown in the court's history.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { audit } from '../../platform/audit/index.js'
import type { PlatformTables } from '../../platform/db/index.js'
import { notFound } from '../../platform/http/errors.js'
import { pageContext } from '../../platform/http/pages.js'
import { csrfToken } from '../../platform/http/session.js'
import { identityOf, requireRole } from '../../platform/staff/index.js'
import type { FieldError } from '../../platform/staff/pages/layout.js'
import type { EditError, FormValues, SectionError } from './editing.js'
import { courtText } from './locales/index.js'
import { staffCourtListPage, staffCourtPage, staffSectionPage } from './pages/staff.js'
import { courtDb, courtHistory } from './repository.js'
import type { Court, CourtIndex } from './search.js'
import { checkSection, isSectionId, SECTION_IDS, sectionForm, submittedRows, type SectionForm, type SectionId } from './staff-sections.js'
import { courtIndex, editCourt, refreshCourtIndex } from './store.js'

export const COURT_DATA_ADMIN = 'court-data-admin'

type CourtParams = { Params: { slug: string } }
type SectionParams = { Params: { slug: string; section: string } }

const courtRule = requireRole(COURT_DATA_ADMIN, { court: (r) => r.params.slug })

function sectionSummary(id: SectionId, court: Court, lang: 'en' | 'cy'): string {
  const t = courtText(lang).staff
  switch (id) {
    case 'general':
      return [court.name, court.alert].filter(Boolean).join(' – ')
    case 'addresses':
      return court.addresses.map((a) => a.postcode).join(', ')
    case 'opening-times':
      return t.entries(court.opening_times.length)
    case 'contacts':
      return t.entries(court.contacts.length)
    case 'emails':
      return t.entries(court.emails.length)
    case 'facilities':
      return t.entries(court.facilities.length)
    case 'areas-of-law':
      return court.areas_of_law.join(', ')
    case 'codes':
      return t.entries(court.dx_codes.length + Object.values(court.codes).filter((v) => v !== null && v !== '').length)
    case 'links':
      return t.entries(court.additional_links.length)
  }
}

function errorText(lang: 'en' | 'cy', e: SectionError): FieldError {
  const t = courtText(lang).staff
  const name = e.field.replace(/-\d+$/, '')
  const row = /-(\d+)$/.exec(e.field)?.[1]
  const label = `${t.fields[name] ?? name}${row !== undefined ? ` (${t.row(Number(row) + 1).toLowerCase()})` : ''}`
  const message = t.errors[e.error as EditError]
  // Checkbox groups link to their first box, as GOV.UK error summaries do.
  const field = name === 'areas_of_law' ? 'areas_of_law' : e.field
  return { field, text: message(label) }
}

function courtFor(index: CourtIndex, slug: string): Court {
  const court = index.bySlug.get(slug)
  if (!court) throw notFound()
  return court
}

export function registerCourtStaffPages(app: FastifyInstance, db: Kysely<PlatformTables>): void {
  // Region grants cover the courts of that region.
  app.staffAccess.placeRegions('court', async (slug) => (await courtIndex(db)).bySlug.get(slug)?.region || undefined)

  app.get('/staff/courts', { config: { staff: requireRole(COURT_DATA_ADMIN) } }, async (request, reply) => {
    const staff = request.staff!
    const index = await courtIndex(db)
    const courts = [...index.courts]
      .filter((c) => staff.can(COURT_DATA_ADMIN, { kind: 'court', code: c.slug, region: c.region || undefined }))
      .sort((a, b) => Number(b.displayed) - Number(a.displayed) || a.name.localeCompare(b.name, 'en-GB'))
      .map((c) => ({ slug: c.slug, name: c.name, region: c.region, open: c.displayed }))
    return reply.page(staffCourtListPage(pageContext(request), { identity: identityOf(staff, request.lang), courts }))
  })

  app.get<CourtParams>('/staff/courts/:slug', { config: { staff: courtRule } }, async (request, reply) => {
    const index = await courtIndex(db)
    const court = courtFor(index, request.params.slug)
    const lang = request.lang
    const t = courtText(lang).staff
    const history = (await courtHistory(courtDb(db), court.slug)).map((h) => {
      const section = (h.after as { section?: string } | null)?.section
      return { at: new Date(h.at), who: h.actor_email ?? '', section: section && isSectionId(section) ? t.sections[section] : (section ?? '') }
    })
    const saved = typeof (request.query as Record<string, unknown>).saved === 'string' ? String((request.query as Record<string, unknown>).saved) : undefined
    return reply.page(
      staffCourtPage(pageContext(request), {
        identity: identityOf(request.staff!, lang),
        slug: court.slug,
        name: court.name,
        saved: saved && isSectionId(saved) ? saved : undefined,
        sections: SECTION_IDS.map((id) => ({ id, summary: sectionSummary(id, court, lang) })),
        history,
      }),
    )
  })

  app.get<SectionParams>('/staff/courts/:slug/:section', { config: { staff: courtRule } }, async (request, reply) => {
    const { section } = request.params
    if (!isSectionId(section)) throw notFound()
    const index = await courtIndex(db)
    const court = courtFor(index, request.params.slug)
    const page = staffSectionPageFor(request, reply, index, court, section, sectionForm(section, court), [], court.version)
    return reply.page(page)
  })

  app.post<SectionParams>('/staff/courts/:slug/:section', { config: { staff: courtRule } }, async (request, reply) => {
    const { section } = request.params
    if (!isSectionId(section)) throw notFound()
    const index = await courtIndex(db)
    const court = courtFor(index, request.params.slug)
    const form = (request.body ?? {}) as FormValues
    const version = Number(Array.isArray(form.version) ? form.version[0] : form.version)
    const lang = request.lang
    const result = checkSection(section, form, index.areasOfLaw.map((a) => a.name))
    if (!result.ok) {
      const shape = sectionForm(section, court)
      const kept: SectionForm = { ...shape, values: form, rows: Math.max(submittedRows(form, shape.rowFields), shape.rowFields.length > 0 ? 1 : 0) }
      return reply.page(staffSectionPageFor(request, reply, index, court, section, kept, result.errors.map((e) => errorText(lang, e)), Number.isFinite(version) ? version : court.version))
    }
    const saved = await editCourt(db, court.slug, Number.isFinite(version) ? version : -1, result.changes, async (trx, before) => {
      await audit(trx as never, request, { action: 'courts.court.update', recordType: 'court', recordId: court.slug, before: { section, ...before }, after: { section, ...result.changes } })
    })
    if (saved.kind === 'notFound') throw notFound()
    if (saved.kind === 'conflict') {
      // Shown with what is saved now, so the editor sees the other change before making theirs again.
      const current = courtFor(await refreshCourtIndex(db), court.slug)
      return reply.page(
        staffSectionPageFor(request, reply, index, current, section, sectionForm(section, current), [{ field: 'version', text: courtText(lang).staff.conflict }], saved.currentVersion),
      )
    }
    return reply.redirect(`/staff/courts/${court.slug}?saved=${section}`, 303)
  })

}

function staffSectionPageFor(
  request: FastifyRequest<SectionParams>,
  reply: Parameters<typeof csrfToken>[1],
  index: CourtIndex,
  court: Court,
  section: SectionId,
  form: SectionForm,
  errors: FieldError[],
  version: number,
) {
  return staffSectionPage(pageContext(request), {
    identity: identityOf(request.staff!, request.lang),
    slug: court.slug,
    name: court.name,
    section,
    form,
    version,
    csrf: csrfToken(request, reply),
    errors,
    areasOfLaw: index.areasOfLaw.map((a) => ({ name: a.name, displayName: a.displayName })),
  })
}

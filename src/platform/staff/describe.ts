/** Grants in words, for pages. */
import type { Language } from '../i18n/index.js'
import { staffRole, type Grant, type Scope } from './access.js'
import { staffText } from './locales/index.js'
import type { StaffIdentity } from './pages/layout.js'
import type { StaffContext } from './guard.js'

export function describeScope(scope: Scope, lang: Language): string {
  const t = staffText(lang).scope
  if (scope.kind === 'all') return t.all
  return t[scope.kind](scope.values.join(', '))
}

export function roleName(role: string, lang: Language): string {
  return staffRole(role)?.name[lang] ?? role
}

/** The places a person's grants cover, in a few words for the organisation switcher. */
export function describePlaces(grants: readonly Grant[], lang: Language): string {
  const t = staffText(lang).organisation
  if (grants.some((g) => g.scope.kind === 'all')) return t.all
  const places = [...new Set(grants.flatMap((g) => (g.scope.kind === 'all' ? [] : g.scope.values)))]
  if (places.length === 0) return t.none
  return places.length <= 3 ? places.join(', ') : `${places.slice(0, 3).join(', ')} +${places.length - 3}`
}

export function identityOf(staff: StaffContext, lang: Language): StaffIdentity {
  return { name: staff.user.name, places: describePlaces(staff.grants, lang), isPlatformAdmin: staff.can('platform-admin') }
}

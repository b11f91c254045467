/**
 * Why staff reject a request or cancel a visit: PVB2's fifteen rejection
 * reasons and its ten staff cancellation reasons, with the words the visitor
 * sees in English and Welsh.
 */
import type { Bilingual } from '../../../platform/i18n/index.js'

export const REJECTION_REASONS = [
  'child_protection_issues',
  'no_adult',
  'no_allowance',
  'prisoner_details_incorrect',
  'prisoner_moved',
  'prisoner_non_association',
  'prisoner_released',
  'slot_unavailable',
  'visitor_banned',
  'visitor_not_on_list',
  'duplicate_visit_request',
  'prisoner_out_of_prison',
  'other',
  'visitor_other_reason',
  'prisoner_banned',
] as const
export type RejectionReason = (typeof REJECTION_REASONS)[number]

export const CANCELLATION_REASONS = [
  'prisoner_vos',
  'prisoner_released',
  'child_protection_issues',
  'slot_unavailable',
  'visitor_banned',
  'prisoner_moved',
  'prisoner_non_association',
  'prisoner_cancelled',
  'booked_in_error',
  'capacity_issues',
] as const
export type CancellationReason = (typeof CANCELLATION_REASONS)[number]

export const REJECTION_REASON_TEXT: Record<RejectionReason, Bilingual> = {
  child_protection_issues: { en: 'There are child protection issues.', cy: 'Mae materion amddiffyn plant.' },
  no_adult: { en: 'There must be at least one adult visitor.', cy: 'Rhaid i o leiaf un ymwelydd fod yn oedolyn.' },
  no_allowance: { en: 'The prisoner has no visiting allowance left.', cy: 'Nid oes gan y carcharor lwfans ymweld ar ôl.' },
  prisoner_details_incorrect: { en: 'The prisoner’s details are not correct.', cy: 'Nid yw manylion y carcharor yn gywir.' },
  prisoner_moved: { en: 'The prisoner has moved to another prison.', cy: 'Mae’r carcharor wedi symud i garchar arall.' },
  prisoner_non_association: { en: 'The prisoner has a restriction that stops this visit.', cy: 'Mae gan y carcharor gyfyngiad sy’n atal yr ymweliad hwn.' },
  prisoner_released: { en: 'The prisoner has been released.', cy: 'Mae’r carcharor wedi cael ei ryddhau.' },
  slot_unavailable: { en: 'The visit time you chose is no longer available.', cy: 'Nid yw’r amser ymweld a ddewisoch ar gael mwyach.' },
  visitor_banned: { en: 'A visitor is banned from visiting.', cy: 'Mae ymwelydd wedi’i wahardd rhag ymweld.' },
  visitor_not_on_list: { en: 'A visitor is not on the prisoner’s list of approved visitors.', cy: 'Nid yw ymwelydd ar restr y carcharor o ymwelwyr cymeradwy.' },
  duplicate_visit_request: { en: 'You have already asked for this visit.', cy: 'Rydych eisoes wedi gofyn am yr ymweliad hwn.' },
  prisoner_out_of_prison: { en: 'The prisoner will be out of prison at that time.', cy: 'Bydd y carcharor allan o’r carchar ar yr adeg honno.' },
  other: { en: 'The prison has given another reason.', cy: 'Mae’r carchar wedi rhoi rheswm arall.' },
  visitor_other_reason: { en: 'A visitor cannot visit for another reason.', cy: 'Ni all ymwelydd ymweld am reswm arall.' },
  prisoner_banned: { en: 'The prisoner is not allowed visits at the moment.', cy: 'Nid yw’r carcharor yn cael ymweliadau ar hyn o bryd.' },
}

export const CANCELLATION_REASON_TEXT: Record<CancellationReason, Bilingual> = {
  prisoner_vos: { en: 'The prisoner has no visiting allowance left.', cy: 'Nid oes gan y carcharor lwfans ymweld ar ôl.' },
  prisoner_released: { en: 'The prisoner has been released.', cy: 'Mae’r carcharor wedi cael ei ryddhau.' },
  child_protection_issues: { en: 'There are child protection issues.', cy: 'Mae materion amddiffyn plant.' },
  slot_unavailable: { en: 'The visit time is no longer available.', cy: 'Nid yw’r amser ymweld ar gael mwyach.' },
  visitor_banned: { en: 'A visitor is banned from visiting.', cy: 'Mae ymwelydd wedi’i wahardd rhag ymweld.' },
  prisoner_moved: { en: 'The prisoner has moved to another prison.', cy: 'Mae’r carcharor wedi symud i garchar arall.' },
  prisoner_non_association: { en: 'The prisoner has a restriction that stops this visit.', cy: 'Mae gan y carcharor gyfyngiad sy’n atal yr ymweliad hwn.' },
  prisoner_cancelled: { en: 'The prisoner has cancelled the visit.', cy: 'Mae’r carcharor wedi canslo’r ymweliad.' },
  booked_in_error: { en: 'The visit was booked in error.', cy: 'Cafodd yr ymweliad ei archebu trwy gamgymeriad.' },
  capacity_issues: { en: 'The prison cannot hold the visit at that time.', cy: 'Ni all y carchar gynnal yr ymweliad ar yr adeg honno.' },
}

/** Why a visitor cancels or withdraws, offered on the manage-a-visit page. */
export const VISITOR_CANCELLATION_REASONS = ['cannot_attend', 'booked_another_time', 'prisoner_asked', 'other'] as const
export type VisitorCancellationReason = (typeof VISITOR_CANCELLATION_REASONS)[number]

export function isRejectionReason(value: string): value is RejectionReason {
  return (REJECTION_REASONS as readonly string[]).includes(value)
}
export function isCancellationReason(value: string): value is CancellationReason {
  return (CANCELLATION_REASONS as readonly string[]).includes(value)
}

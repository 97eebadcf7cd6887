import type { Contest, ContestEvent, Entrant, EntrantStatus } from '@/api/types'

export type ReviewDecision = 'approve' | 'reject'

/** Whether the organiser may still decide on the entries of an event: registration open or closed, and no draw yet. */
export function reviewOpen(contest: Contest, event: ContestEvent | undefined): boolean {
  return contest.organising && (contest.status === 'registration_open' || contest.status === 'registration_closed') && event !== undefined && !event.drawn
}

/** The decisions an entry can take while review is open: a decision can be changed until the draw; a withdrawn entry takes none. */
export function decisionsFor(status: EntrantStatus): ReviewDecision[] {
  switch (status) {
    case 'pending':
      return ['approve', 'reject']
    case 'approved':
      return ['reject']
    case 'rejected':
      return ['approve']
    default:
      return []
  }
}

/** The entries of a selection a batch decision applies to. */
export function forBatch(selected: Entrant[], decision: ReviewDecision): Entrant[] {
  return decision === 'approve' ? selected.filter((e) => e.status === 'pending') : selected.filter((e) => decisionsFor(e.status).includes('reject'))
}

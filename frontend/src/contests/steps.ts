import { CONTEST_STATUSES, type ContestStatus, type EntrantStatus } from '@/api/types'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/**
 * The steps an organiser may take from a status: the next one, from registration_closed back to registration_open,
 * and from public_notice back to judging to correct results after an upheld appeal (the server checks there is one).
 */
export function nextSteps(status: ContestStatus): ContestStatus[] {
  const index = CONTEST_STATUSES.indexOf(status)
  const next = CONTEST_STATUSES[index + 1]
  const steps: ContestStatus[] = next ? [next] : []
  if (status === 'registration_closed') steps.push('registration_open')
  if (status === 'public_notice') steps.push('judging')
  return steps
}

/** Whether a step goes back in the lifecycle. */
export function isBackStep(from: ContestStatus, to: ContestStatus): boolean {
  return CONTEST_STATUSES.indexOf(to) < CONTEST_STATUSES.indexOf(from)
}

export function stepIndex(status: ContestStatus): number {
  return CONTEST_STATUSES.indexOf(status)
}

export const CONTEST_STATUS_TAG: Record<ContestStatus, TagType> = {
  draft: 'info',
  registration_open: 'success',
  registration_closed: 'warning',
  judging: 'primary',
  public_notice: 'warning',
  final: 'success',
  archived: 'info',
}

export const ENTRANT_STATUS_TAG: Record<EntrantStatus, TagType> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'info',
}

/** The message key of the button that takes a step. */
export function stepActionKey(from: ContestStatus, to: ContestStatus): string {
  if (!isBackStep(from, to)) return `steps.${to}`
  return to === 'judging' ? 'steps.correct' : 'steps.reopen'
}

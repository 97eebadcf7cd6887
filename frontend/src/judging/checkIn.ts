import type { ContestStatus } from '@/api/types'
import type { TagType } from '@/contests/steps'

/** What the check-in desk shows for an entrant: not yet checked in, present, or absent (缺赛). */
export type AttendanceState = 'none' | 'present' | 'absent'

export function attendanceState(attendance: string): AttendanceState {
  return attendance === 'present' || attendance === 'absent' ? attendance : 'none'
}

export const ATTENDANCE_TAG: Record<AttendanceState, TagType> = {
  none: 'info',
  present: 'success',
  absent: 'danger',
}

/** The shortest draw number: the draw writes at least three digits. */
export const MIN_NUMBER_WIDTH = 3

/** How many digits the event's draw numbers have, judged from one of them. */
export function numberWidth(sample: string | undefined): number {
  return sample && /^\d+$/.test(sample) ? Math.max(MIN_NUMBER_WIDTH, sample.length) : MIN_NUMBER_WIDTH
}

/**
 * The draw number to look up from what was typed or scanned: spaces dropped, and a
 * number typed short ("7") padded to the width the draw gave every number ("007").
 */
export function drawNumberQuery(typed: string, width: number): string {
  const text = typed.replace(/\s+/g, '')
  return /^\d+$/.test(text) && text.length < width ? text.padStart(width, '0') : text
}

/** Check-in runs after registration closes and while judging lasts. */
export function checkInOpen(status: ContestStatus): boolean {
  return status === 'registration_closed' || status === 'judging'
}

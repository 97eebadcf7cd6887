import { CONTEST_STATUSES, type ContestStatus, type Duty, type Schemas } from '@/api/types'

export type SheetSummary = Schemas['SheetSummary']

/** Whether a duty works the check-in desk of its event: check-in clerks and the chief judge. */
export function mayCheckIn(duty: Duty): boolean {
  return duty === 'checkin' || duty === 'chief'
}

/** Where a judge's sheet of one stage is: not open before judging, then open, complete, and submitted. */
export type SheetState = 'waiting' | 'open' | 'complete' | 'submitted'

export function sheetState(sheet: SheetSummary, status: ContestStatus): SheetState {
  if (sheet.submitted_at) return 'submitted'
  if (CONTEST_STATUSES.indexOf(status) < CONTEST_STATUSES.indexOf('judging')) return 'waiting'
  return sheet.cells > 0 && sheet.marked >= sheet.cells ? 'complete' : 'open'
}

/** How much of a sheet is marked, in whole percent; 0 while it has nothing to mark. */
export function sheetPercent(sheet: SheetSummary): number {
  if (sheet.cells <= 0) return 0
  return Math.min(100, Math.floor((sheet.marked * 100) / sheet.cells))
}

/** The page of a judge's sheet. */
export function sheetLink(eventId: number, stage: string): { path: string } {
  return { path: `/sheets/${eventId}/${encodeURIComponent(stage)}` }
}


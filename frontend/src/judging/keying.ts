import type { Duty, JudgeProgress, KeyingState, PaperProgress } from '@/api/types'

/** Where a judge's sheet of a stage is at the keying desk: marked online, blank (a clerk may start it), or on paper. */
export type DeskState = 'online' | 'blank' | KeyingState

export function deskState(sheet: JudgeProgress): DeskState {
  if (sheet.paper) return sheet.paper.state
  return sheet.marked > 0 || sheet.submitted_at ? 'online' : 'blank'
}

/** The round a clerk keys of a paper sheet; 0 when it keys none. */
export function roundOf(paper: PaperProgress | null, accountId: number): number {
  return paper?.rounds.find((r) => r.clerk_id === accountId)?.round ?? 0
}

/**
 * Whether a clerk may key a judge's sheet: its own round while the sheet is not agreed, or a new round of a
 * blank sheet or of a paper sheet with a round left. A clerk never keys both rounds of a sheet.
 */
export function mayKey(sheet: JudgeProgress, duty: Duty | '', accountId: number): boolean {
  if (duty !== 'clerk') return false
  const state = deskState(sheet)
  if (state === 'blank') return true
  if (!sheet.paper || state === 'online' || state === 'agreed') return false
  return roundOf(sheet.paper, accountId) > 0 || sheet.paper.rounds.length < 2
}

/**
 * Whether the caller may see and settle a paper sheet's differences: the chief judge, or a clerk who keyed
 * neither round (nobody confirms their own entry), once both rounds are in.
 */
export function maySettle(sheet: JudgeProgress, duty: Duty | '', accountId: number): boolean {
  const state = deskState(sheet)
  if (state !== 'differences' && state !== 'agreed') return false
  return duty === 'chief' || (duty === 'clerk' && roundOf(sheet.paper, accountId) === 0)
}

/** Whether a duty works the keying desk of its event: score clerks, and the chief judge who settles. */
export function atKeyingDesk(duty: Duty): boolean {
  return duty === 'clerk' || duty === 'chief'
}

/** The storage key of a clerk's round of a judge's paper sheet. */
export function keyingQueueKey(accountId: number, eventId: number, stage: string, judgeId: number): string {
  return `leitai.keying.${accountId}.${eventId}.${stage}.${judgeId}`
}

import type { StageProgress } from '@/api/types'

/** Whether every judge given a stage (trainees aside) has submitted: the chief judge may then sign it off. */
export function readyToSignOff(stage: StageProgress): boolean {
  const judges = stage.judges.filter((j) => j.duty === 'judge')
  return stage.signed_off_at === null && judges.length > 0 && judges.every((j) => j.submitted_at !== null)
}

/** A sheet's progress in percent, whole; a sheet with nothing to mark is complete. */
export function percent(marked: number, cells: number): number {
  return cells === 0 ? 100 : Math.min(100, Math.floor((marked * 100) / cells))
}

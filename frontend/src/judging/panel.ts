import type { FieldError } from '@/api/http'
import { CONTEST_STATUSES, type ContestStatus, type Duty, type Stage } from '@/api/types'
import type { TagType } from '@/contests/steps'

/** Whether a duty marks stages: judges and trainees name the stages they mark, the other duties none. */
export function marksStages(duty: Duty | undefined): boolean {
  return duty === 'judge' || duty === 'trainee'
}

/** The names of the stages with these codes, in the order given; a code the rules no longer have stays as it is. */
export function stageNames(stages: readonly Stage[], codes: readonly string[]): string[] {
  return codes.map((code) => stages.find((s) => s.code === code)?.name || code)
}

/** The panel can change until judging is over; from public notice on it is a record. */
export function panelEditable(status: ContestStatus): boolean {
  return CONTEST_STATUSES.indexOf(status) <= CONTEST_STATUSES.indexOf('judging')
}

/** The stages kept when the duty changes: none for a duty that does not mark. */
export function stagesForDuty(duty: Duty | undefined, stages: readonly string[]): string[] {
  return marksStages(duty) ? [...stages] : []
}

export const DUTY_TAG: Record<Duty, TagType> = {
  chief: 'danger',
  judge: 'primary',
  trainee: 'info',
  checkin: 'success',
  clerk: 'warning',
  encryption: 'warning',
}

/**
 * The server names a wrong stage by its place (`stages[1]`); the form has one
 * field for the stages, so those errors are shown on it, together.
 */
export function foldStageErrors(fields: readonly FieldError[]): FieldError[] {
  const out: FieldError[] = []
  for (const f of fields) {
    const field = /^stages\[\d+\]$/.test(f.field) ? 'stages' : f.field
    const same = out.find((o) => o.field === field)
    if (!same) out.push({ field, message: f.message })
    else if (!same.message.split('；').includes(f.message)) same.message += `；${f.message}`
  }
  return out
}

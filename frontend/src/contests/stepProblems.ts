import type { FieldError } from '@/api/http'

/** Where a problem that stops a step is put right: a tab of the contest page and, for an event's, the event. */
export interface StepProblem {
  message: string
  tab: 'info' | 'events' | 'review' | 'draw' | null
  /** The index of the event in the contest's events (in the order the API lists them). */
  event: number | null
  /** The field as the event's own editor names it, such as `rules.stages[1]`. */
  field: string
}

/** Reads a step's refusal field such as `events[0].rules.stages` into the place to fix it. */
export function stepProblem({ field, message }: FieldError): StepProblem {
  const match = /^events\[(\d+)\]\.(.+)$/.exec(field)
  if (match) {
    const rest = match[2]
    const tab = rest === 'drawn' ? 'draw' : rest === 'pending' ? 'review' : 'events'
    return { message, tab, event: Number(match[1]), field: rest }
  }
  if (field === 'events') return { message, tab: 'events', event: null, field }
  if (field.startsWith('registration_') || field.startsWith('judging_')) return { message, tab: 'info', event: null, field }
  return { message, tab: null, event: null, field }
}

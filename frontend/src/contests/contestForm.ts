import type { ContestInput } from '@/api/contests'
import type { Contest, ContestFormat, ContestKind, ContestLevel } from '@/api/types'

export type DateRange = [Date, Date] | null

/** The editable fields of a contest as a form holds them. */
export interface ContestForm {
  name: string
  kind: ContestKind
  format: ContestFormat
  level: ContestLevel
  organiser_id: number | null
  description: string
  registration: DateRange
  judging: DateRange
}

export function emptyContestForm(kind: ContestKind, organiserId: number | null): ContestForm {
  return { name: '', kind, format: kind === 'skills' ? 'trade' : '', level: 'city', organiser_id: organiserId, description: '', registration: null, judging: null }
}

function range(from: string | null, to: string | null): DateRange {
  return from && to ? [new Date(from), new Date(to)] : null
}

export function contestToForm(contest: Contest): ContestForm {
  return {
    name: contest.name,
    kind: contest.kind,
    format: contest.format,
    level: contest.level,
    organiser_id: contest.organiser_id,
    description: contest.description,
    registration: range(contest.registration_opens_at, contest.registration_closes_at),
    judging: range(contest.judging_starts_at, contest.judging_ends_at),
  }
}

/** The whole body for a contest: a form sends every field. */
export function formToInput(form: ContestForm): Required<ContestInput> {
  const iso = (date: Date | undefined) => (date ? date.toISOString() : null)
  return {
    name: form.name.trim(),
    kind: form.kind,
    format: form.kind === 'skills' ? form.format : '',
    level: form.level,
    organiser_id: form.organiser_id ?? 0,
    description: form.description.trim(),
    registration_opens_at: iso(form.registration?.[0]),
    registration_closes_at: iso(form.registration?.[1]),
    judging_starts_at: iso(form.judging?.[0]),
    judging_ends_at: iso(form.judging?.[1]),
  }
}

/** The fields of `input` that differ from `contest`. */
export function changedFields(contest: Contest, input: Required<ContestInput>): Partial<Omit<ContestInput, 'kind'>> {
  const changes: Partial<Omit<ContestInput, 'kind'>> = {}
  const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : new Date(a).getTime() === new Date(b).getTime())
  if (input.name !== contest.name) changes.name = input.name
  if (input.format !== contest.format) changes.format = input.format
  if (input.level !== contest.level) changes.level = input.level
  if (input.organiser_id !== contest.organiser_id) changes.organiser_id = input.organiser_id
  if (input.description !== contest.description) changes.description = input.description
  for (const key of ['registration_opens_at', 'registration_closes_at', 'judging_starts_at', 'judging_ends_at'] as const) {
    if (!same(input[key], contest[key])) changes[key] = input[key]
  }
  return changes
}
/** The API field names a contest form shows errors for. */
export const CONTEST_FIELDS = [
  'name',
  'kind',
  'format',
  'level',
  'organiser_id',
  'description',
  'registration_opens_at',
  'registration_closes_at',
  'judging_starts_at',
  'judging_ends_at',
] as const

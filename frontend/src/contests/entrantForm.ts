import type { EntrantInput } from '@/api/entrants'
import type { ContestEvent, EntrantPerson } from '@/api/types'

export const PERSON_FIELDS = ['name', 'gender', 'id_number', 'mobile', 'trade', 'skill_level', 'years_in_trade'] as const

export interface EntrantForm {
  person: EntrantPerson
  withMaster: boolean
  master: EntrantPerson
  team_name: string
  members: EntrantPerson[]
  statement: string
}

export function emptyPerson(trade: string): EntrantPerson {
  return { version: 0, name: '', gender: 'male', id_number: '', mobile: '', trade, skill_level: '', years_in_trade: 0 }
}

export function emptyEntrantForm(event: ContestEvent): EntrantForm {
  const size = event.entrant_type === 'team' ? event.team_size : 0
  return {
    person: emptyPerson(event.trade),
    withMaster: false,
    master: emptyPerson(event.trade),
    team_name: '',
    members: Array.from({ length: size }, () => emptyPerson(event.trade)),
    statement: '',
  }
}

/** The prefixes of the people a registration of this event holds, as the API names them in field errors. */
export function personPrefixes(event: ContestEvent): string[] {
  if (event.entrant_type === 'team') return Array.from({ length: event.team_size }, (_, i) => `members[${i}]`)
  if (event.entrant_type === 'individual') return ['person', 'master']
  return []
}

/** Every field the registration form of this event shows errors under. */
export function entrantFields(event: ContestEvent): string[] {
  return ['team_name', 'statement', 'members', ...personPrefixes(event).flatMap((p) => PERSON_FIELDS.map((f) => `${p}.${f}`))]
}

/** A person as the API takes them: no spaces around the text, the ID number upper-case. */
export function trimmed(person: EntrantPerson): EntrantPerson {
  return { ...person, name: person.name.trim(), id_number: person.id_number.trim().toUpperCase(), mobile: person.mobile.trim(), trade: person.trade.trim() }
}

export function formToEntrant(event: ContestEvent, form: EntrantForm): EntrantInput {
  if (event.entrant_type === 'team') return { team_name: form.team_name.trim(), members: form.members.map(trimmed) }
  if (event.entrant_type === 'organisation') return { statement: form.statement.trim() }
  return { person: trimmed(form.person), master: form.withMaster ? trimmed(form.master) : null }
}

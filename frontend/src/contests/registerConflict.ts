import type { EntrantPerson, Person } from '@/api/types'
import type { EntrantForm } from './entrantForm'

/** The details of a worker that the register keeps and an entry may change. */
export const REGISTER_FIELDS = ['name', 'gender', 'mobile', 'trade', 'skill_level', 'years_in_trade'] as const
export type RegisterField = (typeof REGISTER_FIELDS)[number]

/** The person of the form a field error names: `person.id_number`, `master.id_number`, `members[1].id_number`. */
export function personAtField(form: EntrantForm, field: string): EntrantPerson | undefined {
  const prefix = field.replace(/\.id_number$/, '')
  if (prefix === 'person') return form.person
  if (prefix === 'master') return form.master
  const member = /^members\[(\d+)\]$/.exec(prefix)
  return member ? form.members[Number(member[1])] : undefined
}

export interface Difference {
  field: RegisterField
  register: string
  entered: string
}

/** Where what was entered differs from the register's record of the worker. */
export function differences(record: Person, entered: EntrantPerson): Difference[] {
  return REGISTER_FIELDS.filter((f) => String(record[f] ?? '') !== String(entered[f] ?? '').trim()).map((f) => ({
    field: f,
    register: String(record[f] ?? ''),
    entered: String(entered[f] ?? '').trim(),
  }))
}

/** Confirms what was entered against the record it was compared with: the next submit updates the register. */
export function confirmEntered(person: EntrantPerson, record: Person): void {
  person.version = record.version
}

/** Replaces what was entered with the register's details. */
export function takeRegister(person: EntrantPerson, record: Person): void {
  Object.assign(person, {
    version: record.version,
    name: record.name,
    gender: record.gender,
    mobile: record.mobile,
    trade: record.trade,
    skill_level: record.skill_level,
    years_in_trade: record.years_in_trade,
  })
}

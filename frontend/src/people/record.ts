import { ApiError } from '@/api/http'
import type { EntrantPerson, Person } from '@/api/types'

/** A worker of the register as a form edits them, at the version they were read. */
export function recordToForm(p: Person): EntrantPerson {
  return {
    version: p.version,
    name: p.name,
    gender: p.gender,
    id_number: p.id_number,
    mobile: p.mobile,
    trade: p.trade,
    skill_level: p.skill_level,
    years_in_trade: p.years_in_trade,
  }
}

/** The register's field errors named as a form that holds the worker under `prefix` shows them. */
export function underPrefix(error: unknown, prefix: string): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error
  const fields = error.fields.map((f) => ({ ...f, field: `${prefix}.${f.field}` }))
  return new ApiError(error.status, error.code, error.message, fields, error.requestId)
}

/** How a worker is named in a list to pick from: name, ID number and trade. */
export function recordLabel(p: Person): string {
  return [p.name, p.id_number, p.trade].filter(Boolean).join(' · ')
}

import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import type { Person } from '@/api/types'
import { recordLabel, recordToForm, underPrefix } from './record'

const wang: Person = {
  id: 7,
  organisation_id: 3,
  organisation_name: '清河机床',
  name: '王强',
  gender: 'male',
  id_number: '110105198001010013',
  mobile: '13912345678',
  trade: '电工',
  skill_level: '三级/高级工',
  years_in_trade: 8,
  version: 4,
}

describe('a worker of the register', () => {
  it('fills a form at the version it was read', () => {
    const { id: _id, organisation_id: _org, organisation_name: _name, ...details } = wang
    expect(recordToForm(wang)).toEqual(details)
  })

  it('is named by name, ID number and trade in a list to pick from', () => {
    expect(recordLabel(wang)).toBe('王强 · 110105198001010013 · 电工')
    expect(recordLabel({ ...wang, trade: '' })).toBe('王强 · 110105198001010013')
  })

  it('has its field errors shown under the form prefix', () => {
    const e = underPrefix(new ApiError(422, 'validation_failed', 'bad', [{ field: 'id_number', message: 'wrong' }], 'r1'), 'person')
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).fields).toEqual([{ field: 'person.id_number', message: 'wrong' }])
    const plain = new ApiError(409, 'stale_version', 'changed')
    expect(underPrefix(plain, 'person')).toBe(plain)
  })
})

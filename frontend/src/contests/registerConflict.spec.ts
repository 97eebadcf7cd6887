import { describe, expect, it } from 'vitest'
import type { ContestEvent, Person } from '@/api/types'
import { emptyEntrantForm } from './entrantForm'
import { confirmEntered, differences, personAtField, takeRegister } from './registerConflict'

const team = { entrant_type: 'team', team_size: 3, trade: '电工' } as ContestEvent
const record: Person = {
  id: 7, organisation_id: 5, organisation_name: '清河机床', name: '王强', gender: 'male', id_number: '110105198001010010',
  mobile: '13912345678', trade: '电工', skill_level: '三级/高级工', years_in_trade: 8, version: 3,
}

describe('a worker the register has with other details', () => {
  it('is found by the field the server names', () => {
    const form = emptyEntrantForm(team)
    expect(personAtField(form, 'person.id_number')).toBe(form.person)
    expect(personAtField(form, 'master.id_number')).toBe(form.master)
    expect(personAtField(form, 'members[2].id_number')).toBe(form.members[2])
    expect(personAtField(form, 'members[9].id_number')).toBeUndefined()
    expect(personAtField(form, 'team_name')).toBeUndefined()
  })

  it('shows only the details that differ', () => {
    const entered = { ...emptyEntrantForm(team).person, name: '王强', gender: 'male' as const, id_number: record.id_number,
      mobile: '13912345678', trade: '电工 ', skill_level: '二级/技师' as const, years_in_trade: 8 }
    expect(differences(record, entered)).toEqual([{ field: 'skill_level', register: '三级/高级工', entered: '二级/技师' }])
  })

  it('updates the register at the version read, or takes the register', () => {
    const person = { ...emptyEntrantForm(team).person, name: '王强强', skill_level: '二级/技师' as const }
    confirmEntered(person, record)
    expect(person).toMatchObject({ version: 3, name: '王强强', skill_level: '二级/技师' })
    takeRegister(person, record)
    expect(person).toMatchObject({ version: 3, name: '王强', skill_level: '三级/高级工', mobile: '13912345678' })
  })
})

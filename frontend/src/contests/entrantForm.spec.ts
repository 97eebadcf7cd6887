import { describe, expect, it } from 'vitest'
import type { ContestEvent } from '@/api/types'
import { emptyEntrantForm, entrantFields, formToEntrant } from './entrantForm'

const event = (entrant_type: ContestEvent['entrant_type'], team_size = 0) => ({ id: 1, trade: '电工', entrant_type, team_size }) as ContestEvent

describe('entrant form', () => {
  it('names the fields of an individual with a master', () => {
    const fields = entrantFields(event('individual'))
    expect(fields).toContain('person.id_number')
    expect(fields).toContain('master.mobile')
    expect(fields).not.toContain('members[0].name')
  })

  it('has exactly team_size member rows and their fields', () => {
    const form = emptyEntrantForm(event('team', 3))
    expect(form.members).toHaveLength(3)
    expect(entrantFields(event('team', 3))).toContain('members[2].id_number')
  })

  it('sends the master only when asked', () => {
    const form = emptyEntrantForm(event('individual'))
    form.person.name = ' 张伟 '
    form.person.id_number = '11010519491231002x'
    expect(formToEntrant(event('individual'), form)).toMatchObject({ person: { name: '张伟', id_number: '11010519491231002X', trade: '电工' }, master: null })
    form.withMaster = true
    expect(formToEntrant(event('individual'), form).master).not.toBeNull()
  })

  it('sends only the statement for an organisation', () => {
    const form = emptyEntrantForm(event('organisation'))
    form.statement = '事迹'
    expect(formToEntrant(event('organisation'), form)).toEqual({ statement: '事迹' })
  })
})

import { describe, expect, it } from 'vitest'
import { mayOpen, menuFor, SECTIONS } from './sections'

const menuNames = (role: Parameters<typeof menuFor>[0]) => menuFor(role).map((s) => s.name)

describe('menu by role', () => {
  it('gives admins home, contests, organisations, accounts and people', () => {
    expect(menuNames('admin')).toEqual(['home', 'contests', 'organisations', 'accounts', 'people', 'pools'])
  })

  it('gives organisers the same menu as admins', () => {
    expect(menuNames('organiser')).toEqual(menuNames('admin'))
  })

  it('gives enterprises home, contest entry, their own organisation and people', () => {
    expect(menuNames('enterprise')).toEqual(['home', 'entries', 'ownOrganisation', 'people', 'pools'])
  })

  it('gives judges only home', () => {
    expect(menuNames('judge')).toEqual(['home'])
  })

  it('lets a role open exactly the sections of its menu', () => {
    for (const role of ['admin', 'organiser', 'enterprise', 'judge'] as const) {
      const open = SECTIONS.filter((s) => mayOpen(role, s.roles)).map((s) => s.name)
      expect(open).toEqual(menuNames(role))
    }
  })

  it('lets every role open a page without a role list', () => {
    expect(mayOpen('judge', undefined)).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { creatableRoles, mayManage, orgFitsRole } from './roles'

describe('account roles', () => {
  it('lets admins create every role and organisers only enterprises and judges', () => {
    expect(creatableRoles('admin')).toEqual(['admin', 'organiser', 'enterprise', 'judge'])
    expect(creatableRoles('organiser')).toEqual(['enterprise', 'judge'])
    expect(creatableRoles('enterprise')).toEqual([])
  })

  it('shows organiser accounts to organisers read-only', () => {
    expect(mayManage('organiser', 'organiser')).toBe(false)
    expect(mayManage('organiser', 'judge')).toBe(true)
    expect(mayManage('admin', 'organiser')).toBe(true)
  })

  it('puts enterprise accounts in enterprises, organisers in unions and admins in the city union', () => {
    expect(orgFitsRole('enterprise', 'enterprise')).toBe(true)
    expect(orgFitsRole('enterprise', 'district_union')).toBe(false)
    expect(orgFitsRole('organiser', 'enterprise')).toBe(false)
    expect(orgFitsRole('organiser', 'industry_union')).toBe(true)
    expect(orgFitsRole('admin', 'city_union')).toBe(true)
    expect(orgFitsRole('admin', 'district_union')).toBe(false)
    expect(orgFitsRole('judge', 'enterprise')).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import type { OrgNode } from '@/api/types'
import { certificateDate, emptyPicked, poolQuery, recentYears, unionsOnly, verifyUrl } from './pools'

describe('pool filters', () => {
  it('sends only what is picked, trimmed', () => {
    expect(poolQuery(emptyPicked())).toEqual({})
    expect(poolQuery({ q: ' 赵 ', trade: '钳工 ', year: 2026, award: 'first', union_id: 4 })).toEqual({ q: '赵', trade: '钳工', year: 2026, award: 'first', union_id: 4 })
    expect(poolQuery({ ...emptyPicked(), q: '   ' })).toEqual({})
  })

  it('offers this year and the nine before it', () => {
    expect(recentYears(new Date(2026, 5, 1))).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017])
  })

  it('keeps only unions for the union filter', () => {
    const tree = [
      { id: 1, kind: 'city_union', name: '市总工会', children: [
        { id: 2, kind: 'district_union', name: '区总工会', children: [{ id: 3, kind: 'enterprise', name: '机床厂', children: [] }] },
        { id: 4, kind: 'enterprise', name: '电厂', children: [] },
      ] },
    ] as unknown as OrgNode[]
    const kept = unionsOnly(tree)
    expect(kept.map((n) => n.id)).toEqual([1])
    expect(kept[0]?.children?.map((n) => n.id)).toEqual([2])
    expect(kept[0]?.children?.[0]?.children).toEqual([])
  })
})

describe('certificates', () => {
  it('point their QR code at the public verification page', () => {
    expect(verifyUrl('https://leitai.example/', 'ABC234')).toBe('https://leitai.example/public/certificates/ABC234')
  })

  it('are dated on the federation calendar', () => {
    // 17:00 UTC on the 31st is already the 1st in Beijing.
    expect(certificateDate('2026-12-31T17:00:00Z', 'en-GB')).toBe('1 January 2027')
  })
})

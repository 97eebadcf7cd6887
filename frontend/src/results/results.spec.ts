import { describe, expect, it } from 'vitest'
import type { ResultEntry, ResultLine } from '@/api/types'
import { decisionOrder, entryLabel, moveUp, nextLayer, stageScore } from './results'

const entry = (over: Partial<ResultEntry>): ResultEntry => ({ entrant_id: 1, work_code: '', draw_number: '', name: '', enterprise_name: '', ...over })

describe('results', () => {
  it('names an entrant only as far as the results are decoded', () => {
    expect(entryLabel(entry({ work_code: 'J107' }))).toBe('J107')
    expect(entryLabel(entry({ work_code: 'J107', draw_number: '003' }))).toBe('003')
    expect(entryLabel(entry({ work_code: 'J107', draw_number: '003', name: '赵强' }))).toBe('赵强')
  })

  it('decodes work codes before names, and nothing once names are shown', () => {
    expect(nextLayer({ work_codes: false, names: false })).toBe('workCodes')
    expect(nextLayer({ work_codes: true, names: false })).toBe('names')
    expect(nextLayer({ work_codes: null, names: false })).toBe('names')
    expect(nextLayer({ work_codes: null, names: true })).toBeNull()
  })

  it('finds a stage score, and none for an absent entrant', () => {
    const line = { stages: [{ code: 'theory', score: 80, time: 0 }] } as unknown as ResultLine
    expect(stageScore(line, 'theory')).toBe(80)
    expect(stageScore(line, 'practical')).toBeUndefined()
  })

  it('orders a tie by moving entrants up, keeping only the tied', () => {
    expect(moveUp([1, 2, 3], 2)).toEqual([1, 3, 2])
    expect(moveUp([1, 2, 3], 0)).toEqual([1, 2, 3])
    const tie = { place: 1, entrants: [entry({ entrant_id: 4 }), entry({ entrant_id: 2 })] }
    expect(decisionOrder(tie, [2, 9, 4])).toEqual([2, 4])
  })
})

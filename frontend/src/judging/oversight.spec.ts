import { describe, expect, it } from 'vitest'
import type { Disagreement, MarkStats, Remark } from '@/api/types'
import { askable, cellClosed, cellOpen, meanGap, remarkOn, waiting } from './oversight'

const remark = (judgeId: number, outcome: Remark['outcome'], number = '003', criterion = 'P1'): Remark => ({
  id: judgeId,
  stage: 'practical',
  number,
  criterion,
  judge_id: judgeId,
  judge_name: `j${judgeId}`,
  reason: '差异较大',
  points_before: 60,
  reopened: false,
  requested_at: '2026-12-02T08:00:00Z',
  settled_at: outcome === '' ? null : '2026-12-02T09:00:00Z',
  outcome,
  points_after: outcome === '' ? null : 60,
})

const disagreement = (remarks: Remark[]): Disagreement => ({
  stage: 'practical',
  stage_name: '实操',
  number: '003',
  criterion: 'P1',
  criterion_name: '实操作业',
  spread: 30,
  marks: [
    { judge_id: 1, judge_name: 'j1', points: 60, replaced: false },
    { judge_id: 2, judge_name: 'j2', points: 90, replaced: false },
    { judge_id: 3, judge_name: 'j3', points: 88, replaced: true },
  ],
  remarks,
})

describe('askable', () => {
  it('leaves out replaced judges and judges asked and still waiting', () => {
    expect(askable(disagreement([])).map((m) => m.judge_id)).toEqual([1, 2])
    expect(askable(disagreement([remark(1, '')])).map((m) => m.judge_id)).toEqual([2])
    // A judge who answered may be asked again.
    expect(askable(disagreement([remark(1, 'confirmed')])).map((m) => m.judge_id)).toEqual([1, 2])
    expect(waiting(disagreement([remark(1, 'confirmed'), remark(2, '')])).map((r) => r.judge_id)).toEqual([2])
  })
})

describe('cells of a judge sheet', () => {
  const rows = [
    { number: '001', marks: {}, closed: ['P1'] },
    { number: '003', marks: {} },
  ]

  it('finds the request on a cell', () => {
    const sheet = { remarks: [remark(1, '', '003', 'P1')] }
    expect(remarkOn(sheet, '003', 'P1')?.judge_id).toBe(1)
    expect(remarkOn(sheet, '003', 'P2')).toBeUndefined()
  })

  it('closes the cells the replaced judge marked', () => {
    expect(cellClosed({ rows }, '001', 'P1')).toBe(true)
    expect(cellClosed({ rows }, '003', 'P1')).toBe(false)
    expect(cellOpen({ editable: true, remark_only: false, remarks: [], rows }, '001', 'P1')).toBe(false)
    expect(cellOpen({ editable: true, remark_only: false, remarks: [], rows }, '003', 'P1')).toBe(true)
  })

  it('opens only the cells asked on a sheet reopened for re-marks, and nothing on a read-only sheet', () => {
    const reopened = { editable: true, remark_only: true, remarks: [remark(1, '', '003', 'P1')], rows }
    expect(cellOpen(reopened, '003', 'P1')).toBe(true)
    expect(cellOpen(reopened, '003', 'P2')).toBe(false)
    expect(cellOpen({ ...reopened, editable: false }, '003', 'P1')).toBe(false)
  })
})

describe('meanGap', () => {
  const stats = (marks: number, mean: number): MarkStats => ({ marks, judges: 1, mean, sd: 0, low: mean, high: mean })

  it('is exact in hundredths, and null without marks on either side', () => {
    expect(meanGap(stats(3, 80), stats(4, 78.88))).toBe(112)
    expect(meanGap(stats(1, 0.1), stats(1, 0.3))).toBe(-20)
    expect(meanGap(stats(0, 0), stats(4, 78.88))).toBeNull()
  })
})

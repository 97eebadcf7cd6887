import { describe, expect, it } from 'vitest'
import { DUTIES } from '@/api/types'
import { mayCheckIn, sheetLink, sheetPercent, sheetState, type SheetSummary } from './duties'

const sheet = (marked: number, cells: number, submitted = false): SheetSummary => ({
  stage: 'theory',
  stage_name: '理论',
  marked,
  cells,
  submitted_at: submitted ? '2026-05-01T10:00:00Z' : null,
  open_remarks: 0,
})

describe('duties', () => {
  it('sends check-in clerks and chief judges to the check-in desk', () => {
    expect(DUTIES.filter(mayCheckIn)).toEqual(['chief', 'checkin'])
  })

  it('keeps a sheet waiting until judging starts', () => {
    expect(sheetState(sheet(0, 0), 'registration_closed')).toBe('waiting')
    expect(sheetState(sheet(0, 4), 'judging')).toBe('open')
    expect(sheetState(sheet(3, 4), 'judging')).toBe('open')
    expect(sheetState(sheet(4, 4), 'judging')).toBe('complete')
    expect(sheetState(sheet(4, 4, true), 'judging')).toBe('submitted')
    expect(sheetState(sheet(4, 4, true), 'public_notice')).toBe('submitted')
  })

  it('does not call a sheet with nothing to mark complete', () => {
    expect(sheetState(sheet(0, 0), 'judging')).toBe('open')
    expect(sheetPercent(sheet(0, 0))).toBe(0)
  })

  it('gives the share marked in whole percent', () => {
    expect(sheetPercent(sheet(1, 3))).toBe(33)
    expect(sheetPercent(sheet(3, 3))).toBe(100)
  })

  it('links to the sheet with the stage code escaped', () => {
    expect(sheetLink(4, 'theory')).toEqual({ path: '/sheets/4/theory' })
    expect(sheetLink(4, '实操 1/2')).toEqual({ path: '/sheets/4/%E5%AE%9E%E6%93%8D%201%2F2' })
  })
})

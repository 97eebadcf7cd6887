import { describe, expect, it } from 'vitest'
import type { StageProgress } from '@/api/types'
import { percent, readyToSignOff } from './progress'

const judge = (duty: 'judge' | 'trainee', submitted: boolean) => ({
  account_id: 1,
  display_name: 'j',
  duty,
  cells: 3,
  marked: 3,
  submitted_at: submitted ? '2026-12-02T08:00:00Z' : null,
  paper: null,
  replaces: '',
  open_remarks: 0,
})
const stage = (judges: StageProgress['judges'], signed = false): StageProgress => ({
  stage: 'practical',
  stage_name: '实操',
  signed_off_at: signed ? '2026-12-02T09:00:00Z' : null,
  encrypted: false,
  judges,
})

describe('readyToSignOff', () => {
  it('waits for every judge, not for trainees', () => {
    expect(readyToSignOff(stage([judge('judge', true), judge('trainee', false)]))).toBe(true)
    expect(readyToSignOff(stage([judge('judge', true), judge('judge', false)]))).toBe(false)
  })

  it('is false without judges or once signed off', () => {
    expect(readyToSignOff(stage([judge('trainee', true)]))).toBe(false)
    expect(readyToSignOff(stage([judge('judge', true)], true))).toBe(false)
  })
})

describe('percent', () => {
  it('rounds down and treats an empty sheet as complete', () => {
    expect(percent(2, 3)).toBe(66)
    expect(percent(0, 0)).toBe(100)
    expect(percent(5, 5)).toBe(100)
  })
})

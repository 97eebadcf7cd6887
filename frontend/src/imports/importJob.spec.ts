import { describe, expect, it } from 'vitest'
import type { ContestEvent, ImportJob } from '@/api/types'
import { canCommit, importableEvents, isRunning, jobIdOf, problemCell, progressPercent } from './importJob'

const job = (status: ImportJob['status'], rows = 0, done = 0): ImportJob =>
  ({ id: 1, status, rows, rows_done: done, created: 1, updated: 0, unchanged: 0, problems: [], actions: [] }) as unknown as ImportJob

describe('import jobs', () => {
  it('imports only a checked job', () => {
    expect(canCommit(job('checked'))).toBe(true)
    for (const s of ['checking', 'invalid', 'importing', 'imported', 'failed'] as const) expect(canCommit(job(s))).toBe(false)
  })

  it('follows a job while it is checked or imported, with its progress', () => {
    expect([isRunning(job('checking')), isRunning(job('importing')), isRunning(job('checked')), isRunning(job('failed'))]).toEqual([true, true, false, false])
    expect(progressPercent(job('checking', 0, 1200))).toBe(0)
    expect(progressPercent(job('importing', 3000, 1000))).toBe(33)
    expect(progressPercent(job('importing', 3, 5))).toBe(100)
  })

  it('keeps the individual events', () => {
    const events = [
      { id: 1, entrant_type: 'individual' },
      { id: 2, entrant_type: 'team' },
      { id: 3, entrant_type: 'organisation' },
    ] as ContestEvent[]
    expect(importableEvents(events).map((e) => e.id)).toEqual([1])
  })

  it('names a cell as a spreadsheet does, or the row alone', () => {
    expect(problemCell({ column: 'D', row: 5 })).toBe('D5')
    expect(problemCell({ column: '', row: 5 })).toBe('5')
  })

  it('reads the job id kept in the query string, and nothing else', () => {
    expect(jobIdOf('12')).toBe(12)
    expect(jobIdOf(['7', '8'])).toBe(7)
    for (const bad of [undefined, '', '0', '-1', '1e3', 'abc', '12345678901', 3]) expect(jobIdOf(bad)).toBeUndefined()
  })
})

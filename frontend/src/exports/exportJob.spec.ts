import { describe, expect, it } from 'vitest'
import type { ExportJob } from '@/api/types'
import { exportPercent, isRunning } from './exportJob'

const job = (status: ExportJob['status'], rows = 0, done = 0): ExportJob =>
  ({ id: 1, kind: 'people', status, rows, rows_done: done }) as unknown as ExportJob

describe('export jobs', () => {
  it('follows a job while it is written', () => {
    expect([isRunning(job('running')), isRunning(job('done')), isRunning(job('failed'))]).toEqual([true, false, false])
  })

  it('shows how far it has come', () => {
    expect(exportPercent(job('running', 0, 0))).toBe(0)
    expect(exportPercent(job('running', 3000, 1000))).toBe(33)
    expect(exportPercent(job('running', 3, 5))).toBe(100)
    expect(exportPercent(job('done', 0, 0))).toBe(100)
  })
})

import type { ContestEvent, ImportJob, ImportRowAction, ImportStatus } from '@/api/types'

/** The events a registration sheet enters workers into: the individual ones; teams and organisations are entered one at a time. */
export function importableEvents(events: readonly ContestEvent[]): ContestEvent[] {
  return events.filter((e) => e.entrant_type === 'individual')
}

type AlertType = 'success' | 'warning' | 'error' | 'info'

/** How each state of a job is announced: the alert's colour and its message key under imports. */
export const JOB_ALERT: Record<ImportStatus, { type: AlertType; key: string }> = {
  checking: { type: 'info', key: 'imports.checking' },
  checked: { type: 'success', key: 'imports.checked' },
  importing: { type: 'info', key: 'imports.importing' },
  invalid: { type: 'error', key: 'imports.invalid' },
  imported: { type: 'success', key: 'imports.imported' },
  failed: { type: 'error', key: 'imports.failed' },
}

/** The tag colour of what importing does with a row. */
export const ACTION_TAG: Record<ImportRowAction, 'success' | 'warning' | 'info'> = { create: 'success', update: 'warning', unchanged: 'info' }

/** A large file's job runs in the background while it is checked, and while it is imported. */
export function isRunning(job: ImportJob): boolean {
  return job.status === 'checking' || job.status === 'importing'
}

/** How far a running job has come, in percent; 0 while its rows are still being counted. */
export function progressPercent(job: ImportJob): number {
  if (job.rows <= 0) return 0
  return Math.min(100, Math.round((job.rows_done * 100) / job.rows))
}

/** A job waits for the clerk's go-ahead once every row has passed. */
export function canCommit(job: ImportJob): boolean {
  return job.status === 'checked'
}

/** The cell a problem is at, as a spreadsheet names it (D5), or the row alone. */
export function problemCell(problem: { column: string; row: number }): string {
  return `${problem.column}${problem.row}`
}

/** The job a page shows again after a reload: the id kept in its query string. */
export function jobIdOf(value: unknown): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value
  if (typeof raw !== 'string' || !/^[1-9]\d{0,9}$/.test(raw)) return undefined
  return Number(raw)
}

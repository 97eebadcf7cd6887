import type { ExportJob } from '@/api/types'

/** A large export is written in the background while it is running. */
export function isRunning(job: ExportJob): boolean {
  return job.status === 'running'
}

/** How far a running export has come, in percent. */
export function exportPercent(job: ExportJob): number {
  if (job.status === 'done') return 100
  if (job.rows <= 0) return 0
  return Math.min(100, Math.round((job.rows_done * 100) / job.rows))
}

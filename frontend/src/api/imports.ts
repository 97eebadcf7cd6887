import { download, http, type Download } from './http'
import type { ImportJob, Schemas } from './types'

/** Registration workbooks: the template to fill in, and imports checked first and written all or nothing. */
export const importsApi = {
  /**
   * The registration workbook of a contest's individual events, or of one of them, in the app's language; the
   * organisers' workbook has a column for each worker's enterprise.
   */
  template: (contestId: number, eventId?: number, forOrganisers = false): Promise<Download> =>
    download(`/contests/${contestId}/registration-template`, { event_id: eventId, enterprises: forOrganisers || undefined }),
  /** Uploads a filled-in sheet; the answer is the job, checked (a dry run). */
  check: (contestId: number, file: File, eventId?: number) =>
    http.upload<ImportJob>(`/contests/${contestId}/registration-imports`, file, { file_name: file.name, event_id: eventId }),
  get: (id: number) => http.get<ImportJob>(`/imports/${id}`),
  commit: (job: ImportJob) => http.post<ImportJob>(`/imports/${job.id}/commit`, { version: job.version } satisfies Schemas['VersionRequest']),
  /** The uploaded file with its problems marked red, in the app's language. */
  report: (id: number): Promise<Download> => download(`/imports/${id}/report`),
}

import { download, http, type Download } from './http'
import type { ExportJob, ExportRequest } from './types'

/** Print-ready workbooks, written as jobs: at once when small, in the background (with progress) when large. */
export const exportsApi = {
  /** Asks for an export in the app's language; the answer is the job, done or running. */
  start: (request: ExportRequest) => http.post<ExportJob>('/exports', request),
  get: (id: number) => http.get<ExportJob>(`/exports/${id}`),
  /** The finished job's workbook. */
  file: (id: number): Promise<Download> => download(`/exports/${id}/file`),
}

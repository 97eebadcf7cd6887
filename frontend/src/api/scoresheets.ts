import { download, http, type Download } from './http'
import type { ImportJob } from './types'

const sheetPath = (eventId: number, stage: string) => `/events/${eventId}/sheets/${encodeURIComponent(stage)}`

/**
 * Workbooks of the contest day, in the app's language: score sheets to print or fill in, the check-in and draw lists;
 * and filled-in score sheets uploaded, checked first (a dry run) and then imported with importsApi.commit.
 */
export const scoreSheetsApi = {
  /** The caller's own score sheet of a stage, with its marks so far. */
  own: (eventId: number, stage: string): Promise<Download> => download(`${sheetPath(eventId, stage)}/workbook`),
  /** A judge's score sheet: a clerk's own round of it, or the judge's marks for those who lead the event. */
  judge: (eventId: number, stage: string, judgeId: number): Promise<Download> => download(`${sheetPath(eventId, stage)}/judges/${judgeId}/workbook`),
  checkIn: (eventId: number): Promise<Download> => download(`/events/${eventId}/check-in/workbook`),
  draw: (eventId: number): Promise<Download> => download(`/events/${eventId}/draw/workbook`),
  /** Uploads the caller's filled-in sheet: its marks. */
  importOwn: (eventId: number, stage: string, file: File) => http.upload<ImportJob>(`${sheetPath(eventId, stage)}/imports`, file, { file_name: file.name }),
  /** Uploads a judge's paper sheet as the calling clerk keyed it: the clerk's round. */
  importKeying: (eventId: number, stage: string, judgeId: number, file: File) =>
    http.upload<ImportJob>(`${sheetPath(eventId, stage)}/judges/${judgeId}/keying/imports`, file, { file_name: file.name }),
}

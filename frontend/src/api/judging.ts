import { http } from './http'
import type { Attendance, CheckInRow, Coverage, Duty, Encryption, EncryptionCodes, JudgeDuty, Page, PageQuery, PanelMember, Progress, Schemas, Sheet, SheetMark } from './types'

export type MarkInput = Schemas['MarkRequest']

const sheetPath = (eventId: number, stage: string) => `/events/${eventId}/sheets/${encodeURIComponent(stage)}`

export const judgingApi = {
  /** The caller's duties in events, with its sheets' progress. */
  duties: () => http.get<JudgeDuty[]>('/judging'),
  panel: (eventId: number) => http.get<PanelMember[]>(`/events/${eventId}/panel`),
  addPanelMember: (eventId: number, accountId: number, duty: Duty, stages: string[]) =>
    http.post<PanelMember>(`/events/${eventId}/panel`, { account_id: accountId, duty, stages } satisfies Schemas['PanelMemberRequest']),
  removePanelMember: (id: number) => http.delete(`/panel-members/${id}`),
  coverage: (eventId: number) => http.get<Coverage>(`/events/${eventId}/panel/coverage`),
  checkIn: (eventId: number, query: PageQuery & { number?: string }) => http.get<Page<CheckInRow>>(`/events/${eventId}/check-in`, query),
  setAttendance: (entrantId: number, attendance: Attendance | '', version: number) =>
    http.post<CheckInRow>(`/entrants/${entrantId}/attendance`, { attendance, version } satisfies Schemas['AttendanceRequest']),
  sheet: (eventId: number, stage: string) => http.get<Sheet>(sheetPath(eventId, stage)),
  judgeSheet: (eventId: number, stage: string, judgeId: number) => http.get<Sheet>(`${sheetPath(eventId, stage)}/judges/${judgeId}`),
  declareConflict: (eventId: number, number: string, reason: string) =>
    http.post<Schemas['Conflict']>(`/events/${eventId}/conflicts`, { number, reason } satisfies Schemas['ConflictRequest']),
  saveMark: (eventId: number, stage: string, mark: MarkInput) => http.put<SheetMark>(`${sheetPath(eventId, stage)}/marks`, mark),
  submit: (eventId: number, stage: string, version: number) =>
    http.post<Sheet>(`${sheetPath(eventId, stage)}/submit`, { version } satisfies Schemas['SubmitSheetRequest']),
  reopen: (eventId: number, stage: string, judgeId: number, reason: string) =>
    http.post(`${sheetPath(eventId, stage)}/reopen`, { judge_id: judgeId, reason } satisfies Schemas['ReopenSheetRequest']),
  progress: (contestId: number) => http.get<Progress>(`/contests/${contestId}/progress`),
  signOff: (eventId: number, stage: string) => http.post(`/events/${eventId}/stages/${encodeURIComponent(stage)}/sign-off`),
  reopenStage: (eventId: number, stage: string, reason: string) =>
    http.post(`/events/${eventId}/stages/${encodeURIComponent(stage)}/reopen`, { reason } satisfies Schemas['ReopenStageRequest']),
  encryption: (eventId: number) => http.get<Encryption>(`/events/${eventId}/encryption`),
  /** Runs the encryption draw; an empty seed lets the server draw one. */
  runEncryption: (eventId: number, seed: string) =>
    http.post<EncryptionCodes>(`/events/${eventId}/encryption`, (seed ? { seed } : {}) satisfies Schemas['DrawRequest']),
  encryptionCodes: (eventId: number) => http.get<EncryptionCodes>(`/events/${eventId}/encryption/codes`),
  decode: (eventId: number) => http.post<Encryption>(`/events/${eventId}/encryption/decode`),
}

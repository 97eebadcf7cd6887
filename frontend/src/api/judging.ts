import { http } from './http'
import type {
  Attendance,
  CheckInRow,
  Comparison,
  Coverage,
  Disagreements,
  Duty,
  JudgeDuty,
  Page,
  PageQuery,
  PanelMember,
  Progress,
  Remark,
  Replacement,
  Schemas,
  Sheet,
  SheetMark,
} from './types'

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
  /** The cells whose judges' marks differ by more than the event's threshold. */
  disagreements: (eventId: number) => http.get<Disagreements>(`/events/${eventId}/disagreements`),
  requestRemarks: (eventId: number, request: Schemas['RemarkRequest']) => http.post<Remark[]>(`/events/${eventId}/remarks`, request),
  /** Confirms a mark unchanged, settling the requests to mark it again; answers the sheet. */
  confirmMark: (eventId: number, stage: string, mark: Schemas['ConfirmMarkRequest']) => http.post<Sheet>(`${sheetPath(eventId, stage)}/marks/confirm`, mark),
  comparison: (eventId: number, stage: string) => http.get<Comparison>(`${sheetPath(eventId, stage)}/comparison`),
  replaceJudge: (eventId: number, stage: string, request: Schemas['ReplaceJudgeRequest']) =>
    http.post<Replacement>(`/events/${eventId}/stages/${encodeURIComponent(stage)}/replacements`, request),
  replacements: (eventId: number) => http.get<Replacement[]>(`/events/${eventId}/replacements`),
}

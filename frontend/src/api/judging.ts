import { http } from './http'
import type {
  Attendance,
  CheckInRow,
  Comparison,
  Coverage,
  Disagreements,
  Duty,
  Encryption,
  EncryptionCodes,
  JudgeDuty,
  Keying,
  KeyingBoard,
  KeyingComparison,
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
const keyingPath = (eventId: number, stage: string, judgeId: number) => `${sheetPath(eventId, stage)}/judges/${judgeId}/keying`

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
  /** The event's sheets at the keying desk of paper sheets (双人双录). */
  keyingBoard: (eventId: number) => http.get<KeyingBoard>(`/events/${eventId}/keying`),
  /** Starts, or goes on with, the caller's round of a judge's paper sheet. */
  startKeying: (eventId: number, stage: string, judgeId: number) => http.post<Keying>(keyingPath(eventId, stage, judgeId)),
  keying: (eventId: number, stage: string, judgeId: number) => http.get<Keying>(keyingPath(eventId, stage, judgeId)),
  saveKeyedCell: (eventId: number, stage: string, judgeId: number, mark: MarkInput) => http.put<SheetMark>(`${keyingPath(eventId, stage, judgeId)}/marks`, mark),
  submitKeying: (eventId: number, stage: string, judgeId: number, version: number) =>
    http.post<Keying>(`${keyingPath(eventId, stage, judgeId)}/submit`, { version } satisfies Schemas['SubmitSheetRequest']),
  differences: (eventId: number, stage: string, judgeId: number) => http.get<KeyingComparison>(`${keyingPath(eventId, stage, judgeId)}/differences`),
  settle: (eventId: number, stage: string, judgeId: number, mark: MarkInput) => http.put<KeyingComparison>(`${keyingPath(eventId, stage, judgeId)}/differences`, mark),
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

import { http } from './http'
import type { Schemas } from './types'

export type Appeal = Schemas['Appeal']
export type Appeals = Schemas['Appeals']
export type AppealableResult = Schemas['AppealableResult']
export type AppealOutcome = Schemas['AppealOutcome']
export type Arbitrator = Schemas['Arbitrator']
export type ArbitratedContest = Schemas['ArbitratedContest']
export type Contest = Schemas['Contest']

export const appealsApi = {
  /** The contest's appeals: an enterprise its own, the arbitration panel and the organisers all. */
  list: (contestId: number) => http.get<Appeals>(`/contests/${contestId}/appeals`),
  /** The enterprise's own entrants in the results it may appeal against. */
  appealable: (contestId: number) => http.get<AppealableResult[]>(`/contests/${contestId}/appealable-results`),
  file: (entrantId: number, reason: string) =>
    http.post<Appeal>(`/entrants/${entrantId}/appeals`, { reason } satisfies Schemas['AppealRequest']),
  review: (id: number, text: string) => http.post<Appeal>(`/appeals/${id}/review`, { text } satisfies Schemas['AppealReviewRequest']),
  rule: (id: number, outcome: AppealOutcome, text: string) =>
    http.post<Appeal>(`/appeals/${id}/ruling`, { outcome, text } satisfies Schemas['AppealRulingRequest']),
  /** The contests whose arbitration panel the caller is on. */
  arbitration: () => http.get<ArbitratedContest[]>('/arbitration'),
  arbitrators: (contestId: number) => http.get<Arbitrator[]>(`/contests/${contestId}/arbitrators`),
  nameArbitrator: (contestId: number, accountId: number) =>
    http.post<Arbitrator>(`/contests/${contestId}/arbitrators`, { account_id: accountId } satisfies Schemas['ArbitratorRequest']),
  removeArbitrator: (id: number) => http.delete(`/arbitrators/${id}`),
  setNotice: (contestId: number, noticeWorkdays: number, appealHours: number) =>
    http.put<Contest>(`/contests/${contestId}/notice`, { notice_workdays: noticeWorkdays, appeal_hours: appealHours } satisfies Schemas['NoticeRequest']),
}

export type Veto = Schemas['Veto']

export const vetoesApi = {
  list: (eventId: number) => http.get<Veto[]>(`/events/${eventId}/vetoes`),
  record: (eventId: number, entrantId: number, reason: string) =>
    http.post<Veto>(`/events/${eventId}/vetoes`, { entrant_id: entrantId, reason } satisfies Schemas['VetoRequest']),
  withdraw: (id: number, reason: string) => http.post(`/vetoes/${id}/withdraw`, { reason } satisfies Schemas['VetoWithdrawalRequest']),
}

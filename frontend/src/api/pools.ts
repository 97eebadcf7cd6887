import { http } from './http'
import type { Filters, Page, PageQuery, Schemas } from './types'

export type Talent = Schemas['Talent']
export type Achievement = Schemas['Achievement']
export type Expert = Schemas['Expert']
export type Certificate = Schemas['Certificate']
export type TalentQuery = PageQuery & Filters<'listTalents'>
export type AchievementQuery = PageQuery & Filters<'listAchievements'>
export type ExpertQuery = PageQuery & Filters<'listExperts'>

export const poolsApi = {
  talents: (query: TalentQuery) => http.get<Page<Talent>>('/pools/talents', query),
  achievements: (query: AchievementQuery) => http.get<Page<Achievement>>('/pools/achievements', query),
  experts: (query: ExpertQuery) => http.get<Page<Expert>>('/pools/experts', query),
}

export const certificatesApi = {
  /** An event's certificates, by place, for its organisers once the contest is final. */
  ofEvent: (eventId: number) => http.get<Certificate[]>(`/events/${eventId}/certificates`),
  /** What a certificate's code certifies; anyone may ask, without logging in. */
  verify: (code: string) => http.get<Certificate>(`/public/certificates/${encodeURIComponent(code)}`),
}

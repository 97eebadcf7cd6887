import { http } from './http'
import type { Contest, ContestFormat, ContestKind, ContestLevel, ContestStatus, ContestTemplate, Page, PageQuery } from './types'

export interface ContestQuery extends PageQuery {
  kind?: ContestKind | ''
  status?: ContestStatus | ''
}

export interface ContestInput {
  name: string
  kind: ContestKind
  format: ContestFormat | ''
  level: ContestLevel
  organiser_id: number
  description: string
  registration_opens_at: string | null
  registration_closes_at: string | null
  judging_starts_at: string | null
  judging_ends_at: string | null
}

export type ContestPatch = Partial<Omit<ContestInput, 'kind'>> & { version: number }

export const contestsApi = {
  templates: () => http.get<{ items: ContestTemplate[] }>('/contest-templates').then((r) => r.items),
  list: (query: ContestQuery) => http.get<Page<Contest>>('/contests', query),
  get: (id: number) => http.get<Contest>(`/contests/${id}`),
  create: (input: ContestInput) => http.post<Contest>('/contests', input),
  update: (id: number, patch: ContestPatch) => http.patch<Contest>(`/contests/${id}`, patch),
  remove: (id: number) => http.delete(`/contests/${id}`),
  step: (id: number, to: ContestStatus, reason: string) => http.post<Contest>(`/contests/${id}/steps`, { to, reason }),
}

import { http } from './http'
import type { Contest, ContestStatus, ContestTemplate, Filters, Page, PageQuery, Schemas } from './types'

export type ContestQuery = PageQuery & Filters<'listContests'>
export type ContestInput = Schemas['ContestInput']
export type ContestPatch = Schemas['ContestUpdate']

export const contestsApi = {
  templates: () => http.get<Schemas['TemplateList']>('/contest-templates').then((r): ContestTemplate[] => r.items),
  list: (query: ContestQuery) => http.get<Page<Contest>>('/contests', query),
  get: (id: number) => http.get<Contest>(`/contests/${id}`),
  create: (input: ContestInput) => http.post<Contest>('/contests', input),
  update: (id: number, patch: ContestPatch) => http.patch<Contest>(`/contests/${id}`, patch),
  remove: (id: number) => http.delete(`/contests/${id}`),
  step: (id: number, to: ContestStatus, reason: string) =>
    http.post<Contest>(`/contests/${id}/steps`, { to, reason } satisfies Schemas['StepRequest']),
}

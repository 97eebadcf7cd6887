import { http } from './http'
import type { OrgKind, OrgNode, Organisation } from './types'

export interface OrganisationInput {
  parent_id: number
  kind: OrgKind
  name: string
  credit_code: string
  region: string
  industry: string
}

export type OrganisationPatch = Partial<Omit<OrganisationInput, 'kind'>> & { version: number }

export const organisationsApi = {
  tree: () => http.get<{ items: OrgNode[] }>('/organisations/tree').then((r) => r.items),
  get: (id: number) => http.get<Organisation>(`/organisations/${id}`),
  create: (input: OrganisationInput) => http.post<Organisation>('/organisations', input),
  update: (id: number, patch: OrganisationPatch) => http.patch<Organisation>(`/organisations/${id}`, patch),
  remove: (id: number) => http.delete(`/organisations/${id}`),
}

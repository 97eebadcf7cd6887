import { http } from './http'
import type { OrgNode, Organisation, Schemas } from './types'

export type OrganisationInput = Schemas['OrganisationCreate']
export type OrganisationPatch = Schemas['OrganisationUpdate']

export const organisationsApi = {
  tree: () => http.get<Schemas['OrganisationTree']>('/organisations/tree').then((r): OrgNode[] => r.items),
  get: (id: number) => http.get<Organisation>(`/organisations/${id}`),
  create: (input: OrganisationInput) => http.post<Organisation>('/organisations', input),
  update: (id: number, patch: OrganisationPatch) => http.patch<Organisation>(`/organisations/${id}`, patch),
  remove: (id: number) => http.delete(`/organisations/${id}`),
}

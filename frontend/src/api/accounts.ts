import { http } from './http'
import type { Account, Page, PageQuery, Role } from './types'

export interface AccountQuery extends PageQuery {
  role?: Role | ''
  organisation_id?: number
}

export interface AccountInput {
  username: string
  display_name: string
  role: Role
  organisation_id: number
  password: string
}

export interface AccountPatch {
  version: number
  display_name?: string
  disabled?: boolean
}

export const accountsApi = {
  list: (query: AccountQuery) => http.get<Page<Account>>('/accounts', query),
  create: (input: AccountInput) => http.post<Account>('/accounts', input),
  update: (id: number, patch: AccountPatch) => http.patch<Account>(`/accounts/${id}`, patch),
  resetPassword: (id: number, password: string) => http.post<void>(`/accounts/${id}/password`, { password }),
}

import { http } from './http'
import type { Account, Filters, Page, PageQuery, Schemas } from './types'

export type AccountQuery = PageQuery & Filters<'listAccounts'>
export type AccountInput = Schemas['AccountCreate']
export type AccountPatch = Schemas['AccountUpdate']

export const accountsApi = {
  list: (query: AccountQuery) => http.get<Page<Account>>('/accounts', query),
  create: (input: AccountInput) => http.post<Account>('/accounts', input),
  update: (id: number, patch: AccountPatch) => http.patch<Account>(`/accounts/${id}`, patch),
  resetPassword: (id: number, password: string) => http.post<void>(`/accounts/${id}/password`, { password } satisfies Schemas['PasswordReset']),
}

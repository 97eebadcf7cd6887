export type Role = 'admin' | 'organiser' | 'enterprise' | 'judge'

export const ROLES: readonly Role[] = ['admin', 'organiser', 'enterprise', 'judge']

export type OrgKind = 'city_union' | 'district_union' | 'industry_union' | 'grassroots_union' | 'enterprise'

export const CHILD_KINDS: readonly OrgKind[] = ['district_union', 'industry_union', 'grassroots_union', 'enterprise']

export interface Account {
  id: number
  username: string
  display_name: string
  role: Role
  organisation_id: number
  organisation_name: string
  disabled: boolean
  must_change_password: boolean
  version: number
  created_at: string
  last_login_at: string | null
}

export interface Session {
  account: Account
  csrf_token: string
}

export interface Organisation {
  id: number
  parent_id: number | null
  kind: OrgKind
  name: string
  credit_code: string
  region: string
  industry: string
  version: number
  created_at: string
  updated_at: string
}

export interface OrgNode extends Organisation {
  children: OrgNode[]
}

export type Gender = 'male' | 'female'

export interface Person {
  id: number
  organisation_id: number
  organisation_name: string
  name: string
  gender: Gender
  id_number: string
  mobile: string
  trade: string
  skill_level: string
  version: number
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

export interface PageQuery {
  page: number
  page_size: number
  q?: string
}

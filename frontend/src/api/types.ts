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

export type ContestKind = 'skills' | 'labour' | 'innovation' | 'honour'
export const CONTEST_KINDS: readonly ContestKind[] = ['skills', 'labour', 'innovation', 'honour']

export type ContestFormat = 'post' | 'trade' | 'arena' | 'tackling'
export const CONTEST_FORMATS: readonly ContestFormat[] = ['post', 'trade', 'arena', 'tackling']

export type ContestLevel = 'enterprise' | 'district' | 'industry' | 'city'
export const CONTEST_LEVELS: readonly ContestLevel[] = ['enterprise', 'district', 'industry', 'city']

/** The lifecycle, in order. */
export type ContestStatus = 'draft' | 'registration_open' | 'registration_closed' | 'judging' | 'public_notice' | 'final' | 'archived'
export const CONTEST_STATUSES: readonly ContestStatus[] = ['draft', 'registration_open', 'registration_closed', 'judging', 'public_notice', 'final', 'archived']

export type EntrantType = 'individual' | 'team' | 'organisation'
export const ENTRANT_TYPES: readonly EntrantType[] = ['individual', 'team', 'organisation']

export type CriterionKind = 'measurement' | 'judgement'
export const CRITERION_KINDS: readonly CriterionKind[] = ['measurement', 'judgement']

export type CombineMethod = 'mean' | 'trimmed_mean' | 'median'
export const COMBINE_METHODS: readonly CombineMethod[] = ['mean', 'trimmed_mean', 'median']

export type AwardMode = 'shares' | 'counts'

export type EntrantStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn'
export const ENTRANT_STATUSES: readonly EntrantStatus[] = ['pending', 'approved', 'rejected', 'withdrawn']

export interface Stage {
  code: string
  name: string
  weight: number
}

export interface Criterion {
  code: string
  name: string
  stage: string
  max: number
  kind: CriterionKind
}

export interface Rules {
  stages: Stage[]
  criteria: Criterion[]
  combine: { method: CombineMethod; trim_min_judges: number }
  tie_breaks: string[]
  awards: { mode: AwardMode; first: number; second: number; third: number; min_total: number; shared_top: boolean }
  veto: boolean
}

export interface EventDraft {
  name: string
  trade: string
  entrant_type: EntrantType
  team_size: number
  quota_per_enterprise: number
  stations: number
  rules: Rules
}

export interface ContestTemplate {
  kind: ContestKind
  name: string
  formats: ContestFormat[]
  events: EventDraft[]
  event_defaults: Rules
}

export interface Contest {
  id: number
  name: string
  kind: ContestKind
  format: ContestFormat | ''
  level: ContestLevel
  organiser_id: number
  organiser_name: string
  description: string
  registration_opens_at: string | null
  registration_closes_at: string | null
  judging_starts_at: string | null
  judging_ends_at: string | null
  status: ContestStatus
  version: number
  event_count: number
  created_at: string
  updated_at: string
}

export interface ContestEvent extends EventDraft {
  id: number
  contest_id: number
  sessions: number
  rules_version: number
  drawn: boolean
  entrant_counts: Record<EntrantStatus, number>
  version: number
}

/** A person as entered in a registration. */
export interface EntrantPerson {
  name: string
  gender: Gender
  id_number: string
  mobile: string
  trade: string
  skill_level: string
  years_in_trade: number
}

export interface Entrant {
  id: number
  event_id: number
  contest_id: number
  enterprise_id: number
  enterprise_name: string
  status: EntrantStatus
  reject_reason: string
  person: EntrantPerson | null
  master: EntrantPerson | null
  team_name: string
  members: EntrantPerson[]
  statement: string
  draw_number: string
  station: number
  session: number
  version: number
  created_at: string
}

export interface DrawAssignment {
  entrant_id: number
  draw_number: string
  station: number
  session: number
}

export interface Draw {
  event_id: number
  seed: string
  drawn_at: string
  drawn_by: string
  assignments: DrawAssignment[]
}

/** One of a worker's entries, for their history across contests. */
export interface PersonEntry {
  entrant_id: number
  contest_id: number
  contest_name: string
  event_id: number
  event_name: string
  status: EntrantStatus
  draw_number: string
  entered_at: string
}

// The API's types, generated from docs/openapi.yaml: `npm run gen:api` writes
// ./schema.ts (not committed) before every type check, build and unit test run,
// so a change of the contract that the app does not follow fails vue-tsc.
import type { components, operations } from './schema'
import {
  combineMethodValues,
  contestFormatValues,
  contestKindValues,
  contestLevelValues,
  contestStatusValues,
  criterionKindValues,
  dutyValues,
  entrantStatusValues,
  entrantTypeValues,
  organisationKindValues,
  revealLevelValues,
  roleValues,
  skillLevelValues,
} from './schema'

export type Schemas = components['schemas']

export type Role = Schemas['Role']
export const ROLES: readonly Role[] = roleValues

export type OrgKind = Schemas['OrganisationKind']
/** The kinds an organisation can be created with: every kind but the root's. */
export type ChildKind = Exclude<OrgKind, 'city_union'>
export const CHILD_KINDS: readonly ChildKind[] = organisationKindValues.filter((k): k is ChildKind => k !== 'city_union')

export type Account = Schemas['Account']
export type Session = Schemas['SessionInfo']
export type Organisation = Schemas['Organisation']
export type OrgNode = Schemas['OrgNode']

export type Gender = Schemas['Gender']
export type SkillLevel = Schemas['SkillLevel']
/** '' (not known), then the levels, lowest first. */
export const SKILL_LEVEL_VALUES: readonly SkillLevel[] = skillLevelValues
export type Person = Schemas['Person']
/** A worker as an enterprise enters them; the registration form holds every field. */
export type EntrantPerson = Required<Schemas['PersonInput']>

/** The page and search parameters every list takes (see Lists in the API description). */
export interface PageQuery {
  page: components['parameters']['Page']
  page_size: components['parameters']['PageSize']
  q?: components['parameters']['Q']
}

/** One page of a list: every *Page schema has this shape. */
export type Page<T> = Omit<Schemas['AccountPage'], 'items'> & { items: T[] }

/** A list's filters: an operation's query parameters, where '' stands for "any" and is not sent. */
export type Filters<Op extends keyof operations> = {
  [K in Exclude<keyof NonNullable<operations[Op]['parameters']['query']>, keyof PageQuery>]?: NonNullable<operations[Op]['parameters']['query']>[K] | ''
}

export type ContestKind = Schemas['ContestKind']
export const CONTEST_KINDS: readonly ContestKind[] = contestKindValues

/** A skills contest's format; '' for the other kinds. */
export type ContestFormat = Schemas['ContestFormat']
export const CONTEST_FORMATS: readonly Exclude<ContestFormat, ''>[] = contestFormatValues.filter((f) => f !== '')

export type ContestLevel = Schemas['ContestLevel']
export const CONTEST_LEVELS: readonly ContestLevel[] = contestLevelValues

/** The lifecycle, in order. */
export type ContestStatus = Schemas['ContestStatus']
export const CONTEST_STATUSES: readonly ContestStatus[] = contestStatusValues

export type EntrantType = Schemas['EntrantType']
export const ENTRANT_TYPES: readonly EntrantType[] = entrantTypeValues

export type CriterionKind = Schemas['CriterionKind']
export const CRITERION_KINDS: readonly CriterionKind[] = criterionKindValues

export type CombineMethod = Schemas['CombineMethod']
export const COMBINE_METHODS: readonly CombineMethod[] = combineMethodValues

export type AwardMode = Schemas['AwardMode']

export type EntrantStatus = Schemas['EntrantStatus']
export const ENTRANT_STATUSES: readonly EntrantStatus[] = entrantStatusValues

export type ReviewDecision = Schemas['ReviewDecision']

export type Stage = Schemas['Stage']
export type Criterion = Schemas['Criterion']
export type Rules = Schemas['Rules']
export type TeamMethod = Schemas['TeamMethod']
export type EventDraft = Schemas['EventDraft']
export type ContestTemplate = Schemas['Template']
export type Contest = Schemas['Contest']
export type ContestEvent = Schemas['Event']
export type Entrant = Schemas['Entrant']
export type DrawAssignment = Schemas['Assignment']
export type Draw = Schemas['Draw']
/** One of a worker's entries, for their history across contests. */
export type PersonEntry = Schemas['PersonEntry']

/** A judge account's duty in an event. */
export type Duty = Schemas['Duty']
export const DUTIES: readonly Duty[] = dutyValues
export type Attendance = Schemas['Attendance']
export type PanelMember = Schemas['PanelMember']
export type CheckInRow = Schemas['CheckInRow']
export type JudgeDuty = Schemas['JudgeDuty']
/** What waits for the caller, as its home page lists it. */
export type Todo = Schemas['Todo']
export type Sheet = Schemas['Sheet']
export type SheetMark = Schemas['SheetMark']
export type SheetCriterion = Schemas['SheetCriterion']
export type Progress = Schemas['Progress']
export type EventProgress = Schemas['EventProgress']
export type StageProgress = Schemas['StageProgress']
export type JudgeProgress = Schemas['JudgeProgress']
/** Blind double entry (双人双录) of paper sheets. */
export type KeyingState = Schemas['KeyingState']
export type PaperProgress = Schemas['PaperProgress']
export type KeyingBoard = Schemas['KeyingBoard']
export type Keying = Schemas['Keying']
export type KeyingComparison = Schemas['KeyingComparison']
export type Difference = Schemas['Difference']
export type Coverage = Schemas['Coverage']
/** The state of an event's second encryption (二次加密), without seed or codes. */
export type Encryption = Schemas['Encryption']
/** The sealed mapping of draw numbers to work codes, with its seed. */
export type EncryptionCodes = Schemas['EncryptionCodes']
export type WorkCodeRow = Schemas['WorkCodeRow']
export type Disagreements = Schemas['Disagreements']
export type Disagreement = Schemas['Disagreement']
export type Remark = Schemas['Remark']
/** Results (成绩): versions that never change, decoded layer by layer. */
export type EventResults = Schemas['EventResults']
export type ResultVersion = Schemas['ResultVersion']
export type ResultVersionInfo = Schemas['ResultVersionInfo']
export type ResultLine = Schemas['ResultLine']
export type ResultChange = Schemas['ResultChange']
export type ResultEntry = Schemas['ResultEntry']
export type ResultTie = Schemas['ResultTie']
export type ResultDecoding = Schemas['ResultDecoding']
export type ResultAward = Schemas['ResultAward']
export type Standing = Schemas['Standing']

export type PublicContest = Schemas['PublicContest']
export type PublicResults = Schemas['PublicResults']
export type PublicEvent = Schemas['PublicEvent']
export type PublicLine = Schemas['PublicLine']
export type EventReveal = Schemas['EventReveal']
export type RevealLevel = Schemas['RevealLevel']
/** The reveal levels in the order the announcer steps them. */
export const REVEAL_LEVELS: readonly RevealLevel[] = revealLevelValues
/** Standings (团体成绩和奖牌榜): made from the events' decoded results. */
export type ContestStandings = Schemas['ContestStandings']
export type StandingsEvent = Schemas['StandingsEvent']
export type TeamLine = Schemas['TeamLine']
export type EnterpriseLine = Schemas['EnterpriseLine']
export type MedalLine = Schemas['MedalLine']
export type Comparison = Schemas['Comparison']
export type MarkStats = Schemas['MarkStats']
export type Replacement = Schemas['Replacement']

export type ImportJob = Schemas['ImportJob']
export type ExportJob = Schemas['ExportJob']
export type ExportRequest = Schemas['ExportRequest']
export type ImportProblem = Schemas['ImportProblem']
export type ImportAction = Schemas['ImportAction']
export type ImportStatus = Schemas['ImportStatus']
export type ImportRowAction = Schemas['ImportRowAction']

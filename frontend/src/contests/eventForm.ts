import type { EventInput } from '@/api/events'
import type { AwardMode, CombineMethod, CriterionKind, EventDraft, Rules, Stage, TeamMethod } from '@/api/types'
import { parsePoints, pointsText, pointsToNumber } from './points'
import { normalise } from './tieBreaks'

export interface CriterionRow {
  code: string
  name: string
  stage: string
  /** Points as typed, at most two decimals. */
  max: string
  kind: CriterionKind
  /** Judges enter a level from 0 to 3 (judgement criteria only). */
  levels: boolean
}

/** An event as its editor holds it: points stay text until saved. */
export interface EventForm extends Omit<EventDraft, 'rules'> {
  stages: Stage[]
  criteria: CriterionRow[]
  combine: { method: CombineMethod; trim_min_judges: number }
  tie_breaks: string[]
  awards: {
    mode: AwardMode
    first: number
    second: number
    third: number
    min_total: string
    shared_top: boolean
    /** 优胜奖: a percentage of the ranked field, counted from the top; 0 for none. */
    honourable: number
    /** No shared ranks on prize places: the chief judge decides such ties. */
    no_shared_medals: boolean
  }
  veto: boolean
  /** Titles and promotions that follow places (技术能手 for places 1–3). */
  titles: { name: string; from: number; to: number }[]
  /** How team and enterprise results come from members' totals. */
  team: { method: TeamMethod; best: number }
  /** The disagreement threshold (评分差异阈值) as typed; 0 shows the chief judge no disagreements. */
  disagreement: string
}

const EMPTY_RULES: Rules = {
  stages: [],
  criteria: [],
  combine: { method: 'mean', trim_min_judges: 5 },
  tie_breaks: ['shared'],
  awards: { mode: 'shares', first: 10, second: 20, third: 30, min_total: 0, shared_top: true },
  veto: false,
}

export function eventToForm(event: Partial<EventDraft>, defaults?: Rules): EventForm {
  const rules = event.rules ?? defaults ?? EMPTY_RULES
  return {
    name: event.name ?? '',
    trade: event.trade ?? '',
    entrant_type: event.entrant_type ?? 'individual',
    team_size: event.team_size ?? 0,
    quota_per_enterprise: event.quota_per_enterprise ?? 3,
    stations: event.stations ?? 0,
    stages: rules.stages.map((s) => ({ ...s, timed: s.timed ?? false, time_limit: s.time_limit ?? 0 })),
    criteria: rules.criteria.map((c) => ({ ...c, max: pointsText(c.max), levels: c.levels ?? false })),
    combine: { ...EMPTY_RULES.combine, ...rules.combine },
    tie_breaks: [...rules.tie_breaks],
    awards: {
      ...EMPTY_RULES.awards,
      ...rules.awards,
      min_total: pointsText(rules.awards?.min_total ?? 0),
      honourable: rules.awards?.honourable ?? 0,
      no_shared_medals: rules.awards?.no_shared_medals ?? false,
    },
    veto: rules.veto ?? false,
    titles: (rules.titles ?? []).map((title) => ({ ...title })),
    team: { method: rules.team?.method ?? 'sum', best: rules.team?.best ?? 0 },
    disagreement: pointsText(rules.disagreement ?? 0),
  }
}

/** The point fields that do not parse, as `criteria[2].max` / `awards.min_total` / `disagreement`. */
export function pointsProblems(form: EventForm): string[] {
  const problems = form.criteria.flatMap((c, i) => {
    const value = parsePoints(c.max)
    return value === null || value === 0 ? [`criteria[${i}].max`] : []
  })
  if (parsePoints(form.awards.min_total || '0') === null) problems.push('awards.min_total')
  if (parsePoints(form.disagreement || '0') === null) problems.push('disagreement')
  return problems
}

/** The API body for a form whose points parse (see pointsProblems): every field. */
export function formToEvent(form: EventForm): Required<EventInput> {
  const points = (text: string) => pointsToNumber(parsePoints(text || '0') ?? 0)
  const stageCodes = form.stages.map((s) => s.code.trim())
  return {
    name: form.name.trim(),
    trade: form.trade.trim(),
    entrant_type: form.entrant_type,
    team_size: form.entrant_type === 'team' ? form.team_size : 0,
    quota_per_enterprise: form.quota_per_enterprise,
    stations: form.stations,
    rules: {
      stages: form.stages.map((s) => ({
        code: s.code.trim(),
        name: s.name.trim(),
        weight: s.weight,
        timed: !!s.timed,
        time_limit: s.timed ? (s.time_limit ?? 0) : 0,
        encrypted: s.encrypted === true,
      })),
      criteria: form.criteria.map((c) => ({
        code: c.code.trim(),
        name: c.name.trim(),
        stage: c.stage,
        max: points(c.max),
        kind: c.kind,
        levels: c.kind === 'judgement' && c.levels,
      })),
      combine: { ...form.combine },
      tie_breaks: normalise(form.tie_breaks, stageCodes),
      awards: { ...form.awards, min_total: points(form.awards.min_total) },
      veto: form.veto,
      titles: form.titles.map((title) => ({ name: title.name.trim(), from: title.from, to: title.to })),
      team: { method: form.team.method, best: form.team.method === 'best' ? form.team.best : 0 },
      disagreement: points(form.disagreement),
    },
  }
}

export type RuleSection = 'stages' | 'criteria' | 'scoring' | 'awards' | 'other'

export interface RuleField {
  section: RuleSection
  /** The 1-based row of a stage or criterion, when the field names one. */
  row: number | null
}

const SECTIONS: Record<string, RuleSection> = {
  stages: 'stages',
  criteria: 'criteria',
  combine: 'scoring',
  tie_breaks: 'scoring',
  awards: 'awards',
  titles: 'awards',
  team: 'awards',
  disagreement: 'scoring',
}

/** Where a server field such as `rules.criteria[2].max` lies in the event editor. */
export function ruleField(field: string): RuleField {
  const match = /^(?:events\[\d+\]\.)?rules\.(\w+)(?:\[(\d+)\])?/.exec(field)
  if (!match) return { section: 'other', row: null }
  const section = SECTIONS[match[1]] ?? 'other'
  const row = match[2] !== undefined && (section === 'stages' || section === 'criteria') ? Number(match[2]) + 1 : null
  return { section, row }
}

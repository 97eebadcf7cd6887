import { SKILL_LEVEL_VALUES, type SkillLevel } from '@/api/types'

const KEYS: Record<Exclude<SkillLevel, ''>, string> = {
  '五级/初级工': 'skillLevels.level5',
  '四级/中级工': 'skillLevels.level4',
  '三级/高级工': 'skillLevels.level3',
  '二级/技师': 'skillLevels.level2',
  '一级/高级技师': 'skillLevels.level1',
}

/** The national skill levels, lowest first, as the API stores them, with their message keys. */
export const SKILL_LEVELS = SKILL_LEVEL_VALUES.flatMap((value) => (value === '' ? [] : [{ value, key: KEYS[value] }]))

/** The national skill levels, as the API stores them, with their message keys. */
export const SKILL_LEVELS = [
  { value: '五级/初级工', key: 'skillLevels.level5' },
  { value: '四级/中级工', key: 'skillLevels.level4' },
  { value: '三级/高级工', key: 'skillLevels.level3' },
  { value: '二级/技师', key: 'skillLevels.level2' },
  { value: '一级/高级技师', key: 'skillLevels.level1' },
] as const

import { describe, expect, it } from 'vitest'
import { criterionCode, stageCode } from './codes'

describe('stage codes', () => {
  it('take the usual code of a known stage', () => {
    expect(stageCode('理论知识', [])).toBe('theory')
    expect(stageCode('实操作业', ['theory'])).toBe('practical')
    expect(stageCode('专家评审', [])).toBe('review')
  })

  it('take the ASCII of a name, and a number otherwise', () => {
    expect(stageCode('CAD 绘图', [])).toBe('cad')
    expect(stageCode('现场展示', [])).toBe('S1')
    expect(stageCode('', ['S1'])).toBe('S2')
  })

  it('are unique within the event', () => {
    expect(stageCode('实操二', ['theory', 'practical'])).toBe('practical2')
    expect(stageCode('实操三', ['practical', 'practical2'])).toBe('practical3')
  })
})

describe('criterion codes', () => {
  it('are the stage initial and the next free number', () => {
    expect(criterionCode('theory', ['T1'])).toBe('T2')
    expect(criterionCode('practical', ['T1', 'P1', 'P2'])).toBe('P3')
    expect(criterionCode('', [])).toBe('C1')
  })
})

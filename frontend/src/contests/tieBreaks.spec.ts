import { describe, expect, it } from 'vitest'
import { addKey, allKeys, mayMove, moveKey, normalise, removeKey, renameStage, stageOf, unusedKeys } from './tieBreaks'

const stages = ['theory', 'practical']

describe('tie-break order', () => {
  it('offers every stage, then time, then shared', () => {
    expect(allKeys(stages)).toEqual(['stage:theory', 'stage:practical', 'time', 'shared'])
    expect(allKeys(['theory', ''])).toEqual(['stage:theory', 'time', 'shared'])
  })

  it('reads the stage of a key', () => {
    expect(stageOf('stage:practical')).toBe('practical')
    expect(stageOf('time')).toBeNull()
  })

  it('keeps shared last when adding', () => {
    let order = addKey([], 'stage:practical')
    order = addKey(order, 'shared')
    order = addKey(order, 'time')
    order = addKey(order, 'time')
    expect(order).toEqual(['stage:practical', 'time', 'shared'])
    expect(unusedKeys(order, stages)).toEqual(['stage:theory'])
  })

  it('moves keys up and down but never shared or past it', () => {
    const order = ['stage:practical', 'time', 'stage:theory', 'shared']
    expect(moveKey(order, 1, -1)).toEqual(['time', 'stage:practical', 'stage:theory', 'shared'])
    expect(moveKey(order, 0, 1)).toEqual(['time', 'stage:practical', 'stage:theory', 'shared'])
    expect(mayMove(order, 0, -1)).toBe(false)
    expect(mayMove(order, 2, 1)).toBe(false)
    expect(mayMove(order, 3, -1)).toBe(false)
    expect(moveKey(order, 2, 1)).toEqual(order)
  })

  it('removes by position', () => {
    expect(removeKey(['time', 'shared'], 0)).toEqual(['shared'])
  })

  it('normalises: unknown stages and repeats go, shared moves last', () => {
    expect(normalise(['shared', 'stage:gone', 'time', 'time', 'stage:theory'], stages)).toEqual(['time', 'stage:theory', 'shared'])
  })

  it('follows a renamed stage', () => {
    expect(renameStage(['stage:theory', 'time'], 'theory', 'exam')).toEqual(['stage:exam', 'time'])
  })
})

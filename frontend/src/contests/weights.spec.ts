import { describe, expect, it } from 'vitest'
import { weightsComplete, weightsSum } from './weights'

describe('stage weights', () => {
  it('adds the weights', () => {
    expect(weightsSum([{ weight: 30 }, { weight: 70 }])).toBe(100)
    expect(weightsSum([{ weight: 30 }, { weight: 60 }])).toBe(90)
    expect(weightsSum([])).toBe(0)
  })

  it('counts empty weights as nothing', () => {
    expect(weightsSum([{ weight: 30 }, { weight: null }, { weight: undefined }])).toBe(30)
  })

  it('is complete only at exactly 100 with whole numbers', () => {
    expect(weightsComplete([{ weight: 30 }, { weight: 70 }])).toBe(true)
    expect(weightsComplete([{ weight: 100 }])).toBe(true)
    expect(weightsComplete([{ weight: 30 }, { weight: 60 }])).toBe(false)
    expect(weightsComplete([{ weight: 50 }, { weight: 60 }])).toBe(false)
    expect(weightsComplete([{ weight: 30.5 }, { weight: 69.5 }])).toBe(false)
    expect(weightsComplete([{ weight: 120 }, { weight: -20 }])).toBe(false)
    expect(weightsComplete([])).toBe(false)
  })
})

export interface Weighted {
  weight: number | null | undefined
}

export const WEIGHT_TOTAL = 100

/** The sum of the stage weights, counting empty weights as 0. */
export function weightsSum(stages: readonly Weighted[]): number {
  return stages.reduce((sum, stage) => sum + (Number.isInteger(stage.weight) ? (stage.weight as number) : 0), 0)
}

/** Whether the weights are whole numbers adding up to exactly 100. */
export function weightsComplete(stages: readonly Weighted[]): boolean {
  return stages.length > 0 && stages.every((s) => Number.isInteger(s.weight) && (s.weight as number) >= 0) && weightsSum(stages) === WEIGHT_TOTAL
}

/**
 * Codes of stages and criteria: the keys that marks, sheets and tie-breaks refer to. A clerk names a
 * row; its code is made from the name, in ASCII, unique within the event, and kept once the event is
 * saved, so that renaming a stage later never changes what refers to it.
 */

/** Stage names organisers use, with the codes the templates give them. */
const KNOWN_STAGES: [string, string][] = [
  ['理论', 'theory'],
  ['笔试', 'theory'],
  ['实操', 'practical'],
  ['操作', 'practical'],
  ['技能', 'practical'],
  ['答辩', 'defence'],
  ['评审', 'review'],
]

const MAX_CODE = 24

/** The first of base, base2, base3 … that is not taken; an empty base gives fallback1, fallback2 …. */
function unique(base: string, fallback: string, taken: readonly string[]): string {
  if (base && !taken.includes(base)) return base
  const stem = base || fallback
  for (let n = base ? 2 : 1; ; n++) if (!taken.includes(`${stem}${n}`)) return `${stem}${n}`
}

/** The ASCII letters and digits of a name, lower-case, joined by underscores. */
function slug(name: string): string {
  return (name.toLowerCase().match(/[a-z0-9]+/g) ?? []).join('_').slice(0, MAX_CODE)
}

/** A stage's code from its name: a known stage's usual code, else the name's ASCII, else S1, S2 …. */
export function stageCode(name: string, taken: readonly string[]): string {
  const known = KNOWN_STAGES.find(([word]) => name.includes(word))?.[1]
  return unique(known ?? slug(name), 'S', taken)
}

/** A criterion's code: its stage's initial and a number, as T1, T2 for the theory stage's. */
export function criterionCode(stage: string, taken: readonly string[]): string {
  const initial = stage.match(/[a-z]/i)?.[0].toUpperCase() ?? 'C'
  return unique('', initial, taken)
}

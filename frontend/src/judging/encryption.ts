import type { Duty, Encryption, WorkCodeRow } from '@/api/types'
import type { TagType } from '@/contests/steps'

/**
 * Where an event's second encryption (二次加密) stands: no encrypted stage, waiting for
 * check-in, ready to run, run (the codes are sealed), or decoded. A run whose codes a later change of
 * check-in took back waits for check-in or is ready again.
 */
export type EncryptionStep = 'none' | 'checkIn' | 'ready' | 'run' | 'decoded'

export function encryptionStep(e: Encryption): EncryptionStep {
  if (e.stages.length === 0) return 'none'
  if (e.decoded_at) return 'decoded'
  if (e.runs > 0 && !e.withdrawn) return 'run'
  return e.not_checked_in > 0 ? 'checkIn' : 'ready'
}

export const ENCRYPTION_STEP_TAG: Record<EncryptionStep, TagType> = {
  none: 'info',
  checkIn: 'warning',
  ready: 'primary',
  run: 'success',
  decoded: 'danger',
}

/** Whether a duty follows its event's second encryption: the encryption judge, who runs it, and the chief judge, who reads the mapping once decoded. */
export function followsEncryption(duty: Duty): boolean {
  return duty === 'encryption' || duty === 'chief'
}

/** The encryption page of an event. */
export function encryptionLink(eventId: number): { name: string; params: { eventId: number } } {
  return { name: 'encryption', params: { eventId } }
}

/** The names of the encrypted stages not signed off yet: decoding waits for them. */
export function unsignedStages(e: Encryption): string[] {
  return e.stages.filter((s) => !s.signed_off_at).map((s) => s.name)
}

/** The mapping in work-code order, as results are read; the server sends it in draw-number order. */
export function byCode(rows: readonly WorkCodeRow[]): WorkCodeRow[] {
  return [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
}

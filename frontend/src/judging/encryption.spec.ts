import { describe, expect, it } from 'vitest'
import { DUTIES, type Encryption } from '@/api/types'
import { byCode, encryptionStep, followsEncryption, unsignedStages } from './encryption'

const state = (over: Partial<Encryption> = {}): Encryption => ({
  event_id: 1,
  event_name: '钳工',
  contest_id: 1,
  contest_name: '比武',
  contest_status: 'judging',
  stages: [{ code: 'practical', name: '实操', signed_off_at: null }],
  entrants: 3,
  present: 2,
  absent: 0,
  not_checked_in: 1,
  runs: 0,
  run_at: null,
  run_by: '',
  coded: 0,
  withdrawn: false,
  marked: false,
  decoded_at: null,
  decoded_by: '',
  encrypts: false,
  may_run: false,
  may_decode: false,
  may_read_codes: false,
  ...over,
})

describe('encryption', () => {
  it('follows an event from check-in to decoding', () => {
    expect(encryptionStep(state({ stages: [] }))).toBe('none')
    expect(encryptionStep(state())).toBe('checkIn')
    expect(encryptionStep(state({ not_checked_in: 0, absent: 1 }))).toBe('ready')
    expect(encryptionStep(state({ not_checked_in: 0, runs: 2 }))).toBe('run')
    expect(encryptionStep(state({ not_checked_in: 0, runs: 1, withdrawn: true }))).toBe('ready')
    expect(encryptionStep(state({ not_checked_in: 1, runs: 1, withdrawn: true }))).toBe('checkIn')
    expect(encryptionStep(state({ runs: 1, decoded_at: '2026-05-01T10:00:00Z' }))).toBe('decoded')
  })

  it('sends the encryption judge and the chief judge to the encryption page', () => {
    expect(DUTIES.filter(followsEncryption)).toEqual(['chief', 'encryption'])
  })

  it('names the encrypted stages decoding waits for', () => {
    const two = state({
      stages: [
        { code: 'practical', name: '实操', signed_off_at: '2026-05-01T10:00:00Z' },
        { code: 'works', name: '作品', signed_off_at: null },
      ],
    })
    expect(unsignedStages(two)).toEqual(['作品'])
  })

  it('orders the mapping by work code', () => {
    const rows = [
      { draw_number: '001', code: 'J734' },
      { draw_number: '002', code: 'J118' },
      { draw_number: '003', code: 'J402' },
    ]
    expect(byCode(rows).map((r) => r.draw_number)).toEqual(['002', '003', '001'])
    expect(rows[0].code).toBe('J734')
  })
})

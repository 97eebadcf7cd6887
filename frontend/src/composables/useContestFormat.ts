import { useI18n } from 'vue-i18n'
import type { Contest } from '@/api/types'
import { useFormat } from './useFormat'

/** Contest texts shared by the pages: kind with format, and the time windows. */
export function useContestFormat() {
  const { t } = useI18n()
  const { dateTime } = useFormat()

  function window(from: string | null, to: string | null): string {
    if (!from && !to) return t('common.none')
    return t('common.range', { from: dateTime(from), to: dateTime(to) })
  }

  function kind(contest: Contest): string {
    const kindText = t(`contestKinds.${contest.kind}`)
    return contest.format ? `${kindText} · ${t(`contestFormats.${contest.format}`)}` : kindText
  }

  return { window, kind }
}

import { useI18n } from 'vue-i18n'

/** Date-time formatting in the UI language; empty values show a dash. */
export function useFormat() {
  const { t, locale } = useI18n()

  function dateTime(value: string | null | undefined): string {
    if (!value) return t('common.none')
    const date = new Date(value)
    if (Number.isNaN(date.getTime())) return value
    return date.toLocaleString(locale.value, { dateStyle: 'medium', timeStyle: 'short' })
  }

  function text(value: string | null | undefined): string {
    return value ? value : t('common.none')
  }

  return { dateTime, text }
}

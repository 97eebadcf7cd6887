import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN, { type Messages } from './zh-CN'

export type Locale = 'zh-CN' | 'en'

export const LOCALES: readonly Locale[] = ['zh-CN', 'en']

const STORAGE_KEY = 'leitai.locale'

function storedLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
  return saved === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export function currentLocale(): Locale {
  return i18n.global.locale.value
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem(STORAGE_KEY, locale)
  document.documentElement.lang = locale
}

import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { authApi } from '@/api/auth'
import { ApiError } from '@/api/http'
import type { Account, Session } from '@/api/types'

export const useAuthStore = defineStore('auth', () => {
  const account = ref<Account | null>(null)
  const csrfToken = ref('')
  let restoring: Promise<void> | null = null

  const signedIn = computed(() => account.value !== null)
  const role = computed(() => account.value?.role)

  function apply(session: Session): void {
    account.value = session.account
    csrfToken.value = session.csrf_token
  }

  function clear(): void {
    account.value = null
    csrfToken.value = ''
  }

  async function refresh(): Promise<void> {
    try {
      apply(await authApi.me())
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e
      clear()
    }
  }

  /** Restores the session once per page load; later calls reuse the first answer. */
  function restore(): Promise<void> {
    restoring ??= refresh().catch(() => clear())
    return restoring
  }

  async function login(username: string, password: string): Promise<Account> {
    const session = await authApi.login(username, password)
    apply(session)
    return session.account
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
    await authApi.changePassword(oldPassword, newPassword)
    await refresh()
  }

  return { account, csrfToken, signedIn, role, clear, refresh, restore, login, logout, changePassword }
})

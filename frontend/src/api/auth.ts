import { http } from './http'
import type { Session } from './types'

export const authApi = {
  login: (username: string, password: string) =>
    http.post<Session>('/auth/login', { username, password }, { authRedirect: false }),
  logout: () => http.post<void>('/auth/logout'),
  me: () => http.get<Session>('/auth/me', undefined, { authRedirect: false }),
  changePassword: (oldPassword: string, newPassword: string) =>
    http.post<void>('/auth/password', { old_password: oldPassword, new_password: newPassword }),
}

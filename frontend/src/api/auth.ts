import { http } from './http'
import type { Schemas, Session } from './types'

export const authApi = {
  login: (username: string, password: string) =>
    http.post<Session>('/auth/login', { username, password } satisfies Schemas['LoginRequest'], { authRedirect: false }),
  logout: () => http.post<void>('/auth/logout'),
  me: () => http.get<Session>('/auth/me', undefined, { authRedirect: false }),
  changePassword: (oldPassword: string, newPassword: string) =>
    http.post<void>('/auth/password', { old_password: oldPassword, new_password: newPassword } satisfies Schemas['PasswordChangeRequest']),
}

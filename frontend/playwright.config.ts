import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'

const port = 18080
const baseURL = `http://127.0.0.1:${port}`
// Workers load this config again; they inherit the run's database directory through the environment.
if (!process.env.LEITAI_E2E_DIR) {
  const dir = mkdtempSync(join(tmpdir(), 'leitai-e2e-'))
  process.env.LEITAI_E2E_DIR = dir
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
}
const dataDir = process.env.LEITAI_E2E_DIR

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Both scenarios need the enterprise with credit code 91350100M000100Y43 in the run's one database:
  // the contest scenario runs second and takes over the enterprise if it is there.
  projects: [
    { name: 'foundation', testIgnore: /contests\.spec\.ts/ },
    { name: 'contests', testMatch: /contests\.spec\.ts/, dependencies: ['foundation'] },
  ],
  use: {
    baseURL,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: '../bin/leitai',
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      LEITAI_ADDR: `127.0.0.1:${port}`,
      LEITAI_DB: `sqlite:${join(dataDir, 'e2e.db')}`,
      LEITAI_ADMIN_PASSWORD: 'Admin-e2e-2026',
      LEITAI_SECRET: 'e2e-secret-0123456789abcdef0123456789',
    },
  },
})

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'

const testDir = join(import.meta.dirname, 'e2e')

// Each spec takes test from ./fixtures, which fails a test on any Content Security Policy violation.
for (const spec of readdirSync(testDir).filter((name) => name.endsWith('.spec.ts'))) {
  if (readFileSync(join(testDir, spec), 'utf8').includes("from '@playwright/test'")) {
    throw new Error(`e2e/${spec}: import from './fixtures', not from '@playwright/test'`)
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on now (the config must be synchronous, so a child finds it). */
function freePort(): string {
  const script = "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close() })"
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()
}

// Workers load this config again; they inherit the run's port and database directory through the environment.
if (!process.env.LEITAI_E2E_DIR) {
  const dir = mkdtempSync(join(tmpdir(), 'leitai-e2e-'))
  process.env.LEITAI_E2E_DIR = dir
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
}
process.env.LEITAI_E2E_PORT ??= freePort()
const dataDir = process.env.LEITAI_E2E_DIR
const port = process.env.LEITAI_E2E_PORT
const baseURL = `http://127.0.0.1:${port}`

export default defineConfig({
  testDir,
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

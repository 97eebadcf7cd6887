import { expect, test as base, type BrowserContext } from '@playwright/test'

export * from '@playwright/test'

const cspViolation = /Content Security Policy/i

/**
 * Playwright's test, failing any test during which a page broke the server's Content Security Policy.
 * Chromium reports each blocked script, style, image or request as a console message; every browser
 * context of the worker is watched, those a spec opens itself with browser.newPage() included.
 * Specs import test and expect from here (playwright.config.ts refuses a spec that does not).
 */
export const test = base.extend<{ cspClean: void }, { cspViolations: string[] }>({
  cspViolations: [
    async ({ browser }, use) => {
      const violations: string[] = []
      const watch = (context: BrowserContext) => {
        context.on('console', (message) => {
          if (cspViolation.test(message.text())) violations.push(`${message.page()?.url()}: ${message.text()}`)
        })
      }
      browser.contexts().forEach(watch)
      browser.on('context', watch)
      await use(violations)
      browser.off('context', watch)
      if (violations.length > 0) throw new Error(`Content Security Policy violations after the last test:\n${violations.join('\n')}`)
    },
    { scope: 'worker', auto: true },
  ],
  cspClean: [
    async ({ cspViolations }, use) => {
      await use()
      // Violations from a beforeAll hook are counted in the test that follows it.
      expect(cspViolations.splice(0), 'Content Security Policy violations').toEqual([])
    },
    { auto: true },
  ],
})

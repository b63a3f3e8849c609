// Every test runs in an on-disk browser profile, as an installed app does on a phone,
// instead of Playwright's default in-memory (incognito-like) context.
import { test as base, expect, chromium } from "@playwright/test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchOptions } from "./playwright.config.mjs";

/** A fresh phone-sized browser with its own on-disk profile; closes and deletes it after. */
export async function phone(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), "backstrong-profile-"));
  const context = await chromium.launchPersistentContext(dir, {
    ...launchOptions,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    ...options,
  });
  const close = context.close.bind(context);
  context.close = async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  };
  return context;
}

export const test = base.extend({
  context: async ({ baseURL }, use) => {
    const context = await phone({ baseURL });
    await use(context);
    await context.close();
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
});

export { expect };

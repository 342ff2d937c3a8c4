import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The Chromium to launch: `CHROMIUM_PATH` when set; nothing (Playwright's own build) when that is
 * installed; otherwise Debian's. Machines that can download Playwright's browsers keep them.
 */
export function chromiumExecutablePath(): string | undefined {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) return chosen;
  if (playwrightChromiumInstalled()) return undefined;
  return SYSTEM_CHROMIUM.find((candidate) => existsSync(candidate));
}

function playwrightChromiumInstalled(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

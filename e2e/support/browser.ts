import { existsSync } from 'node:fs';
import { chromium, firefox, webkit, type BrowserType } from '@playwright/test';

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
  return installed(chromium);
}

function installed(browserType: BrowserType): boolean {
  try {
    return existsSync(browserType.executablePath());
  } catch {
    return false;
  }
}

/** Firefox and WebKit have no Debian build Playwright can drive: their projects exist only where Playwright's own are installed. */
export function otherEngines(): { present: ('firefox' | 'webkit')[]; missing: ('firefox' | 'webkit')[] } {
  const engines = { firefox, webkit } as const;
  const names = ['firefox', 'webkit'] as const;
  return {
    present: names.filter((name) => installed(engines[name])),
    missing: names.filter((name) => !installed(engines[name])),
  };
}

import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { Pages } from '../pages/index.js';
import { approveDeviceCode } from './flows.js';

/** The README's example of Azure's own SDK, asking where the subscription landed. */
export const WHERE_DID_IT_LAND = 'examples/azure-sdks/where-did-it-land.ts';

/**
 * Runs the example as the README does, against the mock at `mockUrl` (the test workers already
 * trust its certificate), and does what its person does: opens the page it prints, types the
 * code, signs in as `account` and answers Continue. Returns what it has printed so far, and its
 * exit code once it ends.
 */
export async function runWhereDidItLand(mockUrl: string, device: Page, pages: Pages, account: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', WHERE_DID_IT_LAND], {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    env: { ...process.env, MOCK_URL: mockUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  let told = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (told += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    const asked = /open the page (\S+) and enter the code (\w+)/;
    await expect.poll(() => asked.test(told), { message: 'the example prints where to sign in' }).toBe(true);
    const [, page = '', code = ''] = asked.exec(told) ?? [];
    await device.goto(page);
    await approveDeviceCode(pages, code, account);
  } catch (error) {
    child.kill();
    throw error;
  }
  return { printed: () => printed, exited };
}

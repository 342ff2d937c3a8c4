import type { BrowserContext } from '@playwright/test';
import type { Placement, TestWorld } from './world.js';
import { TEST_API } from '../../mock-portal/src/contract.js';

/** What one browser context's relying-party sessions hold: who is signed in where. */
export interface SessionEvidence {
  context: number;
  signup: unknown;
  portal: unknown;
}

/** What a reader of a failed test needs without opening a trace: who was signed in, and where every subscription is. */
export interface Evidence {
  signedIn: SessionEvidence[];
  placements: Placement[] | string;
  directories: { name: string; members: string[] }[] | string;
}

async function sessionOf(context: BrowserContext, service: 'signup' | 'portal'): Promise<unknown> {
  try {
    const response = await context.request.get(`/${service}${TEST_API}/session`);
    return response.ok() ? await response.json() : `HTTP ${response.status()}`;
  } catch (error) {
    return `unavailable: ${(error as Error).message.split('\n')[0]}`;
  }
}

export async function collectEvidence(contexts: readonly BrowserContext[], world: TestWorld): Promise<Evidence> {
  const signedIn = await Promise.all(
    contexts.map(async (context, index) => ({
      context: index + 1,
      signup: await sessionOf(context, 'signup'),
      portal: await sessionOf(context, 'portal'),
    })),
  );
  try {
    const state = await world.state();
    const accountName = (id: string) => state.accounts.find((account) => account.id === id)?.signInName ?? id;
    return {
      signedIn,
      placements: await world.placements(),
      directories: state.directories.map((directory) => ({
        name: directory.name,
        members: state.accounts
          .filter((account) => account.homeDirectoryId === directory.id)
          .map((account) => accountName(account.id)),
      })),
    };
  } catch (error) {
    const reason = `unavailable: ${(error as Error).message}`;
    return { signedIn, placements: reason, directories: reason };
  }
}

import { TEST_API } from '../../mock-portal/src/contract.js';
import { SEED_PASSWORD } from '../../mock-portal/src/world/seed.js';
import { clientIn, newWorld, signOutOverHttp, signUpOverHttp } from '../../testkit/flows.js';
import { record } from './bench-record.js';
import { startPortal } from '../../testkit/processes.js';

/**
 * 4. Memory: the portal's resident set after 10,000 complete flows against after 1,000. The portal
 * runs in a process of its own (with --expose-gc), so that neither the load generator nor the
 * earlier measurements count, and reports its memory after a full collection.
 */
export async function memoryRatio(): Promise<void> {
  const totalFlows = Number(process.env.BENCH_FLOWS ?? 10_000);
  const firstFlows = Math.min(1_000, totalFlows);
  console.log(
    `\n4. Memory after ${totalFlows.toLocaleString('en-US')} complete sign-in + sign-up + sign-out flows against after ${firstFlows.toLocaleString('en-US')}`,
  );
  const portal = await startPortal(['--expose-gc']);
  const portalUrl = portal.url;
  const residentMb = async () =>
    ((await (await fetch(`${portalUrl}${TEST_API}/memory`)).json()) as { rss: number }).rss / 1024 / 1024;
  let done = 0;
  let failures = 0;
  const flowsUpTo = async (target: number) => {
    const worker = async () => {
      while (done < target) {
        done += 1;
        try {
          const client = clientIn(portalUrl, await newWorld(portalUrl));
          const result = await signUpOverHttp(client, 'alice@contoso.com', SEED_PASSWORD);
          if (result.location !== '/signup/done') failures += 1;
          await signOutOverHttp(client, result.formHtml);
        } catch (error) {
          failures += 1;
          if (failures <= 3) console.log(`  a flow failed: ${String(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
  };
  const flowStarted = performance.now();
  await flowsUpTo(firstFlows);
  const afterFirst = await residentMb();
  await flowsUpTo(totalFlows);
  const afterAll = await residentMb();
  await portal.stop();
  console.log(
    `  ${done} flows in ${((performance.now() - flowStarted) / 1000).toFixed(0)} s, ${failures} failed; the portal's RSS ${afterFirst.toFixed(0)} MiB after ${firstFlows}, ${afterAll.toFixed(0)} MiB after ${totalFlows}`,
  );
  record(
    `resident memory after ${totalFlows} flows / after ${firstFlows}`,
    afterAll / afterFirst,
    '<= 1.20',
    afterAll / afterFirst <= 1.2 && failures === 0,
  );
}

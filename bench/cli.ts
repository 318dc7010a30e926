// Command-line start-up: `portcullis --help`, `user list` on a local SQLite
// database of 100 users, and `user add` (which hashes a password), each run 10
// times as a new process; median wall time and CPU time (user + system, from
// the kernel's accounting of the finished child). BENCH_CLI_BIN names another
// release's bin/portcullis.js, for a before/after comparison.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bin = process.env.BENCH_CLI_BIN ?? new URL('../bin/portcullis.js', import.meta.url).pathname;
const RUNS = 10;
const USERS = 100;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portcullis-bench-cli-'));
const env = {
  ...process.env,
  PORTCULLIS_DATA_DIR: dataDir,
  PORTCULLIS_SECRET_KEY: 'c'.repeat(64),
  PORTCULLIS_LOG_LEVEL: 'warn',
};

const timesFile = path.join(dataDir, 'times');

/** One run: wall ms, and CPU ms of the child from GNU time's report. */
function run(args: string[], stdin = ''): Promise<{ wall: number; cpu: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // GNU time writes the child's user and system seconds to a file.
    const child = spawn(
      '/usr/bin/time',
      ['-f', '%U %S', '-o', timesFile, process.execPath, bin, ...args],
      { env, stdio: ['pipe', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = performance.now() - t0;
      if (code !== 0)
        return reject(new Error(`portcullis ${args.join(' ')} exited ${code}: ${err}`));
      const [user, sys] = readFileSync(timesFile, 'utf8').trim().split(/\s+/).map(Number);
      resolve({ wall, cpu: ((user ?? Number.NaN) + (sys ?? Number.NaN)) * 1000 });
    });
    child.stdin!.on('error', () => {}); // a command that reads no input may exit first
    child.stdin!.end(stdin);
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

// The database and its users, made by the command itself.
for (let i = 0; i < USERS; i++)
  await run(['user', 'add', `user${i}@contoso.com`, '--password-stdin'], `password number ${i}`);

const cases: [string, string[], string?][] = [
  ['portcullis --help', ['--help']],
  [`portcullis user list (${USERS} users)`, ['user', 'list']],
  ['portcullis user add', ['user', 'add', '', '--password-stdin'], 'a new password 1'],
];
const rows: string[][] = [];
for (const [label, args, stdin] of cases) {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = args.map((x) => (x === '' ? `added${i}-${Date.now()}@contoso.com` : x));
    const r = await run(a, stdin);
    walls.push(r.wall);
    cpus.push(r.cpu);
  }
  rows.push([
    label,
    `${(median(walls) / 1000).toFixed(3)} s`,
    `${(median(cpus) / 1000).toFixed(3)} s`,
  ]);
}
rmSync(dataDir, { recursive: true, force: true });

const head = ['command', 'wall (median)', 'CPU (median)'];
const all = [head, ...rows];
const widths = head.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
const line = (r: string[]) => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;
console.log('\nPortcullis benchmark: command-line start-up');
console.log(
  `machine:    ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(2)}`,
);
console.log(`parameters: ${bin}; ${RUNS} runs each; local SQLite database, ${USERS} users\n`);
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log('\ntargets on a quiet machine: --help under 0.3 s, user list under 0.5 s (wall)');

// Runs test/crash/imaging-child.ts (a real station that imports a CT from a drive, a drop and the
// PACS) as a child process the imaging crash tests can kill, and follows what it prints: its
// lines on stdout, its log (JSON lines) on stderr.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ImagingChildEnv {
  DATA_DIR: string;
  DRIVE?: string;
  DROP?: string;
  PACS_URL?: string;
  PACS_STUDY?: string;
  KILL_AT?: string;
}

export interface ImagingChild {
  process: ChildProcess;
  lines: string[];
  /** The station's log events, parsed. */
  log: { event: string; [field: string]: unknown }[];
  output: () => string;
  /** Resolves with the first line that starts with `prefix` (now or later); rejects if the child ends first. */
  line(prefix: string, timeoutMs?: number): Promise<string>;
  go(): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): Promise<void>;
}

export function startImagingChild(env: ImagingChildEnv): ImagingChild {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/crash/imaging-child.ts')], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const log: ImagingChild['log'] = [];
  let stderr = '';
  let stdoutRest = '';
  let stderrRest = '';
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    const parts = (stdoutRest + text).split('\n');
    stdoutRest = parts.pop()!;
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
    const parts = (stderrRest + text).split('\n');
    stderrRest = parts.pop()!;
    for (const part of parts) {
      try {
        const parsed = JSON.parse(part) as { event?: unknown };
        if (typeof parsed.event === 'string') log.push(parsed as ImagingChild['log'][number]);
      } catch {
        // Not a log line (a stack trace): kept in the output.
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let ended = false;
  void exited.then(() => {
    ended = true;
    for (const wake of waiters) wake();
  });
  const output = () => `stdout:\n${lines.join('\n')}${stdoutRest}\nstderr:\n${stderr}`;

  return {
    process: child,
    lines,
    log,
    output,
    line(prefix, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`no line "${prefix}" within ${timeoutMs} ms\n${output()}`)),
          timeoutMs,
        );
        const check = () => {
          const found = lines.find((l) => l.startsWith(prefix));
          if (found !== undefined) finish(null, found);
          else if (ended) finish(new Error(`the child ended before printing "${prefix}"\n${output()}`));
        };
        const finish = (error: Error | null, found?: string) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve(found!);
        };
        waiters.add(check);
        check();
      });
    },
    go: () => child.stdin.write('go\n'),
    exited,
    async kill() {
      if (!ended) child.kill('SIGKILL');
      await exited;
    },
  };
}

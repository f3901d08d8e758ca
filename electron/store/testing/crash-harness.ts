import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom, syntheticDesign } from '../../../shared/model/testing/synthetic.ts';
import { createDocumentFile, openDocumentFile } from '../document-file.ts';

/*
 * Kills a writer process (test/bench/crash-writer.ts) with SIGKILL at random moments and checks after each
 * kill that the document opens, passes `PRAGMA integrity_check`, and holds every apply the writer
 * acknowledged. Shared by the crash unit test and the crash benchmark.
 */

const WRITER = fileURLToPath(new URL('../../../test/bench/crash-writer.ts', import.meta.url));

export interface CrashRunOptions {
  /** A folder for the document (the caller removes it). */
  dir: string;
  /** Kill at least this many times... */
  kills: number;
  /** ...and until the writers acknowledged at least this many applies in total. */
  minApplies: number;
  seed: number;
  /** A round kills the writer after 1..this many acknowledged applies (plus a random 0-3 ms). */
  maxAcksBeforeKill?: number;
}

export interface CrashRunResult {
  kills: number;
  /** Applies the writers acknowledged, over all rounds. */
  applies: number;
  /** Acknowledged applies missing from the file after a kill (must be 0). */
  lostApplies: number;
  /** Kills after which the file did not open, failed integrity_check, or disagreed with itself (must be 0). */
  integrityFailures: number;
  /** What went wrong, one line per failure. */
  problems: string[];
}

interface Round {
  killed: boolean;
  acks: number;
  lastAck: number | null;
  exit: string;
  stderr: string;
}

/** Runs one writer and kills it after `killAfterAcks` acks (or `killAfterMs` since spawn, when given). */
function runRound(
  file: string,
  seed: number,
  killAfterAcks: number,
  delayMs: number,
  killAfterMs: number | null,
) {
  return new Promise<Round>((resolve) => {
    const child = spawn(process.execPath, [WRITER, file, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const round: Round = { killed: false, acks: 0, lastAck: null, exit: '', stderr: '' };
    let pending = '';
    const kill = () => {
      if (round.killed) return;
      round.killed = child.kill('SIGKILL');
    };
    const watchdog = setTimeout(kill, 20_000);
    if (killAfterMs !== null) setTimeout(kill, killAfterMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^ack (\d+)$/.exec(line);
        if (!match) continue;
        round.acks += 1;
        round.lastAck = Math.max(round.lastAck ?? 0, Number(match[1]));
        if (round.acks === killAfterAcks) setTimeout(kill, delayMs);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (round.stderr += chunk));
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      round.exit = signal ?? `exit code ${code}`;
      resolve(round);
    });
  });
}

/** Opens the document after a kill; returns the problems found (empty when sound) and the lost applies. */
function verify(file: string, lastAck: number | null): { problems: string[]; lost: number } {
  const problems: string[] = [];
  let lost = 0;
  try {
    const document = openDocumentFile(file);
    try {
      if (lastAck !== null && document.revision < lastAck) lost = lastAck - document.revision;
      const description = document.design.meta.description;
      if (document.revision > 0 && description !== `apply ${document.revision}`) {
        problems.push(`revision ${document.revision} holds the content of "${description}"`);
      }
    } finally {
      document.close();
    }
    const db = new Database(file, { readonly: true });
    try {
      const result = db.pragma('integrity_check', { simple: true });
      if (result !== 'ok') problems.push(`integrity_check: ${String(result)}`);
    } finally {
      db.close();
    }
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  return { problems, lost };
}

/** Creates a document in `options.dir` and runs kill rounds until both targets are met. */
export async function runCrashRounds(options: CrashRunOptions): Promise<CrashRunResult> {
  const file = path.join(options.dir, 'crash.mlarch');
  createDocumentFile(
    file,
    syntheticDesign({ components: 200, connections: 300, seed: options.seed }),
  ).close();
  const random = seededRandom(options.seed);
  const maxAcks = options.maxAcksBeforeKill ?? 40;
  const result: CrashRunResult = { kills: 0, applies: 0, lostApplies: 0, integrityFailures: 0, problems: [] };
  for (let round = 1; result.kills < options.kills || result.applies < options.minApplies; round++) {
    // Most rounds kill mid-edit; some kill at a random time after spawn, which may fall inside open.
    const killAfterMs = random() < 0.15 ? 50 + random() * 400 : null;
    const outcome = await runRound(
      file,
      options.seed + round,
      1 + Math.floor(random() * maxAcks),
      random() * 3,
      killAfterMs,
    );
    if (!outcome.killed) {
      result.integrityFailures += 1;
      result.problems.push(
        `round ${round}: the writer ended by itself (${outcome.exit}): ${outcome.stderr.trim()}`,
      );
      break;
    }
    result.kills += 1;
    result.applies += outcome.acks;
    const { problems, lost } = verify(file, outcome.lastAck);
    result.lostApplies += lost;
    if (lost > 0) result.problems.push(`round ${round}: ${lost} acknowledged applies are missing`);
    if (problems.length > 0) {
      result.integrityFailures += 1;
      result.problems.push(...problems.map((problem) => `round ${round}: ${problem}`));
    }
  }
  return result;
}

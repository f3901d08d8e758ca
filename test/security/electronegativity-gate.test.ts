import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runGate } from './electronegativity-gate.ts';

/*
 * The gate against the real linter on small folders made here: proof that a finding, a stale allow-list
 * entry and an unreadable file each fail it. `npm run lint:security` runs the same gate on electron/.
 */

beforeAll(() => {
  // What `node -r` does for the npm script: the linter's network look-ups fail at once.
  createRequire(import.meta.url)('./electronegativity-offline.cjs');
});

const insecureWindow = `import { BrowserWindow } from 'electron';
export const window = new BrowserWindow({
  webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false },
});
`;

function project(files: Record<string, string>, allowed: object[]) {
  const root = mkdtempSync(join(tmpdir(), 'mlarch-gate-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, 'electron', name, '..'), { recursive: true });
    writeFileSync(join(root, 'electron', name), text);
  }
  const allowListPath = join(root, 'allow.json');
  writeFileSync(allowListPath, JSON.stringify({ about: 'test', allowed }));
  return { root, input: join(root, 'electron'), sarifPath: join(root, 'out.sarif'), allowListPath };
}

describe('the Electronegativity gate', () => {
  it('fails on an insecure window that is not on the allow list, naming rule, file and line', async () => {
    const problems = await runGate(project({ 'main/window.ts': insecureWindow }, []));
    const located = problems.map((p) => /^([A-Z0-9_]+) at (\S+): /.exec(p)?.slice(1).join(' '));
    expect(located).toContain('CONTEXT_ISOLATION_JS_CHECK electron/main/window.ts:3');
    expect(located).toContain('SANDBOX_JS_CHECK electron/main/window.ts:3');
    expect(problems.every((p) => p.includes('Fix it, or add'))).toBe(true);
  });

  it('passes when every finding is listed, and fails on an entry that matches nothing', async () => {
    const problems = await runGate(project({ 'main/window.ts': insecureWindow }, []));
    const allowed = problems.map((p) => {
      const [, rule = '', file = ''] = /^([A-Z0-9_]+) at (.+?):\d+: /.exec(p) ?? [];
      return { rule, file, reason: 'test fixture' };
    });
    expect(allowed.length).toBeGreaterThan(1);
    expect(await runGate(project({ 'main/window.ts': insecureWindow }, allowed))).toEqual([]);
    const sandbox = allowed.find((e) => e.rule === 'SANDBOX_JS_CHECK');
    if (!sandbox) throw new Error('no sandbox finding');
    const fixed = insecureWindow.replace('sandbox: false', 'sandbox: true');
    expect(await runGate(project({ 'main/window.ts': fixed }, allowed))).toEqual([
      'allow.json excuses SANDBOX_JS_CHECK in electron/main/window.ts, which no longer has it: remove that entry.',
    ]);
  });

  it('fails on a file the linter cannot read, since it would go unchecked', async () => {
    const problems = await runGate(project({ 'main/broken.ts': 'export const = ;\n' }, []));
    const unread = problems.filter((p) => p.startsWith('Electronegativity could not read'));
    expect(unread).toHaveLength(1);
    expect(unread[0]).toMatch(
      /^Electronegativity could not read electron\/main\/broken\.ts \(.+\), so it went/,
    );
  });
});

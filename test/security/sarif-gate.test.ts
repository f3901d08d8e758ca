import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { APP_WIDE, describeVerdict, findingsOf, judge, parseAllowList } from './sarif-gate.ts';

const root = '/project';

function result(ruleId: string, uri: string, startLine: number): Result {
  return {
    ruleId,
    level: 'warning',
    message: { text: `${ruleId} message` },
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine } } }],
  };
}

function log(...results: Result[]): Log {
  return { version: '2.1.0', runs: [{ tool: { driver: { name: 'Electronegativity' } }, results }] };
}

describe('reading the SARIF', () => {
  it('names each finding by rule, file from the project root, line and message', () => {
    const findings = findingsOf(
      log(
        result('SANDBOX_JS_CHECK', '/project/electron/main/window.ts', 47),
        result('OPEN_EXTERNAL_JS_CHECK', pathToFileURL('/project/electron/main/a b.ts').href, 3),
        result('LIMIT_NAVIGATION_GLOBAL_CHECK', 'file:///', 1),
      ),
      root,
    );
    expect(findings).toEqual([
      {
        rule: 'SANDBOX_JS_CHECK',
        file: 'electron/main/window.ts',
        line: 47,
        message: 'SANDBOX_JS_CHECK message',
      },
      {
        rule: 'OPEN_EXTERNAL_JS_CHECK',
        file: 'electron/main/a b.ts',
        line: 3,
        message: 'OPEN_EXTERNAL_JS_CHECK message',
      },
      {
        rule: 'LIMIT_NAVIGATION_GLOBAL_CHECK',
        file: APP_WIDE,
        line: 1,
        message: 'LIMIT_NAVIGATION_GLOBAL_CHECK message',
      },
    ]);
  });
});

describe('judging findings against the allow list', () => {
  const sandbox = { rule: 'SANDBOX_JS_CHECK', file: 'electron/main/window.ts', line: 47, message: 'm..' };
  const entry = { rule: 'SANDBOX_JS_CHECK', file: 'electron/main/window.ts', reason: 'set by the helper' };

  it('passes a finding listed for its rule and file, wherever the line moved', () => {
    expect(judge([sandbox, { ...sandbox, line: 90 }], [entry])).toEqual({ unlisted: [], stale: [] });
  });

  it('fails a finding of a listed rule in another file, and of another rule in a listed file', () => {
    const otherFile = { ...sandbox, file: 'electron/main/other.ts' };
    const otherRule = { ...sandbox, rule: 'NODE_INTEGRATION_JS_CHECK' };
    expect(judge([sandbox, otherFile, otherRule], [entry]).unlisted).toEqual([otherFile, otherRule]);
  });

  it('fails an entry no finding needs any more', () => {
    expect(judge([], [entry])).toEqual({ unlisted: [], stale: [entry] });
  });

  it('says what to do about each problem', () => {
    const lines = describeVerdict({ unlisted: [sandbox], stale: [entry] }, 'test/security/allow.json');
    expect(lines).toEqual([
      'SANDBOX_JS_CHECK at electron/main/window.ts:47: m. Fix it, or add {"rule", "file", "reason"} for ' +
        'it to test/security/allow.json if it is a false positive.',
      'test/security/allow.json excuses SANDBOX_JS_CHECK in electron/main/window.ts, which no longer has ' +
        'it: remove that entry.',
    ]);
  });
});

describe('the allow list', () => {
  it('is well formed, and every entry gives a reason', () => {
    const text = readFileSync(join(import.meta.dirname, 'electronegativity-allow.json'), 'utf8');
    const entries = parseAllowList(text);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e.reason.length, `${e.rule} ${e.file}`).toBeGreaterThanOrEqual(10);
  });

  it('refuses an entry without a reason, with a misspelt key or a Windows path', () => {
    const list = (entry: object) => JSON.stringify({ about: '', allowed: [entry] });
    const ok = { rule: 'SANDBOX_JS_CHECK', file: 'electron/main/window.ts', reason: 'set by the helper' };
    expect(() => parseAllowList(list(ok))).not.toThrow();
    expect(() => parseAllowList(list({ ...ok, reason: ' ' }))).toThrow(/allowed.0.reason/);
    expect(() => parseAllowList(list({ ...ok, rules: 'x' }))).toThrow(/malformed/);
    expect(() => parseAllowList(list({ ...ok, file: 'electron\\main\\window.ts' }))).toThrow(/forward/);
  });
});

import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Log } from 'sarif';
import { z } from 'zod';

/*
 * The judging half of the security linter gate, apart from running the linter so tests can feed it SARIF
 * they wrote by hand: every finding must be on the checked-in allow list (rule + file + why), and every
 * allow-list entry must still match a finding, so the list never outlives the code it excuses.
 */

const allowEntrySchema = z.strictObject({
  rule: z.string().regex(/^[A-Z0-9_]+$/, 'a rule id as the linter prints it, e.g. SANDBOX_JS_CHECK'),
  file: z.string().regex(/^[^\\]+$/, 'a path from the project root, with forward slashes'),
  reason: z.string().trim().min(10, 'one line saying why this finding is acceptable'),
});

const allowListSchema = z.strictObject({
  about: z.string(),
  allowed: z.array(allowEntrySchema),
});

export type AllowEntry = z.infer<typeof allowEntrySchema>;

export interface Finding {
  rule: string;
  /** From the project root, with forward slashes. */
  file: string;
  line: number;
  message: string;
}

export interface Verdict {
  /** Findings no allow-list entry covers: each one fails the gate. */
  unlisted: Finding[];
  /** Allow-list entries no finding matches any more: each one fails the gate too. */
  stale: AllowEntry[];
}

/** Parses the allow list's JSON text; throws with the first problem when it is malformed. */
export function parseAllowList(text: string): AllowEntry[] {
  const parsed = allowListSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `The allow list is malformed at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
    );
  }
  return parsed.data.allowed;
}

/** The findings of a SARIF log, with file paths made relative to `root` (the project folder). */
export function findingsOf(log: Log, root: string): Finding[] {
  return log.runs.flatMap((run) =>
    (run.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      return {
        rule: result.ruleId ?? 'UNKNOWN_RULE',
        file: projectPath(location?.artifactLocation?.uri ?? '', root),
        line: location?.region?.startLine ?? 0,
        message: result.message.text ?? '',
      };
    }),
  );
}

/** Which findings the allow list does not cover, and which of its entries no finding needs. */
export function judge(findings: readonly Finding[], allowed: readonly AllowEntry[]): Verdict {
  const covers = (entry: AllowEntry, finding: Finding): boolean =>
    entry.rule === finding.rule && entry.file === finding.file;
  return {
    unlisted: findings.filter((finding) => !allowed.some((entry) => covers(entry, finding))),
    stale: allowed.filter((entry) => !findings.some((finding) => covers(entry, finding))),
  };
}

/** The gate's report: one line per problem, each saying what to do; empty when the gate passes. */
export function describeVerdict(verdict: Verdict, allowListName: string): string[] {
  return [
    ...verdict.unlisted.map(
      (f) =>
        `${f.rule} at ${f.file}:${f.line}: ${f.message.replace(/\.+$/, '')}. Fix it, or add {"rule", "file", "reason"} ` +
        `for it to ${allowListName} if it is a false positive.`,
    ),
    ...verdict.stale.map(
      (e) => `${allowListName} excuses ${e.rule} in ${e.file}, which no longer has it: remove that entry.`,
    ),
  ];
}

/** The file name of a finding about the app as a whole (the linter's global checks name no file). */
export const APP_WIDE = 'app-wide';

// The linter writes plain absolute paths, file: URIs, or (with -r) paths relative to its input, and
// file:/// for a finding about no file in particular.
function projectPath(uri: string, root: string): string {
  if (uri === '' || uri === 'file:///' || uri === 'N/A') return APP_WIDE;
  const path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  const fromRoot = isAbsolute(path) ? relative(root, path) : path;
  return fromRoot.split(sep).join('/');
}

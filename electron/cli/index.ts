import { readFileSync } from 'node:fs';
import { runCli } from './main.ts';

/*
 * The `mlarch` executable: plain Node, no Electron. Built to out/main/cli.js (the package's bin) and runnable
 * from source with Node 24 (`node electron/cli/index.ts`). Both sit two folders below package.json.
 */

function appVersion(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTty: process.stderr.isTTY === true,
  version: appVersion(),
});

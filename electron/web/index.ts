import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../host/dispatch.ts';
import { createHostServices } from '../host/services.ts';
import { workspaceGuard } from '../host/workspace.ts';
import { createWebServer, listen } from './server.ts';

/*
 * `npm run web`: the UI in a browser, served on 127.0.0.1 with the same host services as the desktop app.
 * Used by the end-to-end tests (each with its own temp workspace) and by anyone without the Electron binary.
 */

const USAGE = `Usage: node out/main/web.js [--workspace <dir>] [--user-data <dir>] [--port <n>]
  --workspace  folder where designs are created and opened (default: ~/MLArch Studio)
  --user-data  folder for the host's own files, e.g. recent documents (default: <workspace>/.mlarch-web)
  --port       port on 127.0.0.1 (default: chosen by the OS)`;

function main(): void {
  let args;
  try {
    args = parseArgs({
      options: {
        workspace: { type: 'string' },
        'user-data': { type: 'string' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const port = args.port === undefined ? 0 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${args.port}".\n${USAGE}`);
    process.exit(2);
  }
  const workspace = resolve(args.workspace ?? join(homedir(), 'MLArch Studio'));
  const userDataDir = resolve(args['user-data'] ?? join(workspace, '.mlarch-web'));
  mkdirSync(workspace, { recursive: true });
  mkdirSync(userDataDir, { recursive: true });

  // Built as out/main/web.js: the renderer is out/renderer, the templates are in the repository's resources/.
  const here = dirname(fileURLToPath(import.meta.url));
  const appRoot = resolve(here, '..', '..');
  const services = createHostServices({
    host: 'web',
    workspace,
    userDataDir,
    templatesDir: join(appRoot, 'resources', 'templates'),
    appVersion: readVersion(join(appRoot, 'package.json')),
    guard: workspaceGuard(workspace),
  });
  const dispatcher = createDispatcher(services.handlers, (error) => console.error(error));
  const token = randomBytes(24).toString('base64url');
  const server = createWebServer({
    dispatcher,
    rendererDir: join(appRoot, 'out', 'renderer'),
    token,
    onError: (error) => console.error(error),
  });

  const shutdown = (): void => {
    server.close();
    server.closeAllConnections();
    services.dispose();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  listen(server, port).then(
    (actualPort) => console.log(`MLArch Studio is running at http://127.0.0.1:${actualPort}/?token=${token}`),
    (error: unknown) => {
      console.error(`The web host could not listen on 127.0.0.1:${port}: ${String(error)}`);
      services.dispose();
      process.exit(1);
    },
  );
}

function readVersion(packageJson: string): string {
  try {
    return String(
      (JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown }).version ?? '0.0.0',
    );
  } catch {
    return '0.0.0';
  }
}

main();

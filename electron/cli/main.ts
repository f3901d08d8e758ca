import { analyzeCommand } from './analyze-command.ts';
import type { CliCommand, CliIo } from './io.ts';
import { UsageError } from './io.ts';

/*
 * `mlarch <command> FILE [flags]`: the analysis engine headless, for CI gates and scripts. Results go to
 * stdout, one-line errors to stderr; exit 0 on success, 1 when a gate fails, 2 for bad usage or a file that
 * cannot be read. Progress only when stderr is a terminal.
 */

const commands: readonly CliCommand[] = [analyzeCommand];

export const USAGE = `Usage: mlarch <command> FILE [flags]

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

FILE is a .mlarch design or a design's canonical JSON export.
Run "mlarch <command> --help" for a command's flags.`;

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`mlarch: unknown command "${name}". Run "mlarch --help" for the commands.\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mlarch ${command.name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

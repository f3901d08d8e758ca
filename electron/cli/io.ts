/** What a command may touch: its output streams, the terminal check, the files it names. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress is written only when stderr is a terminal (never into a CI log or a pipe). */
  readonly stderrIsTty: boolean;
  readonly version: string;
}

export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  /** Runs with the arguments after the command name; returns the exit code. Throws UsageError for bad usage. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Bad usage or an unreadable file: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

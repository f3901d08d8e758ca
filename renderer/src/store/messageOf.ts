/** The text of something thrown, for the user: the host's errors arrive as Errors carrying a readable message. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

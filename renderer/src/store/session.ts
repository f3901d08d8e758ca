const OPEN_PATH_KEY = 'mlarch.openPath';

/*
 * The path of the open document, kept for this tab only (sessionStorage), so that a reload reopens what
 * the user was working on while a new window starts on the start screen.
 */
export function rememberOpenPath(path: string | null): void {
  try {
    if (path) sessionStorage.setItem(OPEN_PATH_KEY, path);
    else sessionStorage.removeItem(OPEN_PATH_KEY);
  } catch {
    // Storage can be disabled; reopening after a reload is a convenience, not a requirement.
  }
}

export function rememberedOpenPath(): string | null {
  try {
    return sessionStorage.getItem(OPEN_PATH_KEY);
  } catch {
    return null;
  }
}

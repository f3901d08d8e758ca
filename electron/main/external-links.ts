import type { BrowserWindowLike, DialogLike, MessageBoxOptionsLike, ShellLike } from './electron-like.ts';
import { externalHttpUrl } from './origin.ts';

/*
 * Links leave the app only after the user confirms the exact URL in a native message box. An allow list
 * cannot do: the links the page opens come from design content (documentation links on components,
 * decisions), which is typed by users or arrives in files from others, so no fixed list covers them, and
 * a list would let a compromised page open any URL on a listed host without anyone seeing it. The box shows
 * the URL as parsed (an internationalised host in its xn-- form, so a look-alike shows), and Cancel is the
 * default, so pressing Enter never opens a link by accident.
 */

const CANCEL = 0;
const OPEN = 1;

export interface ExternalLinkOptions {
  dialog: Pick<DialogLike, 'showMessageBox'>;
  shell: ShellLike;
  getWindow(): BrowserWindowLike | null;
  log(message: string, detail: unknown): void;
}

/** The confirmation asked before `url` (parsed, http(s)) opens in the system browser. */
export function confirmLinkOptions(url: URL): MessageBoxOptionsLike {
  return {
    type: 'question',
    title: 'Open Link',
    message: `Open this link from ${url.host} in your browser?`,
    detail: url.href,
    buttons: ['Cancel', 'Open Link'],
    defaultId: CANCEL,
    cancelId: CANCEL,
    noLink: true,
  };
}

/**
 * Returns the function main calls to open a link: non-http(s) URLs are dropped, others wait for the user's
 * yes. One question at a time: a page asking again while the box is up is refused (and logged), so a page
 * cannot bury the user under boxes.
 */
export function createExternalLinkOpener(options: ExternalLinkOptions): (raw: string) => Promise<void> {
  let asking = false;
  return async (raw) => {
    const safe = externalHttpUrl(raw);
    if (!safe) return;
    if (asking) {
      options.log('Refused a link while another one waits for confirmation.', safe);
      return;
    }
    const url = new URL(safe);
    asking = true;
    try {
      const { response } = await options.dialog.showMessageBox(options.getWindow(), confirmLinkOptions(url));
      if (response === OPEN) await options.shell.openExternal(url.href);
    } finally {
      asking = false;
    }
  };
}

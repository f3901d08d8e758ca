import { contract, type Channel, type RequestOf, type ResponseOf, type Result } from '../../shared/api.ts';
import type { z } from 'zod';

/** The service behind each channel. A host serves a subset (the web host has no native dialogs). */
export type Handlers = {
  [C in Channel]?: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

/** An error whose message is written for the user; anything else is reported as an internal error. */
export class UserError extends Error {
  override name = 'UserError';
}

export interface Dispatcher {
  /** True when this host serves `channel`. */
  has(channel: string): channel is Channel;
  /**
   * Parses `payload` against the channel's request schema and calls its service. Never throws: a payload
   * that fails its schema never reaches the service, and every failure becomes `{ ok: false, error }`.
   */
  dispatch(channel: string, payload: unknown): Promise<Result<unknown>>;
}

/** Reads the first zod issue as one sentence: "ops[0].component.name: A name cannot be empty." */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request is malformed.';
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return path ? `${path.replace(/^\./, '')}: ${issue.message}` : issue.message;
}

/** Builds the one wrapper every handler goes through, for IPC and HTTP alike. */
export function createDispatcher(
  handlers: Handlers,
  onInternalError: (error: unknown) => void = () => {},
): Dispatcher {
  const has = (channel: string): channel is Channel =>
    Object.hasOwn(contract, channel) && typeof handlers[channel as Channel] === 'function';

  return {
    has,
    async dispatch(channel, payload) {
      if (!has(channel)) return { ok: false, error: `This host does not serve "${channel}".` };
      const parsed = contract[channel].request.safeParse(payload);
      if (!parsed.success)
        return { ok: false, error: `Invalid request to ${channel}: ${describeZodError(parsed.error)}` };
      const handler = handlers[channel] as (request: unknown) => Promise<unknown> | unknown;
      try {
        return { ok: true, data: await handler(parsed.data) };
      } catch (error) {
        if (error instanceof Error && isUserFacing(error)) return { ok: false, error: error.message };
        onInternalError(error);
        return {
          ok: false,
          error: `Something went wrong in ${channel}. The document was not changed. (${internalSummary(error)})`,
        };
      }
    },
  };
}

// Errors from our own layers carry messages written for people; a TypeError from a bug does not.
const userFacingNames = new Set(['UserError', 'OperationError', 'DocumentFileError', 'DesignFormatError']);
function isUserFacing(error: Error): boolean {
  return userFacingNames.has(error.name);
}

// An internal error's message may carry paths and internals the page has no business seeing (it is
// logged in full): the page gets its kind and system error code only, e.g. "Error EACCES".
function internalSummary(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? `${error.name} ${code}` : error.name;
}

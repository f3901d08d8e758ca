/*
 * The contract's channel and event names as plain literals, with no imports, so the sandboxed preload can
 * use them without bundling zod. A unit test keeps these lists equal to the keys of `contract` and `events`
 * in shared/api.ts, and the preload's `satisfies MlarchApi` check fails to compile if they drift.
 */

/** Every request/response channel of the contract, in contract order. */
export const channelNames = [
  'app.info',
  'doc.new',
  'doc.open',
  'doc.close',
  'doc.apply',
  'doc.get',
  'doc.saveAs',
  'recent.list',
  'recent.clear',
  'templates.list',
  'workspace.list',
  'dialog.openDocument',
  'dialog.saveDocument',
] as const;

/** Every main → renderer event name. */
export const eventNames = ['menu.command'] as const;

export type ChannelName = (typeof channelNames)[number];
export type EventName = (typeof eventNames)[number];

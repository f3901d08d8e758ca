import type { ConnectionKind } from '../../model/catalog/types.ts';
import type { GraphConnection } from '../graph.ts';

/*
 * Who pays for data moved over a connection (DOMAIN.md §2.0: egress needs a payload per call): the side that
 * sends the bulk. A call's (and a fallback's) response leaves its target; an event, a data flow, a batch transfer
 * or a deploy carries data out of its source; a monitor pulls its signals out of what it observes.
 */

/** Connection kinds whose target sends the bulk of the data; the others' source does. */
const TARGET_SENDS: ReadonlySet<ConnectionKind> = new Set(['call', 'fallback', 'observes']);

/** The component whose egress price applies to data moved over `edge`. */
export function egressSender(edge: GraphConnection): number {
  return TARGET_SENDS.has(edge.kind) ? edge.target : edge.source;
}

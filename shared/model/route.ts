import type { ConnectionKind } from './catalog/types.ts';

/*
 * A journey's default route (DOMAIN.md §2.0): the request path, everything reachable from the entry over sync
 * connections, plus what that request sets off and pays for per request: events and data flows (any mode)
 * and onward from their targets. Batch transfers, deploys and monitoring are not driven by requests, so a
 * default route never takes them; a user can add them to a route by hand.
 */

/** Connection kinds a default route follows even when they are async: each request causes one. */
const PER_REQUEST_KINDS: ReadonlySet<ConnectionKind> = new Set(['call', 'fallback', 'event', 'data-flow']);

/** What the default route needs to know about a connection. */
export interface RouteEdge {
  readonly kind: ConnectionKind;
  readonly sync: boolean;
  readonly target: number;
}

/** True when a default route follows `edge`: any sync connection, or an event or data flow. */
export function followedByDefault(edge: RouteEdge): boolean {
  return edge.sync || PER_REQUEST_KINDS.has(edge.kind);
}

/** The connection indices of the default route from `entry`, ascending. Linear in what it reaches. */
export function defaultRoute(
  entry: number,
  outgoing: readonly (readonly number[])[],
  edges: readonly RouteEdge[],
): number[] {
  const seen = new Set<number>([entry]);
  const route: number[] = [];
  const stack = [entry];
  while (stack.length > 0) {
    const u = stack.pop() as number;
    for (const e of outgoing[u] ?? []) {
      const edge = edges[e] as RouteEdge;
      if (!followedByDefault(edge)) continue;
      route.push(e);
      if (!seen.has(edge.target)) {
        seen.add(edge.target);
        stack.push(edge.target);
      }
    }
  }
  return route.sort((a, b) => a - b);
}

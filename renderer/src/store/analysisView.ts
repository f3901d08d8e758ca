import { create } from 'zustand';
import type { ComparisonMetric } from '../../../shared/model/document.ts';

/*
 * What the analysis tabs show: the chosen cut set, breakdown, traffic multiple and tornado metric. View state of
 * this window, never written to the document.
 */

export type CostGrouping = 'component' | 'kind' | 'team';

interface AnalysisViewState {
  /** The selected cut set, as its member ids joined by "+"; null for none. */
  readonly cutSet: string | null;
  readonly costGrouping: CostGrouping;
  /** Multiple of the design's traffic the Cost tab reads the traffic curve at. */
  readonly trafficMultiplier: number;
  readonly tornadoMetric: ComparisonMetric;
  /** The component under the pointer on the canvas, for its contribution tooltip. */
  readonly hovered: { readonly id: string; readonly x: number; readonly y: number } | null;
  set(changes: Partial<Omit<AnalysisViewState, 'set'>>): void;
}

export const useAnalysisView = create<AnalysisViewState>()((set) => ({
  cutSet: null,
  costGrouping: 'component',
  trafficMultiplier: 1,
  tornadoMetric: 'latency-p95',
  hovered: null,
  set: (changes) => set(changes),
}));

/** The key of a cut set in the view state. */
export function cutSetKey(componentIds: readonly string[]): string {
  return componentIds.join('+');
}

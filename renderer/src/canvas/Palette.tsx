import { useMemo, useState } from 'react';
import type { CSSProperties, DragEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { kindSpecs } from '../../../shared/model/catalog/index.ts';
import type { KindCategory, KindSpec } from '../../../shared/model/catalog/types.ts';
import { addComponent } from '../store/commands.ts';
import { editorStore } from '../store/index.ts';
import { KIND_MIME } from './dropTarget.ts';
import { COMPONENT_NODE_SIZE } from './flowTypes.ts';

const CATEGORY_LABELS: Record<KindCategory, string> = {
  client: 'Clients & entry',
  serving: 'Serving',
  llm: 'LLM & retrieval',
  data: 'Data & pipelines',
  storage: 'Storage',
  mlops: 'MLOps',
  operations: 'Operations',
  security: 'Security',
  compute: 'Compute',
  external: 'External',
  boundary: 'Boundaries',
};

function matches(spec: KindSpec, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return [spec.label, spec.kind, spec.description, CATEGORY_LABELS[spec.category]].some((t) =>
    t.toLowerCase().includes(q),
  );
}

function onDragStart(event: DragEvent, spec: KindSpec) {
  event.dataTransfer.setData(KIND_MIME, spec.kind);
  event.dataTransfer.effectAllowed = 'move';
}

/** The left pane: every catalog kind by category; drag one onto the canvas, or click to place it in view. */
export function Palette() {
  const [query, setQuery] = useState('');
  const { screenToFlowPosition } = useReactFlow();

  const groups = useMemo(() => {
    const byCategory = new Map<KindCategory, KindSpec[]>();
    for (const spec of kindSpecs) {
      if (!matches(spec, query.trim())) continue;
      byCategory.set(spec.category, [...(byCategory.get(spec.category) ?? []), spec]);
    }
    return [...byCategory.entries()];
  }, [query]);

  // Clicking places the kind in the middle of what the canvas shows, for people who do not drag.
  const placeInView = (spec: KindSpec) => {
    const pane = document.querySelector('.canvas-pane')?.getBoundingClientRect();
    if (!pane) return;
    const centre = screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 });
    // Successive clicks fan out a little instead of stacking exactly on top of each other.
    const count = editorStore.getState().design?.components.length ?? 0;
    const jitter = (count % 5) * 24 - 48;
    addComponent(
      spec.kind,
      {
        x: Math.round(centre.x - COMPONENT_NODE_SIZE.width / 2 + jitter),
        y: Math.round(centre.y - COMPONENT_NODE_SIZE.height / 2 + jitter),
      },
      null,
    );
  };

  return (
    <aside className="palette" aria-label="Palette">
      <input
        className="palette-filter"
        type="search"
        placeholder="Filter components…"
        aria-label="Filter components"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="palette-groups">
        {groups.length === 0 && <p className="muted">No component kind matches &ldquo;{query}&rdquo;.</p>}
        {groups.map(([category, specs]) => (
          <section key={category} className="palette-group" aria-label={CATEGORY_LABELS[category]}>
            <h2>{CATEGORY_LABELS[category]}</h2>
            <ul>
              {specs.map((spec) => (
                <li key={spec.kind}>
                  <button
                    type="button"
                    className="palette-item"
                    draggable
                    onDragStart={(e) => onDragStart(e, spec)}
                    onClick={() => placeInView(spec)}
                    title={spec.description}
                    aria-label={spec.label}
                    style={{ '--accent': spec.colour } as CSSProperties}
                  >
                    <span className="palette-icon" aria-hidden="true">
                      {spec.icon}
                    </span>
                    <span>{spec.label}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}

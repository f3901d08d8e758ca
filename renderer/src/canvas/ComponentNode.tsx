import { memo } from 'react';
import type { CSSProperties } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { ComponentFlowNode } from './flowTypes.ts';

/** A component on the canvas: kind glyph, name and kind label, with its kind's accent colour. */
function ComponentNodeView({ data, selected }: NodeProps<ComponentFlowNode>) {
  const style = { '--accent': data.colour } as CSSProperties;
  return (
    <div
      className={selected ? 'flow-node selected' : 'flow-node'}
      style={style}
      title={`${data.name} (${data.label})`}
    >
      <Handle type="target" position={Position.Left} aria-label={`Connect into ${data.name}`} />
      <span className="flow-node-icon" aria-hidden="true">
        {data.icon}
      </span>
      <span className="flow-node-text">
        <span className="flow-node-name">{data.name}</span>
        <span className="flow-node-kind">{data.label}</span>
      </span>
      {data.routeEntry && (
        <span className="route-entry-badge" title="The journey starts here">
          ▶ Entry
        </span>
      )}
      <Handle type="source" position={Position.Right} aria-label={`Connect from ${data.name}`} />
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);

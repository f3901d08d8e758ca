import { memo } from 'react';
import type { CSSProperties } from 'react';
import { NodeResizer } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { BoundaryFlowNode } from './flowTypes.ts';

/** A boundary (region, trust boundary, environment, team): a labelled container the user can resize.
 * The resize is committed by the canvas when React Flow reports its end, like a drag. */
function BoundaryNodeView({ data, selected }: NodeProps<BoundaryFlowNode>) {
  const style = { '--accent': data.colour } as CSSProperties;
  return (
    <div className={selected ? 'flow-boundary selected' : 'flow-boundary'} style={style}>
      <NodeResizer isVisible={selected} minWidth={160} minHeight={100} color={data.colour} />
      <div className="flow-boundary-label">
        <span aria-hidden="true">{data.icon}</span> {data.name}{' '}
        <span className="flow-boundary-kind">{data.label}</span>
      </div>
    </div>
  );
}

export const BoundaryNode = memo(BoundaryNodeView);

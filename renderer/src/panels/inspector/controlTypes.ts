import type { AttrValue } from '../../../../shared/model/attributes.ts';
import type { AttrSpec } from '../../../../shared/model/catalog/types.ts';

/** Sends a new value of one attribute; the command drops it when it equals the stored one. */
export type CommitAttribute = (spec: AttrSpec, value: AttrValue) => void;

/** What every attribute control gets from its row. */
export interface AttributeControlProps {
  readonly spec: AttrSpec;
  readonly value: AttrValue;
  /** The control's id: its row's label points at it. */
  readonly inputId: string;
  /** Ids of the help text (and the "assumed" marker) that describe the control. */
  readonly describedBy: string;
  readonly onCommit: CommitAttribute;
}

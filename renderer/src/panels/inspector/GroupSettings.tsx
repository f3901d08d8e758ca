import { useState } from 'react';
import type { ConnectionGroup, Design } from '../../../../shared/model/document.ts';
import type { GroupJoin } from '../../../../shared/model/group-commands.ts';
import { groupMembers } from '../../../../shared/model/group-commands.ts';
import { ChoiceShares } from './ChoiceShares.tsx';
import { renameGroup, setGroupJoin, setGroupType } from './requestPathCommands.ts';

/*
 * The settings of the group the selected connection is in, stored once for the group: its name, whether it
 * is a choice (exactly one member taken) or a parallel step, the join of a parallel step, and the shares of
 * a choice. Each change is one undo step.
 */

function nameOf(design: Design, id: string): string {
  return design.components.find((c) => c.id === id)?.name ?? '?';
}

function isJoin(value: string): value is GroupJoin {
  return value === 'all' || value === 'any' || value === 'k-of-n';
}

/**
 * A text or number field that commits on Enter or leaving it, and goes back to the saved value on Escape or
 * when the commit is refused (the banner says why).
 */
function CommitField(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly type?: 'text' | 'number';
  readonly onCommit: (text: string) => boolean;
}) {
  const [draft, setDraft] = useState(props.value);
  const commit = () => {
    if (draft.trim() === '') setDraft(props.value);
    else if (draft !== props.value && !props.onCommit(draft)) setDraft(props.value);
  };
  return (
    <input
      id={props.id}
      aria-label={props.label}
      type={props.type ?? 'text'}
      value={draft}
      maxLength={200}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          setDraft(props.value);
        }
      }}
    />
  );
}

function JoinSettings({ group, members }: { group: ConnectionGroup; members: number }) {
  const k = group.joinK ?? Math.max(1, members - 1);
  return (
    <>
      <div className="rp-row">
        <label htmlFor="rp-group-join">Completes when</label>
        <select
          id="rp-group-join"
          value={group.join ?? 'all'}
          onChange={(e) => {
            const join = e.target.value;
            if (isJoin(join)) setGroupJoin(group.id, join, join === 'k-of-n' ? k : null);
          }}
        >
          <option value="all">all answer</option>
          <option value="any">any answers</option>
          <option value="k-of-n">k of n answer</option>
        </select>
      </div>
      {group.join === 'k-of-n' && (
        <div className="rp-row">
          <label htmlFor="rp-group-k">k (of {members})</label>
          <CommitField
            key={`${group.id}:${k}`}
            id="rp-group-k"
            label="k"
            type="number"
            value={String(k)}
            onCommit={(text) => setGroupJoin(group.id, 'k-of-n', Number(text))}
          />
        </div>
      )}
      <p className="muted small">
        The members run at once;{' '}
        {group.join === 'any'
          ? 'the first answer completes the step.'
          : group.join === 'k-of-n'
            ? `the step completes when ${k} of them have answered.`
            : 'the step completes when every one has answered.'}
      </p>
    </>
  );
}

export function GroupSettings({
  group,
  design,
}: {
  readonly group: ConnectionGroup;
  readonly design: Design;
}) {
  const members = groupMembers(design, group.id);
  return (
    <div className="rp-group" role="group" aria-label={`Group ${group.name}`}>
      <div className="rp-row">
        <label htmlFor="rp-group-name">Group name</label>
        <CommitField
          key={`${group.id}:${group.name}`}
          id="rp-group-name"
          label="Group name"
          value={group.name}
          onCommit={(name) => renameGroup(group.id, name)}
        />
      </div>
      <div className="rp-row">
        <label htmlFor="rp-group-type">Type</label>
        <select
          id="rp-group-type"
          value={group.type}
          onChange={(e) => setGroupType(group.id, e.target.value === 'parallel' ? 'parallel' : 'exclusive')}
        >
          <option value="exclusive">choice</option>
          <option value="parallel">parallel</option>
        </select>
      </div>
      {group.type === 'exclusive' && (
        <p className="muted small">Exactly one branch is taken per request, with these shares.</p>
      )}
      {group.type === 'parallel' ? (
        <>
          <p className="muted small">
            Members: {members.map((e) => `to ${nameOf(design, e.targetId)}`).join(', ')}.
          </p>
          <JoinSettings group={group} members={members.length} />
        </>
      ) : (
        <ChoiceShares
          key={members.map((e) => `${e.id}:${String(e.attributes.probability)}`).join(',')}
          group={group}
          members={members}
          design={design}
        />
      )}
    </div>
  );
}

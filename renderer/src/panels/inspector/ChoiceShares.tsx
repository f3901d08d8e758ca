import { useState } from 'react';
import type { Connection, ConnectionGroup, Design } from '../../../../shared/model/document.ts';
import {
  CHOICE_SHARE_TOLERANCE,
  formatPercent,
  rescaledShares,
  shareOf,
} from '../../../../shared/model/group-commands.ts';
import { setShares } from './requestPathCommands.ts';

/*
 * The shares of a choice, edited together: the user types percentages, sees the total, and saves them in
 * one step only when they add up to 100 % (the model refuses otherwise, and says so here). "Normalise"
 * rescales them to 100 % keeping their ratios and saves. Untouched rows keep their exact stored fraction, so
 * a normalised 1/3 is not rounded by its display.
 */

/** A stored fraction as the percentage shown in its field (at most 4 decimals). */
function percentText(fraction: number): string {
  return String(Number((fraction * 100).toFixed(4)));
}

/** A typed percentage as a fraction, or NaN when it is not a number. */
function fractionOf(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return Number.NaN;
  return Number((Number(trimmed) / 100).toPrecision(12));
}

export function ChoiceShares(props: {
  readonly group: ConnectionGroup;
  readonly members: readonly Connection[];
  readonly design: Design;
}) {
  const { group, members, design } = props;
  const [edits, setEdits] = useState<Readonly<Record<string, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const values = members.map((e) => {
    const typed = edits[e.id];
    return typed === undefined ? shareOf(e) : fractionOf(typed);
  });
  const total = values.reduce((a, b) => a + b, 0);
  const sound = Number.isFinite(total) && Math.abs(total - 1) <= CHOICE_SHARE_TOLERANCE;
  const edited = Object.keys(edits).length > 0;
  const targetName = (e: Connection) => design.components.find((c) => c.id === e.targetId)?.name ?? '?';
  const byId = (shares: readonly number[]) =>
    Object.fromEntries(members.map((e, i) => [e.id, shares[i] ?? 0]));
  const save = (shares: readonly number[]) => {
    const refused = setShares(group.id, byId(shares));
    setProblem(refused);
    if (refused === null) setEdits({});
  };
  return (
    <div className="rp-shares">
      <table>
        <thead>
          <tr>
            <th scope="col">Branch</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {members.map((e, i) => {
            const inputId = `rp-share-${e.id}`;
            return (
              <tr key={e.id}>
                <td>
                  <label htmlFor={inputId}>to {targetName(e)}</label>
                </td>
                <td>
                  <input
                    id={inputId}
                    className="attr-number"
                    aria-label={`Share of the branch to ${targetName(e)}`}
                    inputMode="decimal"
                    value={edits[e.id] ?? percentText(values[i] ?? 0)}
                    onChange={(ev) => {
                      setEdits({ ...edits, [e.id]: ev.target.value });
                      setProblem(null);
                    }}
                    onKeyDown={(ev) => {
                      if (ev.key === 'Enter') {
                        ev.preventDefault();
                        save(values);
                      }
                    }}
                  />{' '}
                  %
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td data-testid="rp-share-total" className={sound ? undefined : 'rp-off'}>
              {Number.isFinite(total) ? formatPercent(total) : 'not a number'}
            </td>
          </tr>
        </tfoot>
      </table>
      {!sound && !problem && (
        <p className="rp-warning">
          Exactly one branch is taken per request, so the shares must add up to 100 %
          {edited ? '' : '; until they do, the analyses refuse this choice'}.
        </p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="rp-actions">
        <button type="button" disabled={!edited} onClick={() => save(values)}>
          Save shares
        </button>
        <button
          type="button"
          disabled={sound || !values.every((v) => Number.isFinite(v) && v >= 0)}
          onClick={() => save(rescaledShares(values))}
        >
          Normalise
        </button>
      </div>
    </div>
  );
}

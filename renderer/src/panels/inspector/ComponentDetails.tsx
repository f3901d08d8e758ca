import { getKindSpec } from '../../../../shared/model/catalog/index.ts';
import type { Component } from '../../../../shared/model/document.ts';
import { renameComponent } from '../../store/commands.ts';
import { NewJourneyFromHere } from '../journeys/NewJourneyFromHere.tsx';
import { NameField } from '../NameField.tsx';
import { AttributeSections } from './AttributeSections.tsx';
import { DeleteButton } from './DeleteButton.tsx';

interface ComponentDetailsProps {
  readonly component: Component;
  readonly parentName: string | null;
}

/** One selected component: name, kind, position, then its attributes by group. */
export function ComponentDetails({ component, parentName }: ComponentDetailsProps) {
  const spec = getKindSpec(component.kind);
  return (
    <>
      <div className="inspector-header">
        <h2>{spec.boundary ? 'Boundary' : 'Component'}</h2>
        <DeleteButton label={`Delete ${component.name}`} />
      </div>
      <div className="field">
        <label htmlFor="inspector-name">Name</label>
        <NameField
          key={`${component.id}:${component.name}`}
          value={component.name}
          onCommit={(name) => renameComponent(component.id, name)}
        />
      </div>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>
          <span className="kind-chip" style={{ borderColor: spec.colour }}>
            <span aria-hidden="true">{spec.icon}</span> {spec.label}
          </span>
        </dd>
        <dt>Position</dt>
        <dd>
          x {Math.round(component.position.x)}, y {Math.round(component.position.y)}
          {parentName ? ` in ${parentName}` : ''}
        </dd>
      </dl>
      <p className="muted small">{spec.description}</p>
      <NewJourneyFromHere component={component} />
      <AttributeSections
        key={component.id}
        ownerType="component"
        ownerId={component.id}
        specs={spec.attributes}
        kindLabel={spec.label}
        attributes={component.attributes}
      />
    </>
  );
}

import type { Component, Design } from '../../../shared/model/document.ts';
import { createComponent } from '../../../shared/model/factory.ts';
import type { Operation } from '../../../shared/model/operations.ts';

/*
 * Random single-operation edits of the kinds a user makes all day (move, rename, add, remove), for the
 * store benchmark and the crash writer. Removals only take components this generator added, which have no
 * connections or children, so every edit is one operation the design accepts.
 */

export type EditKind = 'move' | 'rename' | 'add' | 'remove';

/** Random edits against a design that the caller keeps up to date. */
export class RandomEdits {
  readonly #random: () => number;
  /** Ids of components added by this generator and not yet removed. */
  readonly #added: string[] = [];
  #count = 0;

  constructor(random: () => number) {
    this.#random = random;
  }

  /** The next edit: 35 % move, 25 % rename, 25 % add, 15 % remove (add when nothing can be removed). */
  next(design: Design): { kind: EditKind; op: Operation } {
    this.#count += 1;
    const roll = this.#random();
    if (roll < 0.35) return { kind: 'move', op: this.#move(design) };
    if (roll < 0.6) return { kind: 'rename', op: this.#rename(design) };
    const removable = roll >= 0.85 ? this.#added.pop() : undefined;
    if (removable !== undefined) return { kind: 'remove', op: { type: 'component.remove', id: removable } };
    return { kind: 'add', op: this.#add(design) };
  }

  #pick(design: Design): Component {
    const component = design.components[Math.floor(this.#random() * design.components.length)];
    if (!component) throw new Error('The design has no components to edit.');
    return component;
  }

  #move(design: Design): Operation {
    const { id } = this.#pick(design);
    const position = { x: Math.round(this.#random() * 10_000), y: Math.round(this.#random() * 10_000) };
    return { type: 'component.update', id, changes: { position } };
  }

  #rename(design: Design): Operation {
    const { id } = this.#pick(design);
    return { type: 'component.update', id, changes: { name: `Renamed ${this.#count}` } };
  }

  #add(design: Design): Operation {
    const scenario = design.scenarios[0];
    if (!scenario) throw new Error('The design has no scenario.');
    const component = createComponent({
      scenarioId: scenario.id,
      kind: 'model-server',
      name: `Added ${this.#count}`,
      position: { x: Math.round(this.#random() * 10_000), y: Math.round(this.#random() * 10_000) },
    });
    this.#added.push(component.id);
    return { type: 'component.add', component };
  }
}

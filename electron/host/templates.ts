import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDesign } from '../../shared/model/canonical.ts';
import type { Design } from '../../shared/model/document.ts';
import { UserError } from './dispatch.ts';

const TEMPLATE_SUFFIX = '.design.json';

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  componentCount: number;
}

/** The golden-path templates shipped in resources/templates, as canonical design JSON files. */
export class TemplateLibrary {
  readonly #folder: string;
  #cache: Map<string, Design> | null = null;

  constructor(folder: string) {
    this.#folder = folder;
  }

  list(): TemplateSummary[] {
    return [...this.#all().entries()].map(([id, design]) => ({
      id,
      name: design.meta.name,
      description: design.meta.description,
      componentCount: design.components.length,
    }));
  }

  /** The template's design; throws a UserError when there is no such template. */
  get(id: string): Design {
    const design = this.#all().get(id);
    if (!design) throw new UserError(`There is no template "${id}". Pick one from the list of templates.`);
    return design;
  }

  // Templates ship with the app and never change while it runs: read them once.
  #all(): Map<string, Design> {
    if (this.#cache) return this.#cache;
    const templates = new Map<string, Design>();
    let names: string[];
    try {
      names = readdirSync(this.#folder)
        .filter((n) => n.endsWith(TEMPLATE_SUFFIX))
        .sort();
    } catch {
      names = [];
    }
    for (const name of names) {
      const id = name.slice(0, -TEMPLATE_SUFFIX.length);
      // A broken template is a build defect; the unit tests load every shipped template.
      templates.set(id, parseDesign(readFileSync(join(this.#folder, name), 'utf8')));
    }
    this.#cache = templates;
    return templates;
  }
}

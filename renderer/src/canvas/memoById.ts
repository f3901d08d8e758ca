/** How one source item becomes a view object; `inputsOf` lists everything that object is built from. */
export interface MemoRecipe<S, T> {
  readonly idOf: (source: S) => string;
  readonly inputsOf: (source: S) => readonly unknown[];
  readonly build: (source: S) => T;
}

interface Built<T> {
  readonly inputs: readonly unknown[];
  readonly value: T;
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((input, i) => input === b[i]);
}

/**
 * Maps lists to view objects, handing back the previous call's object for an id whose inputs are all
 * identical (===). React Flow skips a node or an edge whose object it has already seen, so a drag frame
 * or a selection click re-renders the elements it touched instead of every element of a large design.
 * Ids missing from a call are forgotten, so deleted elements are not kept alive.
 */
export function createMemoById<T>(): <S>(sources: readonly S[], recipe: MemoRecipe<S, T>) => T[] {
  let previous = new Map<string, Built<T>>();
  return (sources, recipe) => {
    const next = new Map<string, Built<T>>();
    const values = sources.map((source) => {
      const id = recipe.idOf(source);
      const inputs = recipe.inputsOf(source);
      const last = previous.get(id);
      const built = last && sameInputs(last.inputs, inputs) ? last : { inputs, value: recipe.build(source) };
      next.set(id, built);
      return built.value;
    });
    previous = next;
    return values;
  };
}

/** Input types that hold no editable text: the design's commands and shortcuts still apply to them. */
const NON_TEXT_INPUT_TYPES = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** The parts of an element the test reads; duck-typed so it also runs in plain Node unit tests. */
interface ElementLike {
  readonly tagName?: unknown;
  readonly type?: unknown;
  readonly isContentEditable?: unknown;
}

/**
 * True when `target` is a text field (input, textarea, contenteditable), which has its own undo, redo,
 * delete and select-all: those keys and menu commands belong to it, not to the design.
 */
export function isTextField(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const element = target as ElementLike;
  if (element.isContentEditable === true) return true;
  const tag = typeof element.tagName === 'string' ? element.tagName.toUpperCase() : '';
  if (tag === 'TEXTAREA') return true;
  if (tag !== 'INPUT') return false;
  const type = typeof element.type === 'string' ? element.type.toLowerCase() : 'text';
  return !NON_TEXT_INPUT_TYPES.has(type);
}

/** The text field that has the keyboard focus now, or null. */
export function focusedTextField(): Element | null {
  const active = typeof document === 'undefined' ? null : document.activeElement;
  return isTextField(active) ? active : null;
}

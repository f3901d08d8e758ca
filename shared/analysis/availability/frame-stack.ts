/*
 * The explicit stack every diagram operation runs on instead of recursion (diagrams can be tens of thousands
 * of levels deep): one typed array per frame field, grown by doubling.
 */

/** A growable stack of frames: one typed array per frame field. */
export class FrameStack {
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
  d: Int32Array;
  state: Uint8Array;
  constructor(capacity = 1024) {
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.c = new Int32Array(capacity);
    this.d = new Int32Array(capacity);
    this.state = new Uint8Array(capacity);
  }

  /** Makes room for frame index `sp`. */
  ensure(sp: number): void {
    if (sp < this.state.length) return;
    const size = this.state.length * 2;
    const grow = (old: Int32Array): Int32Array => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    this.a = grow(this.a);
    this.b = grow(this.b);
    this.c = grow(this.c);
    this.d = grow(this.d);
    const state = new Uint8Array(size);
    state.set(this.state);
    this.state = state;
  }
}

/**
 * Texts numbered in the order first added (0, 1, 2 …) and found again by their characters: a hash table of open
 * addressing over one typed array, each text's slot found from a hash of its characters. The check-ins' Metric cells
 * are kept so (CheckInColumns.metricNames): 127,000 check-ins at 10,000 key results name 18,500 metrics, and the
 * screen then works out each metric's facts once, not once per check-in. Not a Map: one of 18,500 texts grows
 * through ever larger copies of itself into fresh memory, and filling and reading it took about three times as long
 * as this table (measured apart, on this project's machines).
 */
export class TextTable {
  /** The texts, by number. */
  readonly texts: string[] = [];
  /** 1 + a text's number, or 0 for an empty slot; a power of two long, at most two thirds full. */
  private slots: Int32Array;

  constructor(expected = 0) {
    this.slots = new Int32Array(TextTable.sizeFor(expected));
  }

  private static sizeFor(count: number): number {
    let size = 16;
    while (size < count + (count >> 1)) size *= 2;
    return size;
  }

  /** The slot of `text`: its own, or the empty one where it would go. */
  private slotOf(text: string): number {
    // FNV-1a over the UTF-16 code units.
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const { slots, texts } = this;
    const mask = slots.length - 1;
    let slot = hash & mask;
    for (let entry = slots[slot]; entry !== 0; entry = slots[slot]) {
      if (texts[entry - 1] === text) return slot;
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** The number of a text added, or -1. */
  indexOf(text: string): number {
    return this.slots[this.slotOf(text)] - 1;
  }

  /** The number of a text, added first if new. */
  add(text: string): number {
    const slot = this.slotOf(text);
    const known = this.slots[slot];
    if (known !== 0) return known - 1;
    const index = this.texts.push(text) - 1;
    this.slots[slot] = index + 1;
    if (this.texts.length > (this.slots.length * 2) / 3) this.grow();
    return index;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let k = 0; k < this.texts.length; k++) this.slots[this.slotOf(this.texts[k])] = k + 1;
  }
}

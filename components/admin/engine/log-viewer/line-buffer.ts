// The viewer's lines, pure: at most `cap` of them, the oldest dropped in O(dropped) amortized (an array and a start
// index, compacted once as many lines as the cap went), and the search's matches kept up as lines come and go, so a
// followed log costs per frame what arrived in it, not what is held.

/** Lines by position (0 the oldest held); `first` is the oldest's number since the last reset, so numbers stay put. */
export class LineBuffer<T> {
  private items: T[] = [];
  private start = 0;
  /** How many lines were dropped from the front since the last reset: the number of the oldest held. */
  first = 0;
  /** Changes on every reset, so a search knows to start over. */
  generation = 0;

  constructor(readonly cap: number) {}

  get length(): number {
    return this.items.length - this.start;
  }

  /** The line at position `index` (0 the oldest held). */
  at(index: number): T | undefined {
    return index < 0 ? undefined : this.items[this.start + index];
  }

  reset(items: T[]): void {
    this.items = items.length > this.cap ? items.slice(-this.cap) : items;
    this.start = 0;
    this.first = 0;
    this.generation += 1;
  }

  /** Appends the lines; returns how many of the oldest were dropped for them. */
  append(incoming: readonly T[]): number {
    for (const item of incoming) this.items.push(item);
    const over = this.length - this.cap;
    if (over <= 0) return 0;
    this.start += over;
    this.first += over;
    // The dead front is copied away once it is as long as the cap: O(1) per dropped line, amortized.
    if (this.start >= this.cap) {
      this.items = this.items.slice(this.start);
      this.start = 0;
    }
    return over;
  }
}

type Searchable = { lower: string };

/** The lines that contain a query, by line number (LineBuffer's), kept up incrementally. */
export class MatchList {
  private numbers: number[] = [];
  private head = 0;
  private query = "";
  private generation = -1;
  /** The number of the next line not yet searched. */
  private scannedTo = 0;

  get count(): number {
    return this.numbers.length - this.head;
  }

  /** The line number of the `index`th match. */
  nth(index: number): number | undefined {
    return index < 0 ? undefined : this.numbers[this.head + index];
  }

  /** Which match the line number is (binary search), or -1. */
  indexOf(lineNumber: number): number {
    let low = this.head;
    let high = this.numbers.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = this.numbers[middle] as number;
      if (found === lineNumber) return middle - this.head;
      if (found < lineNumber) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** Brings the matches up to the buffer: a new query or a reset searches all; otherwise only the new lines. */
  update(buffer: LineBuffer<Searchable>, query: string): void {
    const needle = query.toLowerCase();
    if (needle !== this.query || buffer.generation !== this.generation) {
      this.query = needle;
      this.generation = buffer.generation;
      this.numbers = [];
      this.head = 0;
      this.scannedTo = buffer.first;
    }
    // Matches on dropped lines go, a front index again: O(dropped matches).
    while (this.head < this.numbers.length && (this.numbers[this.head] as number) < buffer.first)
      this.head += 1;
    if (this.head > 0 && this.head * 2 >= this.numbers.length) {
      this.numbers = this.numbers.slice(this.head);
      this.head = 0;
    }
    const end = buffer.first + buffer.length;
    if (!needle) {
      this.scannedTo = end;
      return;
    }
    for (let number = Math.max(this.scannedTo, buffer.first); number < end; number += 1)
      if (buffer.at(number - buffer.first)?.lower.includes(needle)) this.numbers.push(number);
    this.scannedTo = end;
  }
}

/** Where a followed log resumes: after the last time held, less the lines already held at exactly that time. */
export type ResumePoint = { at: string; skip: number } | null;

/** The last time among the lines, and how many of them carry exactly it (the engine's since gives them again). */
export function resumePointOf(
  sources: readonly { length: number; at(index: number): { at: string | null } | undefined }[],
): ResumePoint {
  let at: string | null = null;
  let skip = 0;
  for (const source of sources)
    for (let index = source.length - 1; index >= 0; index -= 1) {
      const lineAt = source.at(index)?.at;
      if (!lineAt) continue;
      if (at === null) at = lineAt;
      else if (lineAt !== at) return { at, skip };
      skip += 1;
    }
  return at === null ? null : { at, skip };
}

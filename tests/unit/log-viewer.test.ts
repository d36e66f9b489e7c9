// The log viewer's pure parts: which rows are in the DOM, when the view counts as at the bottom, how a capped buffer
// takes new lines, and how search counts, steps and highlights.
import { describe, expect, it } from "vitest";
import { LineBuffer, MatchList, resumePointOf } from "@/components/admin/engine/log-viewer/line-buffer";
import { highlightParts, type LoadedLine, stepMatch } from "@/components/admin/engine/log-viewer/log-search";
import { isAtBottom, scrollTopFor, visibleWindow } from "@/components/admin/engine/log-viewer/virtual-window";

const ROW = 20;

describe("the virtual window", () => {
  it("renders the visible rows and the overscan, never more, at any scroll position of 100,000 rows", () => {
    const total = 100_000;
    for (const scrollTop of [0, 123, 50_000 * ROW, total * ROW - 480]) {
      const slice = visibleWindow({ scrollTop, viewportHeight: 480, rowHeight: ROW, total, overscan: 30 });
      expect(slice.end - slice.start).toBeLessThanOrEqual(24 + 1 + 60);
      expect(slice.start).toBeLessThanOrEqual(Math.floor(scrollTop / ROW));
      expect(slice.end).toBeGreaterThanOrEqual(Math.min(total, Math.ceil((scrollTop + 480) / ROW)));
      expect(slice.offset).toBe(slice.start * ROW);
      expect(slice.height).toBe(total * ROW);
    }
  });

  it("clamps at both ends and for an empty or short list", () => {
    expect(
      visibleWindow({ scrollTop: 0, viewportHeight: 480, rowHeight: ROW, total: 0, overscan: 30 }),
    ).toEqual({
      start: 0,
      end: 0,
      offset: 0,
      height: 0,
    });
    expect(
      visibleWindow({ scrollTop: 0, viewportHeight: 480, rowHeight: ROW, total: 5, overscan: 30 }),
    ).toMatchObject({ start: 0, end: 5 });
    // Scrolled past the end (the list just shrank): still inside it.
    const past = visibleWindow({
      scrollTop: 1e9,
      viewportHeight: 480,
      rowHeight: ROW,
      total: 100,
      overscan: 30,
    });
    expect(past.start).toBeLessThanOrEqual(past.end);
    expect(past.end).toBe(100);
  });

  it("counts within a row of the bottom as at the bottom", () => {
    expect(isAtBottom(1520, 480, 2000, ROW)).toBe(true);
    expect(isAtBottom(1505, 480, 2000, ROW)).toBe(true);
    expect(isAtBottom(1400, 480, 2000, ROW)).toBe(false);
  });

  it("puts a row in the middle of the view", () => {
    expect(scrollTopFor(1000, ROW, 480)).toBe(1000 * ROW - 240 + ROW);
    expect(scrollTopFor(0, ROW, 480)).toBe(0);
  });
});

const line = (text: string, at: string | null = null): LoadedLine => ({
  stream: "stdout",
  text,
  at,
  lower: text.toLowerCase(),
});
const held = <T>(buffer: LineBuffer<T>) => Array.from({ length: buffer.length }, (_, i) => buffer.at(i));

describe("the capped line buffer", () => {
  it("drops the oldest lines past the cap, says how many, and keeps each line's number", () => {
    const buffer = new LineBuffer<number>(4);
    buffer.reset([1, 2, 3]);
    expect(buffer.append([4, 5])).toBe(1);
    expect(held(buffer)).toEqual([2, 3, 4, 5]);
    expect(buffer.first).toBe(1);
    expect(buffer.append([])).toBe(0);
    for (let n = 6; n <= 20; n += 1) buffer.append([n]);
    expect(held(buffer)).toEqual([17, 18, 19, 20]);
    expect(buffer.first).toBe(16);
    expect(buffer.at(-1)).toBeUndefined();
    buffer.reset([9]);
    expect([buffer.first, buffer.length, buffer.at(0)]).toEqual([0, 1, 9]);
  });

  it("takes a line a frame at the cap of 100,000 without shifting them all each time", () => {
    const buffer = new LineBuffer<number>(100_000);
    buffer.reset(Array.from({ length: 100_000 }, (_, i) => i));
    const started = performance.now();
    for (let n = 0; n < 50_000; n += 1) buffer.append([100_000 + n]);
    // Shifting 100,000 elements per line would take seconds here.
    expect(performance.now() - started).toBeLessThan(300);
    expect([buffer.length, buffer.first, buffer.at(0), buffer.at(99_999)]).toEqual([
      100_000, 50_000, 50_000, 149_999,
    ]);
  });
});

describe("search kept up as lines come and go", () => {
  it("matches only the new lines on append and forgets the dropped ones", () => {
    const buffer = new LineBuffer<LoadedLine>(100_000);
    buffer.reset(Array.from({ length: 100_000 }, (_, i) => line(i % 1000 === 0 ? "ERROR here" : `ok ${i}`)));
    let reads = 0;
    const counted = Object.assign(Object.create(buffer), {
      at: (index: number) => {
        reads += 1;
        return buffer.at(index);
      },
    }) as LineBuffer<LoadedLine>;
    const matches = new MatchList();
    matches.update(counted, "error");
    expect(matches.count).toBe(100);
    reads = 0;
    // One frame brings 3 lines, one a match; 3 of the oldest go, the first of them a match.
    buffer.append([line("fine"), line("an error"), line("fine")]);
    matches.update(counted, "error");
    expect(reads).toBe(3);
    expect(matches.count).toBe(100);
    expect(matches.nth(0)).toBe(1000);
    expect(matches.nth(99)).toBe(100_001);
    // The match's place by binary search; what the plain full search finds is the same.
    expect(matches.indexOf(100_001)).toBe(99);
    expect(matches.indexOf(1001)).toBe(-1);
    const full = (held(buffer) as LoadedLine[]).flatMap((held, i) =>
      held.lower.includes("error") ? [i + buffer.first] : [],
    );
    expect(Array.from({ length: matches.count }, (_, i) => matches.nth(i))).toEqual(full);
  });

  it("searches again from scratch for a new query or a reloaded buffer", () => {
    const buffer = new LineBuffer<LoadedLine>(10);
    buffer.reset(["a", "b", "ab"].map((text) => line(text)));
    const matches = new MatchList();
    matches.update(buffer, "a");
    expect(matches.count).toBe(2);
    matches.update(buffer, "B");
    expect([matches.nth(0), matches.nth(1)]).toEqual([1, 2]);
    buffer.reset([line("b")]);
    matches.update(buffer, "b");
    expect([matches.count, matches.nth(0)]).toEqual([1, 0]);
    matches.update(buffer, "");
    expect(matches.count).toBe(0);
  });
});

describe("where a followed log resumes", () => {
  it("names the last time held and how many lines carry exactly it, the pending ones first", () => {
    const lines = [line("x", "t1"), line("y", "t2"), line("z", "t2"), line("untimed")];
    expect(resumePointOf([[line("p", "t2")], lines])).toEqual({ at: "t2", skip: 3 });
    expect(resumePointOf([[], lines])).toEqual({ at: "t2", skip: 2 });
    expect(resumePointOf([[line("p", "t3")], lines])).toEqual({ at: "t3", skip: 1 });
    expect(resumePointOf([[], [line("untimed")]])).toBeNull();
  });
});

describe("search in the loaded lines", () => {
  it("steps through matches, wrapping", () => {
    expect(stepMatch(3, -1, 1)).toBe(0);
    expect(stepMatch(3, -1, -1)).toBe(2);
    expect(stepMatch(3, 2, 1)).toBe(0);
    expect(stepMatch(3, 0, -1)).toBe(2);
    expect(stepMatch(0, -1, 1)).toBe(-1);
  });

  it("cuts a line into plain and matching parts, keeping the line's own case", () => {
    expect(highlightParts("Error and error", "ERROR")).toEqual([
      { text: "Error", match: true },
      { text: " and ", match: false },
      { text: "error", match: true },
    ]);
    expect(highlightParts("plain", "")).toEqual([{ text: "plain", match: false }]);
  });
});

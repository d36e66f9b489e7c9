// The log viewer's pure parts: which rows are in the DOM, when the view counts as at the bottom, how a capped buffer
// takes new lines, and how search counts, steps and highlights.
import { describe, expect, it } from "vitest";
import {
  findMatches,
  highlightParts,
  type LoadedLine,
  stepMatch,
} from "@/components/admin/engine/log-viewer/log-search";
import {
  appendCapped,
  isAtBottom,
  scrollTopFor,
  visibleWindow,
} from "@/components/admin/engine/log-viewer/virtual-window";

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

  it("drops the oldest lines past the cap and says how many", () => {
    const buffer = [1, 2, 3];
    expect(appendCapped(buffer, [4, 5], 4)).toBe(1);
    expect(buffer).toEqual([2, 3, 4, 5]);
    expect(appendCapped(buffer, [], 4)).toBe(0);
  });
});

const line = (text: string): LoadedLine => ({ stream: "stdout", text, at: null, lower: text.toLowerCase() });

describe("search in the loaded lines", () => {
  it("finds every line containing the query, ignoring case", () => {
    const lines = ["Error: disk", "ok", "another ERROR", "fine"].map(line);
    expect(findMatches(lines, "error")).toEqual([0, 2]);
    expect(findMatches(lines, "")).toEqual([]);
  });

  it("searches 100,000 lines in one plain pass", () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => line(String(i + 1)));
    expect(findMatches(lines, "42424")).toEqual([42423]);
    expect(findMatches(lines, "9999")).toHaveLength(19);
  });

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

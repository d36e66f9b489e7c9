// Scraped metrics, parsed first by Prometheus' own parser — promtool check metrics: the text parser of Prometheus'
// Go libraries, then its lint (naming, help, units) — and then read as samples for a test's assertions.
import { spawnSync } from "node:child_process";

export type Sample = { name: string; labels: Record<string, string>; value: number };

/** Throws unless promtool parses the text; answers its lint problems, one line each ("name problem"). */
export function promtoolCheck(text: string): string[] {
  const run = spawnSync(process.env.PROMTOOL_PATH ?? "promtool", ["check", "metrics"], {
    input: text,
    encoding: "utf8",
  });
  if (run.error) throw new Error(`promtool is needed (scripts/test.sh installs it): ${run.error.message}`);
  // 0: clean; 3: parsed, with lint problems; anything else: it is not the text format.
  if (run.status !== 0 && run.status !== 3) throw new Error(`promtool refused the metrics:\n${run.stderr}`);
  return run.stderr.split("\n").filter(Boolean);
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
const unquote = (value: string) => value.replace(/\\(.)/g, (_, char: string) => (char === "n" ? "\n" : char));

/** The samples of a text promtool has parsed (no timestamps: prom-client writes none). */
export function samplesOf(text: string): Sample[] {
  return text.split("\n").flatMap((line) => {
    const match = SAMPLE.exec(line);
    if (!match || line.startsWith("#")) return [];
    const [, name = "", labels = "", value = ""] = match;
    const parsed = Object.fromEntries(
      [...labels.matchAll(LABEL)].map(([, key = "", raw = ""]) => [key, unquote(raw)]),
    );
    return [{ name, labels: parsed, value: Number(value.replace("Inf", "Infinity")) }];
  });
}

/** The sum of the samples of this name whose labels include these; 0 when there is none. */
export function sumOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((sample) => sample.name === name)
    .filter((sample) => Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
    .reduce((sum, sample) => sum + sample.value, 0);
}

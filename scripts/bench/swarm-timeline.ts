// Where a Swarm launch spends its time: the manager's event stream (service, config and secret events, each with the
// engine's own clock) recorded for the whole phase, and the task's timestamps, split into segments per launch.
import type Dockerode from "dockerode";
import type { SwarmTask } from "@/lib/runtime/swarm/shapes";
import { ms, percentile } from "./util";

export type SwarmEvent = {
  at: number;
  type: string;
  action: string;
  name: string;
  attributes: Record<string, string>;
};

export type EventLog = { events: SwarmEvent[]; stop: () => void };

/** Follows the manager's events until stop(); each line of the stream is one JSON event. */
export async function recordEvents(manager: Dockerode): Promise<EventLog> {
  const events: SwarmEvent[] = [];
  const stream = (await manager.getEvents({
    filters: { type: ["service", "config", "secret"] },
  })) as NodeJS.ReadableStream & { destroy: () => void };
  let buffered = "";
  stream.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines.filter(Boolean)) {
      const event = JSON.parse(line) as {
        Type: string;
        Action: string;
        Actor?: { Attributes?: Record<string, string> };
        timeNano: number;
      };
      events.push({
        at: event.timeNano / 1e6,
        type: event.Type,
        action: event.Action,
        name: event.Actor?.Attributes?.name ?? "",
        attributes: event.Actor?.Attributes ?? {},
      });
    }
  });
  stream.on("error", () => {});
  return { events, stop: () => stream.destroy() };
}

/** The first event matching, at or after `from` (wall ms); its time, or NaN. */
export function firstAt(
  log: EventLog,
  from: number,
  match: (event: SwarmEvent) => boolean,
  until = Number.POSITIVE_INFINITY,
): number {
  return (
    log.events.find((event) => event.at >= from - 1 && event.at <= until && match(event))?.at ?? Number.NaN
  );
}

/** The task that ran (created, running), by the engine's timestamps. */
export function taskTimes(task: SwarmTask | undefined): { created: number; running: number } {
  return {
    created: task ? Date.parse(task.CreatedAt) : Number.NaN,
    running: task?.Status.Timestamp ? Date.parse(task.Status.Timestamp) : Number.NaN,
  };
}

/** Segments (name -> durations over rounds): printed as medians, in order. */
export class Segments {
  private readonly bySegment = new Map<string, number[]>();

  add(name: string, from: number, to: number): void {
    if (!Number.isFinite(from) || !Number.isFinite(to)) return;
    const list = this.bySegment.get(name) ?? [];
    list.push(to - from);
    this.bySegment.set(name, list);
  }

  print(title: string): void {
    console.log(title);
    for (const [name, values] of this.bySegment)
      console.log(
        `  ${name.padEnd(44)} p50 ${ms(percentile(values, 50)).padStart(9)}  p95 ${ms(percentile(values, 95)).padStart(9)}  (n=${values.length})`,
      );
  }

  median(name: string): number {
    return percentile(this.bySegment.get(name) ?? [], 50);
  }
}

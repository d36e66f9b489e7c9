// Calls to the running app as a signed-in user: the session cookie plus an Origin equal to the app's own,
// which is what a browser sends and what the same-origin check on POST expects.
import type { BenchUser } from "./setup";
import { pollUntil200 } from "./util";

export type LaunchAnswer = {
  status: number;
  containerId: string | null;
  serviceUrl: string | null;
  body: string;
};

export async function launchViaApp(appUrl: string, user: BenchUser, type = "dev"): Promise<LaunchAnswer> {
  const response = await fetch(`${appUrl}/api/container/launch/${type}`, {
    method: "POST",
    headers: { cookie: user.cookie, origin: appUrl },
  });
  const body = await response.text();
  let parsed: { container_id?: string; service_url?: string | null } = {};
  try {
    parsed = JSON.parse(body);
  } catch {
    // Not JSON (an HTML error page): keep the raw text for the report.
  }
  return {
    status: response.status,
    containerId: parsed.container_id ?? null,
    serviceUrl: parsed.service_url ?? null,
    body: body.slice(0, 300),
  };
}

/** B: POST launch, then poll the returned service URL; timed from before the POST to the first 200. */
export async function timedAppLaunch(appUrl: string, user: BenchUser): Promise<{ ms: number; id: string }> {
  const started = performance.now();
  const answer = await launchViaApp(appUrl, user);
  if (answer.status !== 200 || !answer.serviceUrl || !answer.containerId) {
    throw new Error(`launch for ${user.slug} answered ${answer.status}: ${answer.body}`);
  }
  await pollUntil200(answer.serviceUrl);
  return { ms: performance.now() - started, id: answer.containerId };
}

export async function listViaApp(appUrl: string, user: BenchUser): Promise<{ status: number; body: string }> {
  const response = await fetch(`${appUrl}/api/user/containers`, { headers: { cookie: user.cookie } });
  return { status: response.status, body: await response.text() };
}

// Waits for a service URL to answer HTTP 2xx and returns its body. The benchmark polls with a 5 ms
// interval so polling granularity adds the same few milliseconds to raw Docker and the app.
export async function waitForHttp(url: string, timeoutMs = 10_000, intervalMs = 25): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return await response.text();
      last = `HTTP ${response.status}`;
      await response.body?.cancel();
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`);
}

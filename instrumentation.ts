// Runs once per server process; the Node.js-only start-up lives in its own module.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("@/lib/server/start-server");
    await startServer();
  }
}

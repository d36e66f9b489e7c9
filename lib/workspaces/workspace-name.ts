// A workspace name is a DNS label: a-z, 0-9 and "-", 1–32 characters, no "-" at either end. Its own module, with
// no imports, because the browser's form checks it too.
export const WORKSPACE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

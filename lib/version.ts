// The app's version, as package.json names it (shown by /api/v1/health and the OpenAPI document).
import packageJson from "@/package.json";

export const APP_VERSION: string = packageJson.version;

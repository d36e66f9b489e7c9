// A Docker image reference ("spawner-dev:latest", "registry:5000/team/app@sha256:…"): the settings and the template
// form check it alike. Pure, so the browser runs it too.
import { z } from "zod";

export const IMAGE_REFERENCE = /^[a-z0-9][a-z0-9._/:@-]{0,254}$/i;

export const imageRef = z.string().regex(IMAGE_REFERENCE, {
  message: "must be a Docker image reference such as spawner-dev:latest",
});

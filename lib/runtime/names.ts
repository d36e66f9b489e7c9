// Container names are derived, escaped to Docker's rules ([a-zA-Z0-9][a-zA-Z0-9_.-]*), and stored.
const MAX_NAME_LENGTH = 128;

/** Escapes any text to Docker's name alphabet: runs of other characters become one "-". */
export function escapeDockerName(text: string): string {
  const escaped = text
    .replace(/[^a-zA-Z0-9_.-]+/g, "-")
    .replace(/^[^a-zA-Z0-9]+/, "")
    .slice(0, MAX_NAME_LENGTH);
  return escaped || "x";
}

export function containerName({
  slug,
  type,
  userId,
}: {
  slug: string;
  type: string;
  userId: string;
}): string {
  return escapeDockerName(`user-${slug}-${type}-${userId}`);
}

// Reads a picked file for a secret file's content: text stays text; anything that is not UTF-8 goes as base64.

export async function readSecretFile(file: File): Promise<{ content: string; encoding: "utf8" | "base64" }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { content: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf8" };
  } catch {
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return { content: btoa(binary), encoding: "base64" };
  }
}

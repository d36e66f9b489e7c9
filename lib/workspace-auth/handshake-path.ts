// The path on a workspace host where the handshake's code is exchanged (forward-auth answers it; the app behind
// the host never sees it).
export const HANDSHAKE_PATH = "/__spawner/auth";

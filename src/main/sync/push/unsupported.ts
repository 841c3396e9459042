// How long a record type the server does not take waits before the next try (the server may be upgraded).
export const UNSUPPORTED_WAIT_MS = 60 * 60_000;

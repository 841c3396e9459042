// The region's revocation list (RELAIS_HUB_REVOCATIONS): a JSON file the regional IT edits, read
// at start and again whenever it changes. It names tokens (by id, or by the id of the token the
// region issued, which revokes every renewal of it) and stations (every token whose chain began
// up to a date). The format is documented in src/hub/README.md.
import fs from 'node:fs';
import { z } from 'zod';
import type { Claims } from './tokens';

export const RevocationFileSchema = z.strictObject({
  /** Token ids (jti), or chain ids (the jti of the token the region issued: the whole chain). */
  tokens: z.array(z.string().min(1).max(64)).default([]),
  /** A subject, and the instant up to which every token whose chain began is revoked (ISO 8601). */
  subjects: z.record(z.string().min(1).max(100), z.iso.datetime({ offset: true })).default({}),
});

export interface RevocationList {
  isRevoked(claims: Claims): boolean;
  /** Called after each change of the list that was read (to close revoked connections). */
  onChange(listener: () => void): void;
  close(): void;
}

interface Parsed {
  ids: Set<string>;
  subjects: Map<string, number>; // seconds since the epoch
}

function parse(file: string): Parsed {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const why = (error as Error).message;
    throw new Error(`The revocation list ${file} (RELAIS_HUB_REVOCATIONS) cannot be read as JSON: ${why}`, {
      cause: error,
    });
  }
  const result = RevocationFileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || 'file';
    throw new Error(
      `The revocation list ${file} (RELAIS_HUB_REVOCATIONS) is not valid: ${where}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const subjects = new Map(
    Object.entries(result.data.subjects).map(([sub, until]) => [sub, Math.floor(Date.parse(until) / 1000)]),
  );
  return { ids: new Set(result.data.tokens), subjects };
}

/**
 * Reads the list now (a list that cannot be read stops the hub from starting: it would otherwise
 * accept what the region revoked), then polls the file for changes.
 */
export interface WatchOptions {
  pollMs?: number;
  log: (event: string, detail?: Record<string, unknown>) => void;
}

export function watchRevocations(file: string, options: WatchOptions): RevocationList {
  let current = parse(file);
  const listeners: (() => void)[] = [];
  const reload = (stat: fs.Stats, previous: fs.Stats) => {
    if (stat.mtimeMs === previous.mtimeMs && stat.size === previous.size && stat.ino === previous.ino) return;
    try {
      current = parse(file);
    } catch (error) {
      // SECURITY: a broken edit (or the file gone for a moment) keeps the last list read: it
      // never un-revokes anything by accident. The regional IT reads why in the log.
      const action = 'Fix the file (RELAIS_HUB_REVOCATIONS); the previous list stays in force.';
      options.log('hub.revocations_invalid', { file, error: (error as Error).message, action });
      return;
    }
    options.log('hub.revocations_loaded', { file, tokens: current.ids.size, subjects: current.subjects.size });
    for (const listener of listeners) listener();
  };
  fs.watchFile(file, { interval: options.pollMs ?? 2000, persistent: false }, reload);
  return {
    isRevoked(claims) {
      if (current.ids.has(claims.jti) || current.ids.has(claims.chain)) return true;
      const until = current.subjects.get(claims.sub);
      return until !== undefined && claims.auth_time <= until;
    },
    onChange: (listener) => void listeners.push(listener),
    close: () => fs.unwatchFile(file, reload),
  };
}

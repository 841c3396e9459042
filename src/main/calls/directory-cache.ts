// The hub's last directory of offers, kept on the station (migration 0035): the call service
// starts from it, so that a station started offline still knows the region's offers (their hours,
// their experts, an urgent offer's rota) until the hub sends a newer one. An offer the schema no
// longer reads (written by another version) is left out, never half shown.
import { OfferSchema, type Offer } from '../../shared/hub-protocol';
import type { Db } from '../platform/database/connection';

export interface DirectoryCache {
  /** The offers of the last directory, in the hub's order. */
  load(): Offer[];
  /** Replaces the kept directory by this one, whole. */
  save(offers: Offer[], seenAt: string): void;
}

/**
 * `warn` hears a directory that could not be kept: the station goes on with it in memory. A
 * database held read-only (a rolled-back folder) or closing (the station stopping) must not turn a
 * hub message into a crash.
 */
export function createDirectoryCache(
  db: Db,
  warn: (event: string, detail: Record<string, unknown>) => void = () => {},
): DirectoryCache {
  const all = db.prepare<[], { offer: string }>('SELECT offer FROM directory_offers ORDER BY position');
  const clear = db.prepare('DELETE FROM directory_offers');
  const insert = db.prepare<[number, string, string, string]>(
    'INSERT INTO directory_offers (position, offer_id, offer, seen_at) VALUES (?, ?, ?, ?)',
  );
  const replace = db.transaction((offers: Offer[], seenAt: string) => {
    clear.run();
    // One row per offer id: a directory naming one twice (the hub's store does not) keeps the first.
    const seen = new Set<string>();
    offers
      .filter((offer) => !seen.has(offer.id) && seen.add(offer.id))
      .forEach((offer, position) => insert.run(position, offer.id, JSON.stringify(offer), seenAt));
  });
  return {
    load: () =>
      all.all().flatMap((row) => {
        try {
          const parsed = OfferSchema.safeParse(JSON.parse(row.offer));
          return parsed.success ? [parsed.data] : [];
        } catch {
          return [];
        }
      }),
    save: (offers, seenAt) => {
      try {
        replace(offers, seenAt);
      } catch (error) {
        warn('calls.directory_not_kept', {
          error: (error as Error).message,
          what: 'The region’s directory is used but not kept for offline use: the database could not be written.',
        });
      }
    },
  };
}

// Migration 0028 and the remote acts' repository on an encrypted database (issue 21): one row per
// requesting station and act, written again in place, read back parsed, the latest received first;
// a row changed by hand into something that is not a context is refused on reading.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/platform/database/connection';
import { createRemoteActRepository } from '../../../src/main/remote-acts';
import type { RemoteAct } from '../../../src/shared/remote-acts/channels';
import { realContext } from '../../helpers/act-context';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

const act = (overrides: Partial<RemoteAct> = {}): RemoteAct => ({
  peerId: 'cart-7',
  peerName: 'Chariot 7',
  actId: realContext.act.id,
  context: realContext,
  receivedAt: '2026-03-14T09:08:01.000Z',
  callIds: ['call-1'],
  experts: [{ name: 'Dr Kerleroux', rpps: '10003456789', hubId: 'dr-kerleroux' }],
  ...overrides,
});

describe('the remote acts repository', () => {
  it('keeps one row per station and act, replaced in place, the latest received listed first', () => {
    const db = openDatabase(path.join(tempDir(), 'relais.sqlite'), randomBytes(32));
    const repository = createRemoteActRepository(db);
    repository.put(act());
    const reason = 'Plaie du talon, contrôle';
    const second = act({
      context: { ...realContext, act: { ...realContext.act, reason } },
      receivedAt: '2026-03-14T10:00:00.000Z',
      callIds: ['call-1', 'call-2'],
    });
    repository.put(second);
    const other = act({ peerId: 'cart-9', receivedAt: '2026-03-14T09:30:00.000Z' });
    repository.put(other);
    expect(repository.get('cart-7', realContext.act.id)).toEqual(second);
    expect(repository.list(10).map((a) => a.peerId)).toEqual(['cart-7', 'cart-9']);
    expect(repository.list(1)).toEqual([second]);
    expect(repository.get('cart-8', realContext.act.id)).toBeNull();

    db.prepare("UPDATE remote_acts SET context_json = '{\"act\":1}' WHERE peer_id = 'cart-9'").run();
    expect(() => repository.get('cart-9', realContext.act.id)).toThrow();
    db.close();
  });
});

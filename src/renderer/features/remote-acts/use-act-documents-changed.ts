// Main says a document the expert signed for this act changed (signed, received or refused by the
// requesting station): her report and her prescriptions listen to the same event and read theirs again.
import { useEffect } from 'react';
import { relais } from '../../api';

export function useActDocumentsChanged(peerId: string, actId: string, reload: () => unknown): void {
  useEffect(
    () =>
      relais.on('remoteActs.reportChanged', (e) => {
        if (e.peerId === peerId && e.actId === actId) void reload();
      }),
    [peerId, actId, reload],
  );
}

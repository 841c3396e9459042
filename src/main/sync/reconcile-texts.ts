// What the reconciliation says in the log, for the regional IT and whoever reads the station's
// log: in English, then in French, as the synchronisation screen says it (src/renderer/i18n).

export const missingText = (records: number, byType: Record<string, number>): string => {
  const types = Object.entries(byType)
    .map(([type, n]) => `${n} ${type}`)
    .join(', ');
  return (
    `The regional server lacks ${records} records this station had sent (${types}): a restore from a backup, or a restarted ` +
    'development hub. They are sent again first, in order (patients, acts, then what points at them; files with their bytes). ' +
    'If the region restored nothing, tell the regional IT. / ' +
    `Le serveur régional n’a plus ${records} enregistrement(s) que ce poste avait envoyés : ils sont renvoyés en premier, dans l’ordre. ` +
    'Si la région n’a rien restauré, prévenez l’informatique régionale.'
  );
};

export const resentText = (records: number, refused: number): string =>
  `${records} records missing at the region were sent again` +
  (refused > 0 ? ` (${refused} refused: see the synchronisation screen)` : '') +
  `. / ${records} enregistrement(s) absent(s) du serveur régional ont été renvoyés` +
  (refused > 0 ? ` (${refused} refusé(s) : voir l’écran Synchronisation)` : '') +
  '.';

export const auditGapText = (gap: { from: number; to: number; rows: number }): string =>
  `The regional server lacks ${gap.rows} audit rows of this station (from row ${gap.from} to row ${gap.to}), but its copy of this ` +
  'station’s chain already goes on after them (it started again: hub.audit_chain_started in the hub’s log), so it cannot take ' +
  'them any more. The station keeps them and audit.verify still checks them here. Regional IT: compare the station’s trail ' +
  'with the region’s copy. / Le serveur régional n’a plus des lignes du journal d’audit de ce poste et ne peut plus les reprendre : ' +
  'le poste les garde ; prévenez l’informatique régionale.';

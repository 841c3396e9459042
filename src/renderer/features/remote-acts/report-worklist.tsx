// The expert's worklist on her home (issue 21, point 6): the acts of other stations whose report she
// owes, or whose signed report has not reached the requesting station yet, the longest waiting
// first, each with how long it has waited and a button to write it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '../../../shared/remote-acts/report-channels';
import { relais } from '../../api';
import { formatWaited } from '../../ui/format';
import { useView } from '../../ui/view-store';

export function ReportWorklist() {
  const { t } = useTranslation();
  const show = useView((v) => v.show);
  const [items, setItems] = useState<WorklistItem[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const load = () =>
      void relais.invoke('remoteActs.worklist', {}).then((r) => {
        setFailed(!r.ok);
        setItems(r.ok ? r.value : []);
      });
    load();
    return relais.on('remoteActs.reportChanged', load);
  }, []);
  if (failed) return <p className="error-text">{t('roleHome.loadError')}</p>;
  if (!items) return <p>{t('home.loading')}</p>;
  if (items.length === 0) return <p>{t('remoteAct.worklist.empty')}</p>;
  return (
    <ul className="home-list" data-testid="report-worklist">
      {items.map((item) => (
        <li key={`${item.peerId}/${item.actId}`}>
          <strong>
            {item.patient.usedName ?? item.patient.birthName} {item.patient.usedFirstName ?? item.patient.firstName}
          </strong>
          <span className="home-list-detail">
            {t(`remoteAct.worklist.actTypes.${item.actType}`)} · {item.reason} · {item.peerName} ·{' '}
            {t('remoteAct.worklist.waited', { duration: formatWaited(item.since) })} ·{' '}
            {t(`remoteAct.worklist.states.${item.state}`)}
          </span>
          <button type="button" onClick={() => show({ name: 'remote-act', peerId: item.peerId, actId: item.actId })}>
            {t('remoteAct.worklist.open')}
          </button>
        </li>
      ))}
    </ul>
  );
}

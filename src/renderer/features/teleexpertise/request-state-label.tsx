// Where a téléexpertise request stands, in the patient's list of acts: the requester sees at a
// glance which requests are answered without opening each one.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestState } from '../../../shared/teleexpertise/teleexpertise';
import { relais } from '../../api';

export function RequestStateLabel({ encounterId }: { encounterId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<RequestState | null>(null);
  useEffect(() => {
    let current = true;
    const load = () =>
      void relais.invoke('teleexpertise.get', { encounterId }).then((r) => current && r.ok && setState(r.value.state));
    load();
    const off = relais.on('teleexpertise.changed', (c) => c.requestId === encounterId && load());
    return () => {
      current = false;
      off();
    };
  }, [encounterId]);
  if (!state) return null;
  return (
    <strong data-testid="request-list-state">
      {' '}
      · {t('expertise.request')} {t(`expertise.states.${state}`)}
    </strong>
  );
}

// The expert a requester may name: chosen among the experts of the specialty connected to the hub
// now, shown with their site (two experts may share a name), and sent with her hub identity,
// which is what routes the request to her. Without a choice the request goes to the specialty.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Peer } from '../../../shared/hub-protocol';
import { nameableExperts } from '../../../shared/teleexpertise/teleexpertise';
import { useCalls } from '../../webrtc/call-store';

interface NamedExpertFieldProps {
  specialty: string;
  value: Peer | null;
  onChange: (expert: Peer | null) => void;
}

export function NamedExpertField({ specialty, value, onChange }: NamedExpertFieldProps) {
  const { t } = useTranslation();
  const peers = useCalls((s) => s.hub.peers);
  const offers = useCalls((s) => s.hub.offers);
  const experts = nameableExperts(specialty, peers, offers);
  // A choice made for another specialty, or of an expert who left the hub, is not kept.
  const chosen = value && experts.some((e) => e.id === value.id) ? value : null;
  useEffect(() => {
    if (value && !chosen) onChange(null);
  }, [value, chosen, onChange]);
  return (
    <label>
      {t('expertise.namedExpert')}
      <select value={chosen?.id ?? ''} onChange={(e) => onChange(experts.find((x) => x.id === e.target.value) ?? null)}>
        <option value="">{t('expertise.anyExpert')}</option>
        {experts.map((e) => (
          <option key={e.id} value={e.id}>{`${e.name} — ${e.site}`}</option>
        ))}
      </select>
      {specialty.trim() && experts.length === 0 && <span className="hint">{t('expertise.noExpertOnline')}</span>}
    </label>
  );
}

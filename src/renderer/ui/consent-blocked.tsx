// Why a recording or a sharing is not offered: said beside the control it disables, in the
// words the nurse can act on (collect the consent, or the patient refused).
import { useTranslation } from 'react-i18next';

type Scope = 'recording' | 'image_sharing';
type Decision = 'given' | 'refused' | null;

/** The sentence for a scope not allowed; null when the patient consented. */
export function useBlockedReason(): (scope: Scope, decision: Decision) => string | null {
  const { t } = useTranslation();
  return (scope, decision) =>
    decision === 'given' ? null : t(`consent.blocked.${scope}_${decision === 'refused' ? 'refused' : 'missing'}`);
}

export function BlockedReason({ reason, id }: { reason: string | null; id?: string }) {
  if (!reason) return null;
  return (
    <p className="blocked-reason" id={id} data-testid="consent-blocked">
      {reason}
    </p>
  );
}

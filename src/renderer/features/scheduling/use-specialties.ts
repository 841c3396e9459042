// The specialty table (ANS TRE_R38) the station ships, asked once per screen.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Specialty } from '../../../shared/scheduling/specialties';
import { relais } from '../../api';

export type SpecialtiesState =
  { state: 'loading' } | { state: 'loaded'; list: Specialty[] } | { state: 'failed'; why: string };

export function useSpecialties(): SpecialtiesState {
  const { t } = useTranslation();
  const [state, setState] = useState<SpecialtiesState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void relais.invoke('scheduling.specialties', {}).then((result) => {
      if (!live) return;
      if (result.ok) {
        const list = [...result.value.specialties].sort((a, b) => a.short.localeCompare(b.short, 'fr'));
        setState({ state: 'loaded', list });
      } else setState({ state: 'failed', why: t('offers.why.noTable') });
    });
    return () => {
      live = false;
    };
  }, [t]);
  return state;
}

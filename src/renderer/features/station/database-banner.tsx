// What every screen says while the station's database is held (damaged, missing, or older than the
// one it last wrote): that nothing is recorded, and what to do, with the way to the technician's
// panel on the Synchronisation screen. Nothing while the database is sound.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useView } from '../../ui/view-store';
import { useStation } from './station-store';

export function DatabaseBanner() {
  const { t } = useTranslation();
  const status = useStation((s) => s.status);
  const load = useStation((s) => s.load);
  const show = useView((s) => s.show);
  useEffect(() => {
    if (!status) void load();
  }, [status, load]);
  const state = status?.database.state;
  if (!state || state === 'ok') return null;
  return (
    <div className="banner banner-database" role="alert" data-testid="database-banner">
      {t(`database.banner.${state}`)}{' '}
      <button type="button" className="link" onClick={() => show({ name: 'sync' })}>
        {t('database.banner.open')}
      </button>
    </div>
  );
}

// Top bar: the app's name, the sections this station's role uses, the technical page, and the
// language switch. A cart does not see the expert's inbox; an expert's desk has no devices.
import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n';
import { useView, type View } from './ui/view-store';
import type { StationRole } from './ui/station-role';
import { IdentityBadge } from './features/identity/identity-badge';

type Section = 'home' | 'patients' | 'agenda' | 'devices' | 'calls' | 'activity' | 'expertise' | 'technique';

const SECTIONS: Record<StationRole, readonly Section[]> = {
  cart: ['home', 'patients', 'agenda', 'devices', 'calls', 'activity'],
  expert: ['home', 'expertise', 'patients', 'agenda', 'calls', 'activity'],
  cabin: ['home', 'patients', 'devices', 'calls', 'activity'],
  // The coordination's home is the region's offers; its calls screen shows the directory as the stations see it.
  coordinator: ['home', 'calls'],
};

const TARGET: Record<Section, View> = {
  home: { name: 'home' },
  patients: { name: 'patients' },
  agenda: { name: 'agenda' },
  devices: { name: 'devices' },
  calls: { name: 'calls' },
  activity: { name: 'activity' },
  expertise: { name: 'expertise-inbox' },
  technique: { name: 'technique' },
};

const LABEL: Record<Section, string> = {
  home: 'app.home',
  patients: 'app.patients',
  agenda: 'agenda.nav',
  devices: 'app.devices',
  calls: 'app.calls',
  activity: 'app.activity',
  expertise: 'app.expertise',
  technique: 'roleHome.nav.technique',
};

function sectionOf(view: View): Section {
  if (view.name === 'sync') return 'technique';
  if (view.name.startsWith('expertise-')) return 'expertise';
  if (view.name === 'availability') return 'agenda';
  const own = Object.keys(TARGET) as Section[];
  return own.find((s) => TARGET[s].name === view.name) ?? 'patients';
}

export function Header({ role }: { role: StationRole }) {
  const { t, i18n } = useTranslation();
  const { view, show } = useView();
  const section = sectionOf(view);
  return (
    <header className="header">
      <span className="brand">{t('app.name')}</span>
      <nav aria-label={t('app.nav')}>
        {[...SECTIONS[role], 'technique' as const].map((s) => (
          <button
            key={s}
            type="button"
            className={s === 'technique' ? 'nav-technique' : undefined}
            aria-current={section === s ? 'page' : undefined}
            onClick={() => show(TARGET[s])}
          >
            {t(LABEL[s])}
          </button>
        ))}
      </nav>
      <IdentityBadge />
      <button
        type="button"
        className="language"
        lang={i18n.language === 'fr' ? 'en' : 'fr'}
        onClick={() => setLanguage(i18n.language === 'fr' ? 'en' : 'fr')}
      >
        {t('app.switchLanguage')}
      </button>
    </header>
  );
}

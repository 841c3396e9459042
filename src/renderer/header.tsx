// Top bar: the app's name, the sections, and the language switch.
import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n';
import { useView } from './ui/view-store';
import { IdentityBadge } from './features/identity/identity-badge';

export function Header() {
  const { t, i18n } = useTranslation();
  const { view, show } = useView();
  const section =
    view.name === 'home' || view.name === 'devices' || view.name === 'calls' || view.name === 'activity'
      ? view.name
      : view.name.startsWith('expertise-')
        ? 'expertise'
        : 'patients';
  return (
    <header className="header">
      <span className="brand">{t('app.name')}</span>
      <nav aria-label={t('app.nav')}>
        <button
          type="button"
          aria-current={section === 'home' ? 'page' : undefined}
          onClick={() => show({ name: 'home' })}
        >
          {t('app.home')}
        </button>
        <button
          type="button"
          aria-current={section === 'patients' ? 'page' : undefined}
          onClick={() => show({ name: 'patients' })}
        >
          {t('app.patients')}
        </button>
        <button
          type="button"
          aria-current={section === 'devices' ? 'page' : undefined}
          onClick={() => show({ name: 'devices' })}
        >
          {t('app.devices')}
        </button>
        <button
          type="button"
          aria-current={section === 'calls' ? 'page' : undefined}
          onClick={() => show({ name: 'calls' })}
        >
          {t('app.calls')}
        </button>
        <button
          type="button"
          aria-current={section === 'activity' ? 'page' : undefined}
          onClick={() => show({ name: 'activity' })}
        >
          {t('app.activity')}
        </button>
        <button
          type="button"
          aria-current={section === 'expertise' ? 'page' : undefined}
          onClick={() => show({ name: 'expertise-inbox' })}
        >
          {t('app.expertise')}
        </button>
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

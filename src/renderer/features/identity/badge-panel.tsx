// Her unlock badge: the header's button opens a panel; the next badge presented to the cart's
// reader is enrolled for this sign-in. The line that says what became of the last badge read.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { setEnrolling, useBadge } from './badge-store';

export function BadgeNoticeLine() {
  const { t } = useTranslation();
  const notice = useBadge((s) => s.notice);
  if (!notice) return null;
  return (
    <p
      role={notice.tone === 'error' ? 'alert' : 'status'}
      className={notice.tone === 'error' ? 'error-text' : 'badge-notice'}
    >
      {t(notice.key, notice.params ?? {})}
    </p>
  );
}

export function BadgePanel({ enrolled }: { enrolled: boolean }) {
  const { t } = useTranslation();
  const enrolling = useBadge((s) => s.enrolling);
  const panel = useRef<HTMLElement>(null);
  // Focus on the panel, out of any field: the badge's first key lands nowhere.
  useEffect(() => {
    if (enrolling) panel.current?.focus();
  }, [enrolling]);
  return (
    <>
      <button type="button" aria-expanded={enrolling} onClick={() => setEnrolling(!enrolling)}>
        {enrolled ? t('identity.badge.buttonEnrolled') : t('identity.badge.button')}
      </button>
      {enrolling ? (
        <section ref={panel} tabIndex={-1} className="card badge-panel" aria-label={t('identity.badge.panelLabel')}>
          <p>
            <strong>{t(enrolled ? 'identity.badge.replace' : 'identity.badge.present')}</strong>
          </p>
          <p>{t('identity.badge.why')}</p>
          <BadgeNoticeLine />
          <button type="button" onClick={() => setEnrolling(false)}>
            {t('identity.badge.close')}
          </button>
        </section>
      ) : (
        <BadgeNoticeLine />
      )}
    </>
  );
}

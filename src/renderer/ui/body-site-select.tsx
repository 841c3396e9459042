// Where the stethoscope is placed, picked by the nurse before each recording: the cardiac foci,
// the lungs front and back, and the other sites, grouped; nothing is chosen for her.
import { useTranslation } from 'react-i18next';
import { BODY_SITE_GROUPS, type BodySite } from '../../shared/acts/attachments';

export function BodySiteSelect({
  id,
  value,
  onChange,
  disabled = false,
}: {
  id: string;
  value: BodySite | null;
  onChange(site: BodySite): void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      value={value ?? ''}
      disabled={disabled}
      required
      onChange={(e) => onChange(e.target.value as BodySite)}
    >
      <option value="" disabled>
        {t('calls.auscultation.chooseSite')}
      </option>
      {(Object.keys(BODY_SITE_GROUPS) as (keyof typeof BODY_SITE_GROUPS)[]).map((group) => (
        <optgroup key={group} label={t(`calls.bodySiteGroups.${group}`)}>
          {BODY_SITE_GROUPS[group].map((site) => (
            <option key={site} value={site}>
              {t(`calls.bodySites.${site}`)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

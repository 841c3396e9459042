// Where the stethoscope is placed, picked by the nurse before each recording: the cardiac foci,
// the lungs front and back, and the other sites, grouped; nothing is chosen for her.
import { useTranslation } from 'react-i18next';
import { BODY_SITE_GROUPS, type BodySite } from '../../shared/acts/attachments';
import { useDisabledReason } from './disabled-reason';

export function BodySiteSelect({
  id,
  value,
  onChange,
  disabledReason = null,
}: {
  id: string;
  value: BodySite | null;
  onChange(site: BodySite): void;
  /** Why the site cannot be changed now (a recording under way), shown beside it; null: it can. */
  disabledReason?: string | null;
}) {
  const { t } = useTranslation();
  const { control, note } = useDisabledReason(disabledReason);
  return (
    <>
      <select id={id} value={value ?? ''} {...control} required onChange={(e) => onChange(e.target.value as BodySite)}>
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
      {note}
    </>
  );
}

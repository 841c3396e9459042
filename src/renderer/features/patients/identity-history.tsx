// Every change of the patient's identity, newest first: when, what (a person's edit, an INSi
// answer, the regional server, a Relais update), who, and each field from its old value to its new.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityChange, IdentityHistoryEntry } from '../../../shared/patients/insi';
import { relais } from '../../api';
import { groupedMatricule, oidName } from './ins-format';
import { toFrenchDate } from '../../ui/parse-search';

export function IdentityHistory({ patientId, refresh }: { patientId: string; refresh: number }) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<IdentityHistoryEntry[] | null>(null);

  useEffect(() => {
    let current = true;
    void relais.invoke('patients.history', { id: patientId }).then((r) => current && setEntries(r.ok ? r.value : []));
    return () => {
      current = false;
    };
  }, [patientId, refresh]);

  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  function shown(change: IdentityChange, value: string | null): string {
    if (value === null) return t('vigilance.history.none');
    if (change.field === 'birthDate') return toFrenchDate(value);
    if (change.field === 'sex') return t(`form.sexes.${value}`);
    if (change.field === 'ins' || change.field === 'typedIns') {
      const [, matricule = value, oid = ''] = /^(\S+) \((.+)\)$/.exec(value) ?? [];
      return `${groupedMatricule(matricule)} (${t(`form.oids.${oidName(oid) ?? 'NIR'}`)})`;
    }
    if (change.field === 'identityDocument') {
      const document = JSON.parse(value) as { type: string; checkedBy: string; checkedOn: string };
      return t('vigilance.history.document', {
        type: t(`vigilance.document.types.${document.type}`),
        by: document.checkedBy,
        on: toFrenchDate(document.checkedOn),
      });
    }
    return value;
  }

  return (
    <section aria-labelledby="identity-history-title" className="identity-history">
      <h2 id="identity-history-title">{t('vigilance.history.title')}</h2>
      {entries?.length === 0 && <p>{t('vigilance.history.empty')}</p>}
      <ol className="plain-list">
        {entries?.map((entry) => (
          <li key={`${entry.version}-${entry.at}-${entry.operation}`}>
            <strong>
              {t('vigilance.history.entry', {
                at: when(entry.at),
                operation: t(`vigilance.history.operations.${entry.operation}`),
                by: entry.by,
              })}
            </strong>
            {entry.changes.length > 0 && (
              <ul>
                {entry.changes.map((change) => (
                  <li key={change.field}>
                    {t('vigilance.history.change', {
                      field: t(`vigilance.traits.${change.field}`),
                      from: shown(change, change.from),
                      to: shown(change, change.to),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

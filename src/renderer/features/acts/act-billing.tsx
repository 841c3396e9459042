// The billing codes each side of the act may bill (the assisting nurse's or pharmacist's, the
// expert's), suggested by the station from the one table it ships, with each code's tariff, its
// conditions and the text it comes from. Decision help for whoever bills, never an order: the card
// says so, and "no code" is shown with its reason.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Encounter } from '../../../shared/acts/encounter';
import type { BillingSuggestion, BillingSuggestions } from '../../../shared/billing/act-billing-codes';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { ActError } from '../../ui/error-line';
import { toFrenchDate } from '../../ui/parse-search';

function Side({ title, suggestion }: { title: string; suggestion: BillingSuggestion }) {
  const { t } = useTranslation();
  return (
    <div className="billing-side">
      <h3>{title}</h3>
      {suggestion.kind === 'none' ? (
        <p>{t(`billing.none.${suggestion.reason}`)}</p>
      ) : (
        <ul className="plain-list">
          {suggestion.codes.map((c) => (
            <li key={`${c.code}-${c.tariffFrom}`}>
              <strong>{c.code}</strong>{' '}
              {c.tariffEur === null ? t('billing.specialtyFee') : t('billing.euros', { amount: c.tariffEur })} —{' '}
              {c.label}
              <details>
                <summary>{t('billing.conditions')}</summary>
                <ul>
                  {c.conditions.map((condition) => (
                    <li key={condition}>{condition}</li>
                  ))}
                </ul>
                {c.uncertain && <p className="hint">{t('billing.uncertain', { why: c.uncertain })}</p>}
                <p className="hint">
                  {t('billing.source', { title: c.source.title, publisher: c.source.publisher })}{' '}
                  <span className="billing-url">{c.source.url}</span>
                </p>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The card as shown, from the station's answer (rendered alone by the tests). */
export function ActBillingView({
  suggestions,
  error,
}: {
  suggestions: BillingSuggestions | null;
  error: AppError | null;
}) {
  const { t } = useTranslation();
  return (
    <section className="card act-billing" aria-labelledby="billing-title">
      <h2 id="billing-title">{t('billing.title')}</h2>
      <p className="hint" role="note">
        {t('billing.help')}
      </p>
      <ActError error={error} />
      {suggestions && (
        <>
          <Side title={t('billing.requesting')} suggestion={suggestions.requesting} />
          <Side title={t('billing.expert')} suggestion={suggestions.expert} />
          {/* data-shot-stable: the table's review date is the shipped table's, not the clock's (screenshot checks). */}
          <p className="hint" data-shot-stable="">
            {t('billing.table', {
              title: suggestions.table.title,
              reviewed: toFrenchDate(suggestions.table.reviewed),
            })}
          </p>
        </>
      )}
    </section>
  );
}

export function ActBilling({ encounter }: { encounter: Encounter }) {
  const [suggestions, setSuggestions] = useState<BillingSuggestions | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // Read again when the act changes (its expert, its start): the codes depend on them.
  useEffect(() => {
    let current = true;
    void relais.invoke('encounters.billing', { id: encounter.id }).then((r) => {
      if (!current) return;
      setSuggestions(r.ok ? r.value : null);
      setError(r.ok ? null : r.error);
    });
    return () => {
      current = false;
    };
  }, [encounter.id, encounter.version]);
  return <ActBillingView suggestions={suggestions} error={error} />;
}

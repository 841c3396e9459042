// "Offres de la région", the coordinator's home: the offers of the hub's directory as the stations
// see them (specialty and its code, hospital, act types, hours in words, experts, the rota's lines),
// "Nouvelle offre" and each offer's "Modifier" and "Retirer" (after a confirmation). What is shown is
// always the directory the hub sent back, never the form's own copy.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../shared/hub-protocol';
import { ReasonedButton } from '../../ui/disabled-reason';
import { ModalDialog } from '../../ui/modal-dialog';
import { hoursWords, ruleWords } from '../../ui/opening-hours-words';
import { useCalls } from '../../webrtc/call-store';
import { relais } from '../../api';
import { OfferForm } from './offer-form';
import { useSpecialties } from './use-specialties';
import './offers.css';

type Editing = { offer: Offer | null } | null;

export function OffersScreen() {
  const { t } = useTranslation();
  const hub = useCalls((s) => s.hub);
  const specialties = useSpecialties();
  const [editing, setEditing] = useState<Editing>(null);
  const [withdrawing, setWithdrawing] = useState<Offer | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const online = hub.link === 'online';
  const offline = online ? null : t('offers.why.offline');
  const tableMissing = specialties.state === 'failed' ? t('offers.why.noTable') : null;

  async function withdraw(offer: Offer): Promise<void> {
    setWithdrawing(null);
    setFailure(null);
    const result = await relais.invoke('scheduling.withdrawOffer', { offerId: offer.id });
    if (result.ok) setNotice(t('offers.withdrawn', { specialty: offer.specialty, hospital: offer.hospital }));
    else setFailure(t(`offers.errors.${result.error.code}`, { defaultValue: t(`errors.${result.error.code}`) }));
  }

  if (editing && specialties.state === 'loaded')
    return (
      <section className="offers-screen" aria-labelledby="offers-title">
        <h1 id="offers-title">{t('offers.title')}</h1>
        <OfferForm
          initial={editing.offer}
          specialties={specialties.list}
          online={hub.peers}
          onPublished={(offers) => {
            const id = editing.offer?.id;
            setEditing(null);
            const shown = offers.find((o) => o.id === id) ?? offers[offers.length - 1];
            setNotice(shown ? t('offers.published', { specialty: shown.specialty, hospital: shown.hospital }) : null);
          }}
          onCancel={() => setEditing(null)}
        />
      </section>
    );

  return (
    <section className="offers-screen" aria-labelledby="offers-title">
      <h1 id="offers-title">{t('offers.title')}</h1>
      <p className="hint">{t('offers.intro')}</p>
      {hub.you && <p>{t('offers.you', { name: hub.you.name, site: hub.you.site })}</p>}
      {!online && (
        <p role="alert" className="banner banner-offline">
          {t('offers.hubDown')}
        </p>
      )}
      {specialties.state === 'failed' && (
        <p role="alert" className="error-text">
          {specialties.why}
        </p>
      )}
      {notice && (
        <p role="status" className="ok-text">
          {notice}
        </p>
      )}
      {failure && (
        <p role="alert" className="error-text">
          {failure}
        </p>
      )}
      <div className="button-row">
        <ReasonedButton
          className="primary"
          reason={offline ?? tableMissing}
          onClick={() => {
            setNotice(null);
            setEditing({ offer: null });
          }}
        >
          {t('offers.new')}
        </ReasonedButton>
      </div>
      {hub.offers.length === 0 && <p>{t('offers.none')}</p>}
      <ul className="offer-list">
        {hub.offers.map((offer) => (
          <li key={offer.id} className="card" aria-label={`${offer.specialty} — ${offer.hospital}`}>
            <h2>
              {offer.specialty}
              {offer.specialtyCode ? ` (${offer.specialtyCode})` : ''} — {offer.hospital}{' '}
              {offer.urgent && <span className="tag urgent">{t('offers.urgent')}</span>}
            </h2>
            <p>
              {offer.acts.map((act) => t(`offers.acts.${act}`)).join(', ')} ·{' '}
              {t('offers.hoursLine', { hours: hoursWords(offer.hours) })}
            </p>
            <p>
              {t('offers.expertsLine', {
                names: offer.experts.map((e) => e.name).join(', ') || t('offers.noExpert'),
              })}
              {offer.openToSpecialty ? ` ${t('offers.openToSpecialtyLine')}` : ''}
            </p>
            {offer.rota && <RotaSummary offer={offer} />}
            <div className="button-row">
              <ReasonedButton
                reason={offline ?? tableMissing}
                onClick={() => {
                  setNotice(null);
                  setEditing({ offer });
                }}
              >
                {t('offers.edit', { specialty: offer.specialty })}
              </ReasonedButton>
              <ReasonedButton className="warning" reason={offline} onClick={() => setWithdrawing(offer)}>
                {t('offers.withdraw', { specialty: offer.specialty })}
              </ReasonedButton>
            </div>
          </li>
        ))}
      </ul>
      {withdrawing && (
        <ModalDialog labelledBy="withdraw-title" describedBy="withdraw-text" onCancel={() => setWithdrawing(null)}>
          <h2 id="withdraw-title">{t('offers.withdrawConfirm.title')}</h2>
          <p id="withdraw-text">
            {t('offers.withdrawConfirm.text', { specialty: withdrawing.specialty, hospital: withdrawing.hospital })}
          </p>
          <div className="button-row">
            <button type="button" onClick={() => setWithdrawing(null)} autoFocus>
              {t('offers.withdrawConfirm.keep')}
            </button>
            <button type="button" className="warning" onClick={() => void withdraw(withdrawing)}>
              {t('offers.withdrawConfirm.confirm')}
            </button>
          </div>
        </ModalDialog>
      )}
    </section>
  );
}

/** The rota's lines in words: who is rung, in order, on which days and hours; its exceptions. */
function RotaSummary({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
  const rota = offer.rota!;
  const name = (id: string) => offer.experts.find((e) => e.id === id)?.name ?? id;
  return (
    <div className="rota-summary">
      <p>{t('offers.rotaLine', { seconds: rota.escalateAfterSeconds })}</p>
      <ul>
        {rota.weekly.map((s, i) => (
          <li key={`w${i}`}>
            {ruleWords(s, i18n.language)} : {s.experts.map(name).join(' → ')}
          </li>
        ))}
        {rota.exceptions.map((x) => (
          <li key={x.id}>
            {t('offers.exceptionLine', {
              from: when(x.from),
              to: when(x.to),
              experts: x.experts.map(name).join(' → '),
            })}
            {x.note ? ` (${x.note})` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

// The patient's consent to the act, to its recording or to sharing its images: what it is for,
// who gives (or refuses) it as French law allows (the patient, her legal representative, her
// personne de confiance, or nobody in a vital emergency: the physician who decides is named), and
// who collects it. Nothing is chosen beforehand; the station checks the same rules again, and its
// refusal, kept by the screen, comes back as `error`: each field's sentence under it, the rest below.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_GIVER_KINDS,
  ConsentScopeSchema,
  type Consent,
  type ConsentGiver,
  type ConsentScope,
} from '../../shared/acts/consent';
import type { AppError } from '../../shared/result';
import { relais } from '../api';
import { AuthorLine } from './author-line';
import { ActError } from './error-line';
import { invalidProps, splitFieldErrors } from './field-errors';
import { FieldError } from './form-field';
import { needAuthor } from './author-store';
import './consent.css';

type Kind = (typeof CONSENT_GIVER_KINDS)[number];

function giver(kind: Kind, name: string): ConsentGiver {
  if (kind === 'patient') return { kind };
  if (kind === 'vital_emergency') return { kind, physician: name.trim() };
  return { kind, name: name.trim() };
}

/** One recorded consent as a line: scope, decision, who gave it, who collected it and when. */
export function useConsentLine(): (
  c: Pick<Consent, 'scope' | 'decision' | 'givenBy' | 'collectedBy' | 'collectedAt'>,
) => string {
  const { t, i18n } = useTranslation();
  return (c) => {
    const g = c.givenBy;
    const name =
      g.kind === 'vital_emergency'
        ? g.physician
        : g.kind === 'legal_representative' || g.kind === 'trusted_person'
          ? g.name
          : '';
    return t('consent.line', {
      scope: t(`acts.scopes.${c.scope}`),
      decision: t(c.decision === 'given' ? 'acts.given' : 'acts.refused'),
      giver: t(`consent.giverLine.${g.kind}`, { name }),
      by: c.collectedBy,
      when: new Date(c.collectedAt).toLocaleString(i18n.language),
    });
  };
}

export function ConsentForm({
  encounterId,
  initialScope = 'act',
  error,
  onDone,
}: {
  encounterId: string;
  initialScope?: ConsentScope;
  /** The last refusal of this form (null once recorded). */
  error: AppError | null;
  onDone: (error: AppError | null) => void;
}) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<ConsentScope>(initialScope);
  const [kind, setKind] = useState<Kind | null>(null);
  const [name, setName] = useState('');
  const needsName = kind !== null && kind !== 'patient';
  const emergency = kind === 'vital_emergency';
  // Why the answer cannot be recorded yet, said beside the buttons.
  const missing = kind === null ? t('consent.chooseGiver') : needsName && !name.trim() ? t('consent.nameFirst') : null;
  const emergencyRecording = emergency && scope === 'recording';
  const whyId = useId();
  const refuseWhyId = useId();
  const ids = { scope: `consent-${encounterId}-scope`, giver: `consent-${encounterId}-giver` };
  const nameId = `consent-${encounterId}-name`;
  // The name's path is the one the station checks for this giver: a physician's, or a person's.
  const namePath = emergency ? 'givenBy.physician' : 'givenBy.name';
  const { byPath, rest } = splitFieldErrors(t, error, ['scope', 'givenBy', ...(needsName ? [namePath] : [])]);

  const record = async (decision: 'given' | 'refused') => {
    if (!kind) return;
    const author = await needAuthor();
    if (!author) return;
    const collectedAt = new Date().toISOString();
    const r = await relais.invoke('encounters.consent', {
      encounterId,
      scope,
      decision,
      givenBy: giver(kind, name),
      collectedBy: author.name,
      collectedAt,
    });
    if (r.ok) {
      setKind(null);
      setName('');
    }
    onDone(r.ok ? null : r.error);
  };

  return (
    <form className="consent-form" aria-label={t('acts.consents')} onSubmit={(e) => e.preventDefault()} noValidate>
      <label className="consent-scope">
        {t('consent.scope')}
        <select
          id={ids.scope}
          value={scope}
          onChange={(e) => setScope(e.target.value as ConsentScope)}
          {...invalidProps(ids.scope, byPath.scope)}
        >
          {ConsentScopeSchema.options.map((s) => (
            <option key={s} value={s}>
              {t(`acts.scopes.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <FieldError id={`${ids.scope}-error`} error={byPath.scope} />
      {/* A radiogroup: the role that may say it is invalid (a fieldset's group may not). */}
      <fieldset
        id={ids.giver}
        role="radiogroup"
        className="radio-group consent-givers"
        {...invalidProps(ids.giver, byPath.givenBy)}
      >
        <legend>{t('consent.givenByLegend')}</legend>
        {CONSENT_GIVER_KINDS.map((k) => (
          <label key={k} className="radio">
            <input
              type="radio"
              name={`consent-giver-${encounterId}`}
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            {t(`consent.givers.${k}`)}
          </label>
        ))}
      </fieldset>
      <FieldError id={`${ids.giver}-error`} error={byPath.givenBy} />
      {kind && <p className="hint">{t(`consent.law.${kind}`)}</p>}
      <div className="inline-form">
        {needsName && (
          <label>
            {t(`consent.names.${kind}`)}
            <input
              id={nameId}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={200}
              autoComplete="off"
              {...invalidProps(nameId, byPath[namePath])}
            />
          </label>
        )}
        <AuthorLine />
        <button
          type="button"
          disabled={missing !== null || emergencyRecording}
          aria-describedby={missing || emergencyRecording ? whyId : undefined}
          onClick={() => void record('given')}
        >
          {t('acts.given')}
        </button>
        {/* The urgency rule is nobody's refusal: only a person can refuse. */}
        <button
          type="button"
          disabled={missing !== null || emergency}
          aria-describedby={missing ? whyId : emergency ? refuseWhyId : undefined}
          onClick={() => void record('refused')}
        >
          {t('acts.refused')}
        </button>
      </div>
      {needsName && <FieldError id={`${nameId}-error`} error={byPath[namePath]} />}
      {missing && (
        <p className="hint" data-testid="consent-missing" id={whyId}>
          {missing}
        </p>
      )}
      {!missing && emergencyRecording && (
        <p className="hint" id={whyId}>
          {t('consent.emergencyNoRecording')}
        </p>
      )}
      {!missing && emergency && (
        <p className="hint" id={refuseWhyId}>
          {t('consent.emergencyNoRefusal')}
        </p>
      )}
      <ActError error={rest} />
    </form>
  );
}

// The pharmacy cabin in kiosk mode: the whole window, large touch targets, one step at a time
// with its pictogram, French or English for the patient, spoken prompts, and a discreet way out
// for the pharmacist (her PIN). Nothing else of the station is reachable from here.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../shared/patients/patient';
import { relais } from '../../api';
import { asProfessional, needAuthor, useAuthor } from '../../ui/author-store';
import { useCalls } from '../../webrtc/call-store';
import { CabinPrescriptions } from './cabin-prescriptions';
import { CallStep } from './call-step';
import { leaveEveryQueue } from './cabin-queue';
import { ConsentStep } from './consent-step';
import { IdentifyStep } from './identify-step';
import { KIOSK_STEPS, useKiosk, type KioskStep } from './kiosk-store';
import { MeasureStep } from './measure-step';
import { Pictogram } from './pictograms';
import { PinPad } from './pin-pad';
import { useVoice, speak } from './voice';
import { wipePatientTraces } from './wipe';
import './kiosk.css';

// The end screen clears itself if nobody touches it: the next patient must not find the last one.
const DONE_WIPE_MS = 90_000;
// A session left halfway (the patient walked out) is cleared too, though later: a patient may be
// slow. A call is never cut by this.
const IDLE_WIPE_MS = 5 * 60_000;

function useIdleWipe(step: KioskStep, inCall: boolean) {
  useEffect(() => {
    if (step === 'welcome' || step === 'done' || inCall) return;
    let last = Date.now();
    const touched = () => (last = Date.now());
    window.addEventListener('pointerdown', touched);
    window.addEventListener('keydown', touched);
    const timer = setInterval(() => {
      if (Date.now() - last > IDLE_WIPE_MS) void endSession();
    }, 10_000);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pointerdown', touched);
      window.removeEventListener('keydown', touched);
    };
  }, [step, inCall]);
}

async function endSession(): Promise<void> {
  // The next patient must not inherit this one's place, nor be rung for it.
  await leaveEveryQueue();
  await relais.invoke('kiosk.endSession', {});
  await wipePatientTraces();
}

function Welcome({ onStart }: { onStart(): void }) {
  const { t, i18n } = useTranslation();
  const site = useKiosk((s) => s.state?.site);
  useEffect(() => speak(t('kiosk.welcome.spoken'), i18n.language), [t, i18n.language]);
  return (
    <section className="kiosk-card kiosk-welcome" aria-labelledby="kiosk-welcome-title">
      <h2 id="kiosk-welcome-title">{t('kiosk.welcome.title')}</h2>
      <p>{t('kiosk.welcome.where', { site })}</p>
      <p>{t('kiosk.welcome.steps')}</p>
      <button type="button" className="kiosk-button" onClick={onStart}>
        {t('kiosk.welcome.start')}
      </button>
    </section>
  );
}

/** calledAct: the session's act when the doctor was called about it (her prescriptions are shown). */
function Done({ refused, calledAct }: { refused: boolean; calledAct: string | null }) {
  const { t, i18n } = useTranslation();
  // A prescription arriving restarts the wait: the pharmacist has the whole delay to print it.
  const [prescriptions, setPrescriptions] = useState(0);
  useEffect(() => speak(t('kiosk.done.spoken'), i18n.language), [t, i18n.language]);
  useEffect(() => {
    const timer = setTimeout(() => void endSession(), DONE_WIPE_MS);
    return () => clearTimeout(timer);
  }, [prescriptions]);
  return (
    <section className="kiosk-card" aria-labelledby="kiosk-done-title">
      <h2 id="kiosk-done-title">{refused ? t('kiosk.done.refusedTitle') : t('kiosk.done.title')}</h2>
      {/* First, so that printing it is at hand on the cabin's screen without scrolling. */}
      {!refused && calledAct && <CabinPrescriptions encounterId={calledAct} onShown={setPrescriptions} />}
      <p>{t('kiosk.done.recordSafe')}</p>
      <button type="button" className="kiosk-button" onClick={() => void endSession()}>
        {t('kiosk.done.end')}
      </button>
    </section>
  );
}

export function KioskScreen() {
  const { t, i18n } = useTranslation();
  const { session, state, update } = useKiosk();
  const voice = useVoice();
  const author = useAuthor();
  const inCall = useCalls((s) => s.call !== null);
  const waitingInQueue = useCalls((s) => (s.hub.queue?.places.length ?? 0) > 0);
  const [leaving, setLeaving] = useState(false);
  const [exitRefused, setExitRefused] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const go = (step: KioskStep) => update({ step });
  // Waiting in an offer's queue is waiting for a call: the patient touches nothing meanwhile.
  useIdleWipe(session.step, inCall || waitingInQueue);
  // Under Electron, closing the window or quitting is refused in kiosk mode: the pharmacist's
  // keypad opens, saying why, so that whoever tried knows what to do.
  useEffect(
    () =>
      relais.on('kiosk.exitRefused', () => {
        setExitRefused(true);
        setLeaving(true);
      }),
    [],
  );
  const closeKeypad = () => {
    setLeaving(false);
    setExitRefused(false);
  };

  // The pharmacist is the session's author (said once, or signed in): the requester of the act, who
  // collects the consent and takes the measurements. Asked here only if she closed the question.
  const pharmacist = async () => {
    const author = await needAuthor('pharmacist');
    if (!author) setProblem(t('kiosk.identify.pharmacistMissing'));
    return author;
  };

  async function identified(patient: Patient) {
    const author = await pharmacist();
    if (!author) return;
    const result = await relais.invoke('encounters.create', {
      patientId: patient.id,
      act: 'teleconsultation',
      assisted: true,
      requester: asProfessional(author),
      expert: null,
      site: state?.site ?? '',
      specialty: null,
      reason: t('kiosk.call.reason', { lng: 'fr' }),
      callId: null,
    });
    if (!result.ok) return setProblem(t(`errors.${result.error.code}`));
    setProblem(null);
    update({ patient, encounter: result.value, step: 'consent' });
  }

  async function consent(decision: 'given' | 'refused') {
    const { encounter } = session;
    const author = await pharmacist();
    if (!encounter || !author) return;
    // The patient answers herself at the cabin's screen (CSP L1111-4, R6316-2); the pharmacist collects it.
    const result = await relais.invoke('encounters.consent', {
      encounterId: encounter.id,
      scope: 'act',
      decision,
      givenBy: { kind: 'patient' },
      collectedBy: author.name,
      collectedAt: new Date().toISOString(),
    });
    if (!result.ok) return setProblem(t(`errors.${result.error.code}`));
    if (decision === 'refused') {
      // A refused act never starts: it is closed (cancelled), with the refusal recorded.
      const closed = await relais.invoke('encounters.setStatus', {
        id: encounter.id,
        version: encounter.version,
        status: 'closed',
      });
      update({ refused: true, step: 'done', ...(closed.ok ? { encounter: closed.value } : {}) });
    } else go('measure');
  }

  // The patient's language for this session only: it is not saved on the station.
  const switchLanguage = () => {
    const next = i18n.language === 'fr' ? 'en' : 'fr';
    document.documentElement.lang = next;
    void i18n.changeLanguage(next);
  };

  return (
    <div className="kiosk" data-step={session.step}>
      <header className="kiosk-header">
        <span className="brand">
          {t('app.name')} — {state?.site}
        </span>
        <button
          type="button"
          className="kiosk-small"
          lang={i18n.language === 'fr' ? 'en' : 'fr'}
          onClick={switchLanguage}
        >
          {t('kiosk.otherLanguage')}
        </button>
        <button type="button" className="kiosk-small" aria-pressed={voice.on} onClick={voice.toggle}>
          {t('kiosk.voice')}
        </button>
        <button type="button" className="kiosk-small" onClick={() => setLeaving(true)}>
          {t('kiosk.pharmacistArea')}
        </button>
      </header>
      {!inCall && (
        <ol className="kiosk-steps" aria-label={t('kiosk.stepsLabel')}>
          {KIOSK_STEPS.map((step) => (
            <li key={step} aria-current={step === session.step ? 'step' : undefined}>
              <Pictogram step={step} />
              <span>{t(`kiosk.steps.${step}`)}</span>
            </li>
          ))}
        </ol>
      )}
      {leaving && (
        <PinPad
          purpose="leave"
          choosing={false}
          {...(exitRefused ? { note: t('kiosk.pin.exitRefused') } : {})}
          onDone={closeKeypad}
          onCancel={closeKeypad}
        />
      )}
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      <main className="kiosk-main" hidden={leaving}>
        {session.step === 'welcome' && <Welcome onStart={() => go('identify')} />}
        {session.step === 'identify' && <IdentifyStep author={author} onIdentified={(p) => void identified(p)} />}
        {session.step === 'consent' && <ConsentStep onDecision={(d) => void consent(d)} />}
        {session.step === 'measure' && <MeasureStep onNext={() => go('call')} />}
        {session.step === 'call' && <CallStep onEnded={() => go('done')} />}
        {session.step === 'done' && (
          <Done refused={session.refused} calledAct={session.encounter?.callId ? session.encounter.id : null} />
        )}
        {session.step !== 'welcome' && session.step !== 'done' && !inCall && (
          <button type="button" className="kiosk-small kiosk-cancel" onClick={() => void endSession()}>
            {t('kiosk.cancelSession')}
          </button>
        )}
      </main>
    </div>
  );
}

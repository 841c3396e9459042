// The station's window: header, link banner, and the current screen.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hasStationKey } from './api';
import { CallView } from './features/calls/call-view';
import { CallFromAct } from './features/calls/call-from-act';
import { CallHistory } from './features/calls/call-history';
import { CallsScreen } from './features/calls/calls-screen';
import { QueuePanel } from './features/calls/offer-queue';
import { useCalls } from './webrtc/call-store';
import { Header } from './header';
import { DiskBanner } from './features/station/disk-banner';
import { useView } from './ui/view-store';
import { DevicesScreen } from './features/devices/devices-screen';
import { HomeScreen } from './features/station/home-screen';
import { SyncScreen } from './features/station/sync-screen';
import { TechniqueScreen } from './features/station/technique-screen';
import { useStationRole } from './station-role';
import { DatabaseBanner } from './features/station/database-banner';
import { ActScreen } from './features/acts/act-screen';
import { ActivityScreen } from './features/activity/activity-screen';
import { useStation } from './features/station/station-store';
import { KioskScreen } from './features/kiosk/kiosk-screen';
import { AuthorDialog } from './features/identity/author-dialog';
import { useKiosk } from './features/kiosk/kiosk-store';
import { useIdentity } from './ui/identity-store';
import { useActivityPings } from './features/identity/activity-pings';
import { useBadgeReader } from './features/identity/badge-reader';
import { badgeRead } from './features/identity/badge-store';
import { SignInGate } from './features/identity/sign-in-gate';
import { NewPatientScreen } from './features/patients/new-patient-screen';
import { PatientScreen } from './features/patients/patient-screen';
import { PatientsScreen } from './features/patients/patients-screen';
import { InboxScreen } from './features/teleexpertise/inbox-screen';
import { RequestScreen } from './features/teleexpertise/request-view';
import { ActExpertise } from './features/teleexpertise/act-expertise';
import { NewRequestForm } from './features/teleexpertise/new-request-form';
import { RequestStateLabel } from './features/teleexpertise/request-state-label';
import { PatientActs } from './features/acts/patient-acts';
import { PatientImaging } from './features/imaging/patient-imaging';
import { ActStroke, StrokeError } from './features/stroke/act-stroke';
import { StrokeSheetView } from './features/stroke/stroke-sheet-view';
import { KioskEntry } from './features/kiosk/kiosk-entry';
import { dismiss, joinQueue, leaveQueue, ring, stepAway } from './features/calls/call-controller';
import { CallActVitals } from './features/acts/act-vitals';
import { PrescriptionList } from './features/acts/act-prescriptions';
import { SlotsProvider, type Slots } from './ui/slots';
import { ExpertReportEditor } from './features/remote-acts/expert-report-editor';
import { PrescriptionEditor } from './features/remote-acts/prescription-editor';
import { ReportWorklist } from './features/remote-acts/report-worklist';
import { RemoteActScreen } from './features/remote-acts/remote-act-screen';
import { OffersScreen } from './features/scheduling/offers-screen';
import { BookingScreen } from './features/agenda/booking-screen';
import { AgendaScreen } from './features/agenda/agenda-screen';
import { AvailabilityScreen } from './features/agenda/availability-screen';
import { BookFollowUp, PatientAppointments } from './features/agenda/patient-appointments';
import { TodayAppointments } from './features/agenda/today-appointments';

const onBadge = (uid: string) => void badgeRead(uid);

// Where a feature shows another's screen, this is the one place that knows both (ui/slots.tsx).
const slots: Slots = {
  PatientActs,
  PatientImaging,
  NewRequestForm,
  RequestStateLabel,
  ActExpertise,
  ActStroke,
  ActVitals: CallActVitals,
  CabinPrescriptions: (props) => <PrescriptionList cabin {...props} />,
  StrokeSheetView,
  StrokeError,
  KioskEntry,
  CallView,
  CallFromAct,
  WaitingCalls: () => <CallHistory waitingOnly />,
  calls: { ring, dismiss, queue: { join: joinQueue, leave: leaveQueue, stepAway } },
  ExpertReport: ExpertReportEditor,
  ExpertPrescription: PrescriptionEditor,
  ReportWorklist,
  QueuePanel,
  PatientAppointments,
  BookFollowUp,
  TodayAppointments,
};

export function App() {
  return (
    <SlotsProvider value={slots}>
      <Shell />
    </SlotsProvider>
  );
}

function Shell() {
  const { t } = useTranslation();
  const view = useView((s) => s.view);
  const link = useStation((s) => s.link);
  const disk = useStation((s) => s.status?.disk);
  const loadStation = useStation((s) => s.load);
  const inCall = useCalls((s) => s.call !== null);
  const callPhase = useCalls((s) => s.call?.phase ?? null);
  const ringingFrom = useCalls((s) =>
    s.call?.phase === 'ringing' && s.call.direction === 'incoming' ? s.call.remote.name : null,
  );
  const kiosk = useKiosk((s) => s.state);
  const loadKiosk = useKiosk((s) => s.load);
  const identity = useIdentity((s) => s.state);
  const loadIdentity = useIdentity((s) => s.load);
  const role = useStationRole();
  useEffect(() => {
    // The station's status too: a full disk is said on every screen, not only at home.
    if (hasStationKey) void Promise.all([loadKiosk(), loadIdentity(), loadStation()]);
  }, [loadKiosk, loadIdentity, loadStation]);
  // Not in a cabin's kiosk mode: the cart's lock waits meanwhile, and the cabin's channels leave it alone.
  useActivityPings(identity?.configured === true && kiosk?.active === false, inCall && callPhase !== 'ringing');
  // A badge reader is listened to wherever a professional signs in, not in a cabin's kiosk mode.
  useBadgeReader(hasStationKey && identity?.configured === true && kiosk?.active === false, onBadge);

  if (!hasStationKey) {
    return (
      <main className="no-key" aria-labelledby="no-key-title">
        <h1 id="no-key-title">{t('link.noKeyTitle')}</h1>
        <p>{t('link.noKey')}</p>
      </main>
    );
  }
  // Until the station says whether this is a cabin in kiosk mode, nothing is shown: a cabin must
  // never flash the station's screens to the patient.
  if (!kiosk || !identity) return null;
  // "Qui êtes-vous ?" for the cabin's pharmacist (the session's author): the header's badge, where
  // the question lives on the other screens, is not shown in kiosk mode.
  if (kiosk.active)
    return (
      <>
        <KioskScreen />
        <AuthorDialog />
      </>
    );
  // Locked between acts, the screens stay behind the lock, hidden, so that nothing typed is lost;
  // signed out, they go (the next professional starts afresh).
  const lockedBehind = identity.configured && identity.user !== null && identity.unlockPinSet && identity.locked;
  if (identity.configured && !lockedBehind && (!identity.user || !identity.unlockPinSet)) {
    return (
      <>
        <Header role={role} />
        <DiskBanner disk={disk} />
        <DatabaseBanner />
        <main className="screen">
          <SignInGate state={identity} />
        </main>
      </>
    );
  }
  return (
    <>
      <Header role={role} />
      <DatabaseBanner />
      {link === 'offline' && (
        <div className="banner banner-offline" role="alert">
          {t('link.offline')}
        </div>
      )}
      <DiskBanner disk={disk} />
      {lockedBehind && (
        <main className="screen">
          {ringingFrom && (
            <p role="alert" className="banner">
              {t('identity.gate.ringing', { name: ringingFrom })}
            </p>
          )}
          <SignInGate state={identity} />
        </main>
      )}
      <main className="screen" hidden={lockedBehind}>
        {/* A call takes the screen while it lasts; the other screens keep their state behind it. */}
        {inCall && <CallView />}
        <div hidden={inCall}>
          {view.name === 'calls' && <CallsScreen />}
          {view.name === 'home' && role === 'coordinator' && <OffersScreen />}
          {view.name === 'home' && role !== 'coordinator' && <HomeScreen role={role} pharmacy={kiosk.site} />}
          {view.name === 'technique' && <TechniqueScreen role={role} />}
          {view.name === 'activity' && <ActivityScreen />}
          {view.name === 'sync' && <SyncScreen />}
          {/* Not kept behind a call: its keyboard steering must not act from a hidden screen. */}
          {view.name === 'devices' && !inCall && <DevicesScreen />}
          {view.name === 'patients' && <PatientsScreen />}
          {view.name === 'new-patient' && <NewPatientScreen />}
          {view.name === 'patient' && <PatientScreen key={view.id} id={view.id} />}
          {view.name === 'act' && <ActScreen key={view.id} id={view.id} />}
          {view.name === 'expertise-inbox' && <InboxScreen />}
          {view.name === 'agenda' && <AgendaScreen />}
          {view.name === 'availability' && <AvailabilityScreen />}
          {view.name === 'book' && (
            <BookingScreen key={view.patientId} patientId={view.patientId} encounterId={view.encounterId} />
          )}
          {view.name === 'expertise-request' && <RequestScreen key={view.id} id={view.id} />}
          {view.name === 'remote-act' && (
            <RemoteActScreen key={`${view.peerId}/${view.actId}`} peerId={view.peerId} actId={view.actId} />
          )}
        </div>
      </main>
    </>
  );
}

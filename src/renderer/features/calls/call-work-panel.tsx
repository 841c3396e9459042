// The working panel beside the call's video: one tab at a time (messages, the act, the expert's
// report and prescription, consent, camera, examination, the act's measurements, stroke sheet,
// images), scrolling inside itself so that the video never leaves the screen. Every tab stays
// mounted (hidden, not removed): a message being typed, a patient being picked, a prescription
// being written or a series on screen survive a look at another tab. What the other side shares
// or asks arrives as a notice above the tabs, with a button that opens it.
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallConsent } from '../../../shared/acts/consent-channels';
import type { CurrentCall } from '../../webrtc/call-store';
import { AuscultationPanel } from './auscultation-panel';
import { CallAttachments } from './call-attachments';
import { CallConsentPanel } from './call-consent-panel';
import { ChatPanel } from './chat-panel';
import { ControlStrip } from './control-strip';
import { ExamDevices } from './exam-devices';
import { RemoteCameraPad } from './remote-camera-pad';
import { RemotePhoto } from './remote-photo';
import { SharedImagingPanel } from './shared-imaging-panel';
import { useSharedImaging } from './shared-imaging';
import { useSharedStroke } from './shared-stroke';
import { StrokeCallPanel } from './stroke-call-panel';
import { useSlots } from '../../ui/slots';
import { callActId } from './act-of-call';
import { ActContextPanel } from './act-context-view';
import { CallReport } from './call-report';
import { CallPrescription } from './call-prescription';
import { BloodPressureRequestNotice } from './blood-pressure-request';
import { LiveVitalsPanel } from './live-vitals-panel';
import { useShareActResults } from './use-share-act-results';
import { useSignedArrivals } from './signed-arrivals';

type Tab = 'chat' | 'act' | 'report' | 'prescription' | 'consent' | 'camera' | 'exam' | 'vitals' | 'stroke' | 'images';

interface Props {
  call: CurrentCall;
  isCart: boolean;
  isExpert: boolean;
  cabin: boolean;
  consent: CallConsent | null;
  recordingBlocked: string | null;
}

function Notice({ text, button, onOpen }: { text: string; button: string; onOpen(): void }) {
  return (
    <p className="call-notice">
      <span>{text}</span>
      <button type="button" className="primary" onClick={onOpen}>
        {button}
      </button>
    </p>
  );
}

export function CallWorkPanel({ call, isCart, isExpert, cabin, consent, recordingBlocked }: Props) {
  const { t } = useTranslation();
  const { ActVitals } = useSlots();
  // The act the measurements go to: the one the call was placed from, else the one linked to it.
  const actId = callActId(call, consent);
  // The act's blood pressures, temperatures and weights go to the expert as they are recorded.
  useShareActResults(isCart && !cabin ? actId : null);
  const [tab, setTab] = useState<Tab>('chat');
  // The shares already looked at: their notice goes once their tab has been opened.
  const [seen, setSeen] = useState<string[]>([]);
  const share = useSharedImaging((s) => s.share);
  const arrived = useSignedArrivals((s) => s.arrived);
  const dismissArrival = useSignedArrivals((s) => s.dismiss);
  const stroke = useSharedStroke().stroke;
  const receivedImages = share && share.role !== 'sharer' ? `images:${share.shareId}` : null;
  const receivedStroke = stroke && stroke.role === 'neurologist' ? `stroke:${stroke.patient}` : null;

  // Not in the pharmacy cabin: both the stroke sheet and images pick a patient from the registry.
  const tabs: Tab[] = [
    'chat',
    // The expert reads the act the requesting station sent (its consents, measurements and files).
    // She writes and signs her report of it, and her prescription.
    ...(isExpert ? (['act', 'report', 'prescription'] as const) : []),
    ...(isCart && consent ? (['consent'] as const) : []),
    ...(isCart || isExpert ? (['camera'] as const) : []),
    'exam',
    // The cart measures into the call's act; the cabin measured in its own step, before the call.
    // The expert sees the cart's measurements live.
    ...((isCart && !cabin) || isExpert ? (['vitals'] as const) : []),
    // The expert gets the stroke sheet and the images when the requesting station shares them (its
    // notice opens them): empty tabs would push her report's tab to a second row on a 1366 px screen.
    ...(!cabin && (!isExpert || stroke) ? (['stroke'] as const) : []),
    ...(!cabin && (!isExpert || share) ? (['images'] as const) : []),
  ];
  // A tab that went (a share that stopped) leaves its panel: the messages show instead.
  const current: Tab = tabs.includes(tab) ? tab : 'chat';
  const open = (next: Tab) => {
    setTab(next);
    const key = next === 'images' ? receivedImages : next === 'stroke' ? receivedStroke : null;
    if (key && !seen.includes(key)) setSeen([...seen, key]);
  };
  // Arrow keys move along the tabs (the WAI-ARIA tabs pattern); Tab goes on into the panel.
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length]!;
    open(next);
    document.getElementById(`call-tab-${next}`)?.focus();
  };
  const panel = (id: Tab, children: ReactNode) =>
    tabs.includes(id) && (
      <div
        key={id}
        role="tabpanel"
        id={`call-panel-${id}`}
        aria-labelledby={`call-tab-${id}`}
        className="call-work-panel"
        hidden={current !== id}
      >
        {children}
      </div>
    );
  const showImagesNotice = receivedImages && current !== 'images' && !seen.includes(receivedImages);
  const showStrokeNotice = receivedStroke && current !== 'stroke' && !seen.includes(receivedStroke);
  const noExam = isExpert && !call.remoteStreams.some((r) => r.kind === 'stethoscope') && !call.attachments.length;

  return (
    <div className="call-work" data-testid="call-work" role="region" aria-label={t('calls.work.label')}>
      {/* Always there, so that what is put in it is read out (a live region added later may not be). */}
      <div className="call-notices" role="status">
        {isCart && <BloodPressureRequestNotice />}
        {!isExpert &&
          arrived.map((a) => (
            <Notice
              key={a.id}
              text={t(`calls.notices.${a.kind}Arrived`, { name: a.signer })}
              button={t('calls.notices.understood')}
              onOpen={() => dismissArrival(a.id)}
            />
          ))}
        {isCart && call.controlRequested && (
          <Notice
            text={t('calls.notices.controlAsked', { name: call.remote.name })}
            button={t('calls.notices.answer')}
            onOpen={() => open('camera')}
          />
        )}
        {showImagesNotice && (
          <Notice
            text={t('calls.notices.images', { name: call.remote.name })}
            button={t('calls.notices.openImages')}
            onOpen={() => open('images')}
          />
        )}
        {showStrokeNotice && (
          <Notice
            text={t('calls.notices.stroke', { name: call.remote.name })}
            button={t('calls.notices.openStroke')}
            onOpen={() => open('stroke')}
          />
        )}
      </div>
      <div className="call-tabs" role="tablist" aria-label={t('calls.work.label')}>
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`call-tab-${id}`}
            aria-controls={`call-panel-${id}`}
            aria-selected={current === id}
            tabIndex={current === id ? 0 : -1}
            onClick={() => open(id)}
            onKeyDown={onKey}
          >
            {t(`calls.work.tabs.${id}`)}
          </button>
        ))}
      </div>
      {panel('chat', <ChatPanel lines={call.chat} disabled={call.phase === 'ended'} />)}
      {panel('act', <ActContextPanel call={call} />)}
      {panel('report', <CallReport call={call} />)}
      {panel('prescription', <CallPrescription call={call} />)}
      {panel('consent', <CallConsentPanel call={call} consent={consent} cabin={cabin} />)}
      {panel(
        'camera',
        isCart ? (
          <ControlStrip call={call} />
        ) : (
          <>
            <RemoteCameraPad call={call} />
            <RemotePhoto call={call} />
          </>
        ),
      )}
      {panel(
        'exam',
        <>
          {noExam && <p className="hint">{t('calls.work.emptyExam')}</p>}
          <AuscultationPanel call={call} recordingBlocked={recordingBlocked} />
          <CallAttachments call={call} />
          {isCart && <ExamDevices call={call} />}
        </>,
      )}
      {panel(
        'vitals',
        isExpert ? (
          <LiveVitalsPanel connected={call.phase === 'connected'} />
        ) : actId ? (
          <ActVitals encounterId={actId} />
        ) : (
          <p className="hint">{t('calls.work.noActForVitals')}</p>
        ),
      )}
      {panel(
        'stroke',
        <>
          {!isCart && !stroke && <p className="hint">{t('calls.work.noStroke')}</p>}
          <StrokeCallPanel call={call} isCart={isCart} />
        </>,
      )}
      {panel(
        'images',
        <>
          {!isCart && !share && <p className="hint">{t('calls.work.noImages')}</p>}
          <SharedImagingPanel isCart={isCart} consent={consent} />
        </>,
      )}
    </div>
  );
}

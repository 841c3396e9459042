// The urgent call's escalation (issue 22, point 4): the station asks the hub who is on duty for the
// offer now (offer.duty), and rings them in that order. An expert who does not answer within the
// offer's delay is cancelled and the next one (the backup) rings; one who declines, is busy or is
// offline passes the alert on at once. When the hub does not answer within a second, the station
// reads the rota of the offer it keeps with its own clock. Each step, once its outcome is known, is
// reported to main, which keeps it in the act the alert was placed from.
import type { StoreApi, UseBoundStore } from 'zustand';
import type { EscalationOutcome, EscalationSource } from '../../../shared/acts/escalation';
import type { RelaisApi } from '../../../shared/contract';
import type { Offer, ServerMessage } from '../../../shared/hub-protocol';
import { escalationDelaySeconds, expertNameIn, ringOrder } from '../../../shared/scheduling/offer';
import { onDutyAt } from '../../../shared/scheduling/rota';
import type { AppError } from '../../../shared/result';
import type { useCalls } from '../../webrtc/call-store';

/** How long the station waits for the hub's word on who is on duty before reading the rota itself. */
export const DUTY_ANSWER_MS = 1000;

export interface Attempt {
  peerId: string;
  name: string;
  /** The hub's call, once it rang (null: never rung, or refused by the hub at once). */
  callId: string | null;
  /** When it was rung (ms since the epoch). */
  rungAt: number;
  outcome: EscalationOutcome | null;
  waitedSeconds: number;
}

export interface Escalation {
  id: string;
  offerId: string;
  reason: string;
  /** The act the alert is placed from: each expert is rung for it, and each step kept in it. */
  actId: string | null;
  /** asking: waiting for the hub's word on who is on duty. */
  state: 'asking' | 'ringing' | 'answered' | 'exhausted' | 'stopped';
  queue: { id: string; name: string }[];
  attempts: Attempt[];
  delaySeconds: number;
  source: EscalationSource | null;
  /** A step main refused to keep (said on the cart: the act's record would miss it). */
  recordError: AppError | null;
}

export interface Duty {
  experts: { id: string; name: string }[];
  source: EscalationSource;
  delaySeconds: number;
}

export interface EscalationRunnerDeps {
  api: Pick<RelaisApi, 'invoke' | 'on'>;
  calls: typeof useCalls;
  state: UseBoundStore<StoreApi<{ escalation: Escalation | null }>>;
  ring(peerId: string, reason: string, urgent: boolean, actId?: string): Promise<void>;
  cancel(): Promise<void>;
  now: () => number;
  newId: () => string;
}

/** Who is on duty by this station's clock and its copy of the offer (the hub did not answer). */
export function dutyFromOffer(offer: Offer, at: Date): Duty {
  const experts = ringOrder(offer, at).map((id) => ({ id, name: expertNameIn(offer, id) }));
  const onDuty = offer.rota ? onDutyAt(offer.rota, at, offer.hours.region) : null;
  const source: EscalationSource =
    onDuty && onDuty.experts.length > 0
      ? {
          kind: onDuty.source.kind,
          detail: 'id' in onDuty.source ? onDuty.source.id : 'name' in onDuty.source ? onDuty.source.name : '',
          decidedBy: 'station',
        }
      : { kind: 'experts', detail: '', decidedBy: 'station' };
  return { experts, source, delaySeconds: escalationDelaySeconds(offer) };
}

type DutyAnswer = Extract<ServerMessage, { type: 'offer.duty' }>;
const dutyFromHub = (m: DutyAnswer): Duty => ({
  experts: m.experts.map(({ id, name }) => ({ id, name })),
  source: { kind: m.source.kind, detail: m.source.detail.slice(0, 200), decidedBy: 'hub' },
  delaySeconds: Math.min(600, m.escalateAfterSeconds),
});

/** The hub's ring outcomes, as the escalation names them; others (a hang-up) stop it. */
const OUTCOME_OF: Record<string, EscalationOutcome> = {
  declined: 'declined',
  busy: 'busy',
  offline: 'offline',
  timeout: 'no_answer',
  cancelled: 'cancelled',
};

export function createEscalationRunner(deps: EscalationRunnerDeps) {
  const { api, calls, state } = deps;
  let unwatch: (() => void) | null = null;
  let delayTimer: ReturnType<typeof setTimeout> | null = null;
  /** The delay ran out and the ring's cancel is on its way: its end is "no answer", unless she answered meanwhile. */
  let passingOn = false;

  const current = () => state.getState().escalation;
  const update = (change: Partial<Escalation>) => {
    const e = current();
    if (e) state.setState({ escalation: { ...e, ...change } });
  };
  const secondsSince = (at: number) => Math.max(0, Math.round((deps.now() - at) / 1000));
  const stopTimer = () => {
    if (delayTimer) clearTimeout(delayTimer);
    delayTimer = null;
  };

  function askDuty(offer: Offer): Promise<Duty> {
    return new Promise((resolve) => {
      let done = false;
      const finish = (duty: Duty) => {
        if (done) return;
        done = true;
        off();
        clearTimeout(timer);
        resolve(duty);
      };
      const fallback = () => finish(dutyFromOffer(offer, new Date(deps.now())));
      const off = api.on('calls.message', (m) => {
        if (m.type === 'offer.duty' && m.offerId === offer.id) finish(dutyFromHub(m));
      });
      const timer = setTimeout(fallback, DUTY_ANSWER_MS);
      void api.invoke('calls.send', { type: 'offer.duty', offerId: offer.id }).then((r) => r.ok || fallback());
    });
  }

  /** Reports a step to main, to be kept in the act; an alert without an act keeps nothing. */
  function report(e: Escalation, attempt: Attempt): void {
    if (!e.actId || attempt.outcome === null || !e.source) return;
    const rank = e.attempts.indexOf(attempt) + 1;
    void api
      .invoke('encounters.escalationStep', {
        encounterId: e.actId,
        escalationId: e.id,
        rank,
        offerId: e.offerId,
        expertId: attempt.peerId,
        expertName: attempt.name,
        ...(attempt.callId ? { callId: attempt.callId } : {}),
        rungAt: new Date(attempt.rungAt).toISOString(),
        outcome: attempt.outcome,
        waitedSeconds: attempt.waitedSeconds,
        delaySeconds: e.delaySeconds,
        source: e.source,
      })
      .then((r) => {
        if (!r.ok && current()?.id === e.id) update({ recordError: r.error });
      });
  }

  /** Gives the last attempt its outcome and reports it. */
  function settle(outcome: EscalationOutcome, waitedSeconds?: number): void {
    const e = current();
    const last = e?.attempts[e.attempts.length - 1];
    if (!e || !last || last.outcome !== null) return;
    const settled = { ...last, outcome, waitedSeconds: waitedSeconds ?? secondsSince(last.rungAt) };
    const attempts = [...e.attempts.slice(0, -1), settled];
    update({ attempts });
    report({ ...e, attempts }, settled);
  }

  async function ringNext(): Promise<void> {
    stopTimer();
    passingOn = false;
    const e = current();
    if (!e) return;
    const online = new Set(calls.getState().hub.peers.map((p) => p.id));
    const queue = [...e.queue];
    let next = queue.shift();
    // One not online now is skipped, and the act says so.
    while (next && !online.has(next.id)) {
      const skipped: Attempt = {
        peerId: next.id,
        name: next.name,
        callId: null,
        rungAt: deps.now(),
        outcome: 'offline',
        waitedSeconds: 0,
      };
      const attempts = [...current()!.attempts, skipped];
      update({ attempts, queue });
      report({ ...current()!, attempts }, skipped);
      next = queue.shift();
    }
    if (!next) {
      update({ queue: [], state: 'exhausted' });
      return;
    }
    const peer = calls.getState().hub.peers.find((p) => p.id === next.id)!;
    const attempt: Attempt = {
      peerId: peer.id,
      name: peer.name,
      callId: null,
      rungAt: deps.now(),
      outcome: null,
      waitedSeconds: 0,
    };
    update({ queue, attempts: [...current()!.attempts, attempt], state: 'ringing' });
    const escalationId = e.id;
    delayTimer = setTimeout(() => void delayRunOut(escalationId), e.delaySeconds * 1000);
    await deps.ring(peer.id, e.reason, true, e.actId ?? undefined);
    // The station could not send the ring (the hub unreachable): the page says why; the alert stops.
    if (calls.getState().call === null && current()?.id === escalationId && current()?.state === 'ringing') {
      stopTimer();
      update({ state: 'stopped' });
    }
  }

  /** The offer's delay ran out without an answer: this ring is cancelled and the next expert rings. */
  async function delayRunOut(escalationId: string): Promise<void> {
    delayTimer = null;
    const e = current();
    if (!e || e.id !== escalationId || e.state !== 'ringing') return;
    const call = calls.getState().call;
    if (call?.acceptedAt) return;
    if (call && call.phase === 'ringing' && call.callId !== 'pending') {
      // The hub's call.ended (cancelled) then records "no answer" and passes the alert on (see
      // watch); she may still answer before the cancel reaches the hub, and then she answered.
      passingOn = true;
      await deps.cancel();
      return;
    }
    settle('no_answer', e.delaySeconds);
    // The hub never named this ring (no answer to it at all): move on without it.
    if (call?.phase !== 'ended') calls.setState({ call: null });
    await ringNext();
  }

  function watch(): () => void {
    return calls.subscribe((s, previous) => {
      const e = current();
      const call = s.call;
      if (!e || e.state !== 'ringing' || !call || call.direction !== 'outgoing') return;
      const last = e.attempts[e.attempts.length - 1];
      if (!last || call.remote.id !== last.peerId) return;
      if (call.phase === 'ringing' && call.callId !== 'pending' && last.callId !== call.callId) {
        update({ attempts: [...e.attempts.slice(0, -1), { ...last, callId: call.callId }] });
        return;
      }
      if (call.acceptedAt !== null) {
        stopTimer();
        passingOn = false;
        settle('answered');
        update({ state: 'answered' });
        return;
      }
      if (call.phase === 'ended' && previous.call?.phase !== 'ended') {
        stopTimer();
        const passedOn = passingOn;
        passingOn = false;
        const outcome = passedOn ? 'no_answer' : (OUTCOME_OF[call.end?.reason ?? ''] ?? 'cancelled');
        settle(outcome, passedOn ? e.delaySeconds : undefined);
        if (outcome === 'cancelled') {
          update({ state: 'stopped' });
          return;
        }
        // The ended card goes, and the next expert rings.
        calls.setState({ call: null });
        void ringNext();
      }
    });
  }

  return {
    /** Starts the alert for an urgent offer; with none of its experts online, it is exhausted at once. */
    async callOnDuty(offer: Offer, reason: string, actId: string | null = null): Promise<void> {
      unwatch?.();
      stopTimer();
      const id = deps.newId();
      state.setState({
        escalation: {
          id,
          offerId: offer.id,
          reason,
          actId,
          state: 'asking',
          queue: [],
          attempts: [],
          delaySeconds: escalationDelaySeconds(offer),
          source: null,
          recordError: null,
        },
      });
      const duty = await askDuty(offer);
      if (current()?.id !== id) return;
      update({ queue: duty.experts, delaySeconds: duty.delaySeconds, source: duty.source, state: 'ringing' });
      unwatch = watch();
      await ringNext();
    },

    dismiss(): void {
      unwatch?.();
      unwatch = null;
      stopTimer();
      state.setState({ escalation: null });
    },
  };
}

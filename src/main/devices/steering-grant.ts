// The remote steering grant, held by the main process: which call's expert may steer this cart's
// camera, granted by whom and since when. It follows the call as the hub tells it, ends by itself
// with the call, and is what every camera command marked remote is checked against (in memory:
// the check sits on the steering path, 60 commands a second while the expert holds a key).
import type { Peer, ServerMessage } from '../../shared/hub-protocol';
import type { SignedIn } from '../../shared/identity/identity';
import type { ControlChange, GrantEndReason, SteeringGrant } from '../../shared/devices/steering-grant';
import { AppFailure } from '../contract/failure';

/** One row for the audit trail, about a call's remote steering. */
export interface SteeringAudit {
  action: 'grant' | 'execute';
  event: 'control.granted' | 'control.revoked' | 'control.ended' | 'camera.remote_refused';
  callId: string;
  person: string | null;
  outcome: 'success' | 'control_not_granted';
  detail: string;
}

export interface SteeringGrantDeps {
  now: () => Date;
  /** This station as the hub knows it, once welcomed. */
  self: () => Peer | null;
  /** The professional signed in at the station, if any. */
  signedIn: () => SignedIn | null;
  audit: (row: SteeringAudit) => void;
  onChange: (change: ControlChange) => void;
  /** Stops the cameras the expert moved (undefined: the station's first camera) when her grant ends. */
  stopCameras: (deviceIds: (string | undefined)[]) => void;
  log: (event: string, detail: Record<string, unknown>) => void;
}

/** The call this station is in, as the hub told it (the hub allows one call at a time). */
interface LiveCall {
  callId: string;
  remote: Peer;
  answered: boolean;
  /** False from a loss of the hub until the hub says the call resumed. */
  confirmed: boolean;
}

const ENDED_BY_ITSELF: Record<Exclude<GrantEndReason, 'revoked'>, string> = {
  call_ended: 'call ended',
  hub_lost: 'the station lost the regional hub and can no longer see the call',
  expert_changed: 'another peer is now at the other end of the call',
};

export const NOT_GRANTED_MESSAGE =
  'Remote control of this camera is not granted for this call: ' +
  'the person at the cart lets the expert steer with "Let … steer the camera".';

const expertText = (g: SteeringGrant) => `${g.expert.name} (${g.expert.site}; hub peer ${g.expert.peerId})`;

export function createSteeringGrant(deps: SteeringGrantDeps) {
  let call: LiveCall | null = null;
  let grant: (SteeringGrant & { cameras: Set<string | undefined> }) | null = null;
  // SECURITY: a streak of refused remote commands (a held key repeats 60 times a second, a
  // gamepad is polled every frame, an expert keeps pressing after the grant was taken back) is
  // one attempt: its first refusal is audited at once (who, which call, when); the ones that
  // follow are counted, and the count goes on the grant row that ends the streak and in the log.
  // One row per refusal would flood the trail, and the region's copy of it, with identical rows.
  let streak: { callId: string; count: number; since: string } | null = null;

  /** Ends the refusal streak; its count, if it was about this call, for the row that ends it. */
  function closeStreak(callId: string | null): string | null {
    if (!streak) return null;
    const { count, since } = streak;
    const ours = streak.callId === callId;
    deps.log('steering.refusals', { callId: streak.callId, count, since });
    streak = null;
    return ours ? `after ${count} refused remote command${count > 1 ? 's' : ''}` : null;
  }

  function end(reason: GrantEndReason, by: string | null): void {
    if (!grant) return;
    const ended = grant;
    grant = null;
    const why = reason === 'revoked' ? 'taken back' : `ended by itself (${ENDED_BY_ITSELF[reason]})`;
    const detail = [`${why} from ${expertText(ended)}, granted since ${ended.since}`, closeStreak(ended.callId)]
      .filter(Boolean)
      .join('; ');
    const event = reason === 'revoked' ? 'control.revoked' : 'control.ended';
    deps.audit({ action: 'grant', event, callId: ended.callId, person: by, outcome: 'success', detail });
    // A drive or zoom goes on until stopped: the camera must not keep turning for nobody.
    if (ended.cameras.size > 0) deps.stopCameras([...ended.cameras]);
    deps.onChange({ callId: ended.callId, grant: null, reason });
  }

  /** The other member of the call, from the hub's view of both. */
  function otherOf(a: Peer, b: Peer): Peer {
    return a.id === deps.self()?.id ? b : a;
  }

  function follow(callId: string, remote: Peer): void {
    if (!call || call.callId !== callId) return;
    call.remote = remote;
    if (grant && grant.expert.peerId !== remote.id) end('expert_changed', null);
  }

  function refuse(callId: string): never {
    if (!streak || streak.callId !== callId) {
      closeStreak(null);
      streak = { callId, count: 0, since: deps.now().toISOString() };
      const why = grant ? `control is granted for call ${grant.callId} only` : 'no grant is live';
      deps.audit({
        action: 'execute',
        event: 'camera.remote_refused',
        callId,
        person: null,
        outcome: 'control_not_granted',
        detail: `remote camera command refused: ${why}; further refusals in this streak are counted, not recorded one by one`,
      });
    }
    streak.count += 1;
    throw new AppFailure('control_not_granted', NOT_GRANTED_MESSAGE);
  }

  return {
    /** Every call message from the hub, in order. */
    observe(message: ServerMessage): void {
      switch (message.type) {
        case 'call.ringing':
        case 'call.incoming':
          // The hub gives a station one call at a time: a new one means any other is over.
          if (grant && grant.callId !== message.callId) end('call_ended', null);
          call = {
            callId: message.callId,
            remote: message.type === 'call.ringing' ? message.to : message.from,
            answered: false,
            confirmed: true,
          };
          return;
        case 'call.accepted':
          if (call?.callId === message.callId) call.answered = true;
          if (message.by.id !== deps.self()?.id) follow(message.callId, message.by);
          return;
        case 'call.resumed':
          if (call?.callId === message.callId) call.confirmed = true;
          follow(message.callId, otherOf(message.caller, message.callee));
          return;
        case 'call.ended':
          if (grant?.callId === message.callId) end('call_ended', null);
          if (call?.callId === message.callId) call = null;
          return;
        default:
          return;
      }
    },

    /** SECURITY: without the hub the station cannot see the call end or change hands: fail closed. */
    hubLost(): void {
      end('hub_lost', null);
      if (call) call.confirmed = false;
    },

    /** The page hung up, cancelled or declined here: the call is over for this station. */
    leftCall(callId: string): void {
      if (grant?.callId === callId) end('call_ended', null);
      if (call?.callId === callId) call = null;
    },

    grant(callId: string, typedName: string | undefined): SteeringGrant {
      const me = deps.self();
      if (me && me.role !== 'station') {
        throw new AppFailure(
          'forbidden',
          'Only a cart grants control of its camera; this workstation steers, it is not steered.',
        );
      }
      if (!call || call.callId !== callId || !call.answered) {
        throw new AppFailure(
          'not_found',
          'There is no answered call with this id: remote control is granted during a call only.',
        );
      }
      if (!call.confirmed || !me) {
        throw new AppFailure(
          'hub_unavailable',
          'The regional hub is not reachable, so the station cannot confirm who is at the other end of the call. ' +
            'Grant control again once the hub is back.',
        );
      }
      if (call.remote.role !== 'expert') {
        throw new AppFailure(
          'forbidden',
          'Only the expert of the call can be let steer this camera; this call is with another station.',
        );
      }
      if (grant?.callId === callId && grant.expert.peerId === call.remote.id) return strip(grant);
      const user = deps.signedIn();
      // SECURITY: a grant someone answers for: the professional signed in, else the name typed.
      const grantedBy: SteeringGrant['grantedBy'] | null = user
        ? { name: user.name, idNatPs: user.idNatPs ?? user.sub, source: 'sign_in' }
        : typedName
          ? { name: typedName, idNatPs: null, source: 'typed' }
          : null;
      if (!grantedBy) {
        const message = 'Nobody is signed in at this station: type the name of the person who lets the expert steer.';
        throw new AppFailure('validation_failed', message, [{ path: 'by', code: 'required' }]);
      }
      if (grant) end(grant.callId === callId ? 'expert_changed' : 'call_ended', null);
      const remote = call.remote;
      const expert = { peerId: remote.id, name: remote.name, site: remote.site };
      grant = { callId, expert, grantedBy, since: deps.now().toISOString(), cameras: new Set() };
      const by = grantedBy.source === 'sign_in' ? `signed in, IdNatPS ${grantedBy.idNatPs}` : 'name typed';
      const granted = `${expertText(grant)} may steer this cart's camera; granted by ${grantedBy.name} (${by})`;
      const detail = [granted, closeStreak(callId)].filter(Boolean).join('; ');
      deps.audit({
        action: 'grant',
        event: 'control.granted',
        callId,
        person: grantedBy.name,
        outcome: 'success',
        detail,
      });
      deps.onChange({ callId, grant: strip(grant) });
      return strip(grant);
    },

    /** Taking control back never needs a name: it only takes away what the remote side may do. */
    revoke(callId: string, typedName: string | undefined): { revoked: boolean } {
      if (grant?.callId !== callId) return { revoked: false };
      end('revoked', deps.signedIn()?.name ?? typedName ?? null);
      return { revoked: true };
    },

    /** SECURITY: the steering path's check of a command marked remote; throws when not granted. */
    check(callId: string, deviceId: string | undefined): void {
      if (grant?.callId !== callId) refuse(callId);
      grant.cameras.add(deviceId);
    },

    current: (): SteeringGrant | null => (grant ? strip(grant) : null),
  };
}

function strip({ cameras: _cameras, ...grant }: SteeringGrant & { cameras: Set<string | undefined> }): SteeringGrant {
  return grant;
}

export type SteeringGrantHolder = ReturnType<typeof createSteeringGrant>;

// Remote steering wired to the station: the grant held in main (devices/steering-grant.ts), the
// camera command channel that checks it, the channels the page grants and takes back with, and
// the call events that end a grant by themselves.
import type { CallCommand } from '../../shared/calls/calls';
import type { Handlers } from '../../shared/contract';
import type { Peer, ServerMessage } from '../../shared/hub-protocol';
import type { SignedIn } from '../../shared/identity/identity';
import { createCameraCenter } from './camera-center';
import type { Logger } from '../platform/logger';
import type { DeviceService } from './device-service';
import { createSteeringGrant, type SteeringAudit } from './steering-grant';
import type { StationEvents } from '../platform/station-events';

export interface StationSteeringDeps {
  devices: Pick<DeviceService, 'cameraCommand' | 'cameraDriver'>;
  self: () => Peer | null;
  signedIn: () => SignedIn | null;
  audit: (row: SteeringAudit) => void;
  events: StationEvents;
  now: () => Date;
  logger: Logger;
}

export function createStationSteering(deps: StationSteeringDeps) {
  const grant = createSteeringGrant({
    now: deps.now,
    self: deps.self,
    signedIn: deps.signedIn,
    audit: deps.audit,
    onChange: (change) => deps.events.emit('calls.controlChanged', change),
    stopCameras: (deviceIds) => {
      for (const deviceId of deviceIds) {
        deps.devices.cameraCommand(deviceId, { type: 'stop' }).catch((error: unknown) => {
          const reason = String((error as Error)?.message ?? error);
          deps.logger.warn('steering.stop_failed', { deviceId: deviceId ?? 'first camera', error: reason });
        });
      }
    },
    log: (event, detail) => deps.logger.info(event, detail),
  });

  const center = createCameraCenter(deps.devices);
  const handlers: Pick<Handlers, 'camera.command' | 'camera.center' | 'calls.grantControl' | 'calls.revokeControl'> = {
    'camera.command': ({ deviceId, command, origin }) => {
      // SECURITY: the expert's commands obey the grant held here, whatever the page decided.
      if (origin.kind === 'remote') grant.check(origin.callId, deviceId);
      return deps.devices.cameraCommand(deviceId, command);
    },
    'camera.center': ({ deviceId, x, y, origin }) => {
      // SECURITY: a click-to-center moves the camera like any command: the same grant.
      if (origin.kind === 'remote') grant.check(origin.callId, deviceId);
      return center({ deviceId, x, y });
    },
    'calls.grantControl': ({ callId, by }) => grant.grant(callId, by),
    'calls.revokeControl': ({ callId, by }) => grant.revoke(callId, by),
  };

  return {
    handlers,
    /** The hub's call messages, as they arrive. */
    callMessage: (message: ServerMessage) => grant.observe(message),
    /** The page's own call commands: hanging up, cancelling or declining ends the call here. */
    callCommand(command: CallCommand): void {
      const leaves =
        command.type === 'call.hangup' || command.type === 'call.cancel' || command.type === 'call.decline';
      if (leaves) grant.leftCall(command.callId);
    },
    hubLost: () => grant.hubLost(),
  };
}

// The `camera.center` channel: the clicked point of the camera's picture comes to its middle. Read
// the position, work out the target with the attached camera's own optics (its driver declares
// them, devices/<protocol>/optics.ts), move: all in main, in one call from the page.
import { centerTarget } from '../../../devices/camera/optics';
import type { PtzCamera } from '../../../devices/camera/ptz-camera';
import type { CameraCenterInput } from '../../shared/devices/camera-center';
import { AppFailure } from '../contract/failure';
import { cameraFailure } from './device-service';

/** Fast enough to follow the click, slow enough that the picture stays readable on the way. */
const CENTER_SPEED = 0.8;

export const NO_POSITION_MESSAGE =
  'The camera does not report its position, so it cannot be centred on a point of its picture: ' +
  'steer it with the pad instead (many Pelco-D cameras never answer position queries).';

export interface CameraCenterDeps {
  /** The attached camera's driver; throws an AppFailure when there is none. */
  cameraDriver(deviceId?: string): PtzCamera;
}

export function createCameraCenter(deps: CameraCenterDeps) {
  return async function center({ deviceId, x, y }: Pick<CameraCenterInput, 'deviceId' | 'x' | 'y'>) {
    const camera = deps.cameraDriver(deviceId);
    try {
      const position = await camera.position();
      if (!position) throw new AppFailure('device_refused', NO_POSITION_MESSAGE);
      const target = centerTarget(camera.optics, position, x, y);
      await camera.moveTo(target, CENTER_SPEED);
      return { ...target, model: camera.optics.model };
    } catch (error) {
      throw cameraFailure(error);
    }
  };
}

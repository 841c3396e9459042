// The station's devices: their link state for the home screen, camera commands from the
// contract, and oximeter readings forwarded to the page a few times a second.
import type { PtzCamera } from '../../../devices/camera/ptz-camera';
import { CameraCommandError } from '../../../devices/camera/ptz-camera';
import type { Detected } from '../../../devices/registry';
import { DeviceAwayError, type LinkState, type Transport } from '../../../devices/transport/transport';
import type { CameraCommand, DeviceInfo, OximeterReading } from '../../shared/devices/devices';
import { AppFailure } from '../contract/failure';
import type { ManagedBloodPressure } from './blood-pressure-monitor';

export interface ManagedCamera {
  info: Omit<DeviceInfo, 'state'>;
  camera: PtzCamera;
  transport: Pick<Transport, 'state' | 'onState'>;
  close(): Promise<void>;
}

export interface OximeterSample {
  spo2: number | null;
  pulseRate: number | null;
  pleth: number;
  status: OximeterReading['status'];
}

export interface ManagedOximeter {
  info: Omit<DeviceInfo, 'state'>;
  transport: Pick<Transport, 'state' | 'onState'>;
  onSample(listener: (sample: OximeterSample) => void): () => void;
  close(): Promise<void>;
}

/** A device that only sends events (a HID peripheral): listed with its link state. */
export interface ManagedPeripheral {
  info: Omit<DeviceInfo, 'state'>;
  transport: Pick<Transport, 'state' | 'onState'>;
  close(): Promise<void>;
}

export interface DeviceServiceDeps {
  onDevicesChanged(devices: DeviceInfo[]): void;
  onReading(reading: OximeterReading): void;
  now?: () => Date;
  /** How often pleth samples are batched to the page (60 Hz samples, ~10 readings a second). */
  readingIntervalMs?: number;
}

/** A camera driver's failure as the page is told it. */
export function cameraFailure(error: unknown): AppFailure {
  if (error instanceof CameraCommandError) {
    return new AppFailure(error.code === 'device_away' ? 'device_unavailable' : 'device_refused', error.message);
  }
  return error instanceof AppFailure
    ? error
    : new AppFailure('device_refused', String((error as Error)?.message ?? error));
}

const stateOf = (link: LinkState): DeviceInfo['state'] =>
  link === 'connected' ? 'connected' : link === 'gone' ? 'gone' : 'reconnecting';

export function createDeviceService(deps: DeviceServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const cameras = new Map<string, ManagedCamera>();
  // The zoom speed each camera was last told: a gesture carries pan, tilt and zoom together, and
  // the zoom motor is told again only when its speed changes (not a zoom stop with every pan).
  const zoomSpeeds = new WeakMap<PtzCamera, number>();
  const oximeters = new Map<
    string,
    { device: ManagedOximeter; timer: ReturnType<typeof setInterval>; stop: () => void }
  >();
  const peripherals = new Map<string, ManagedPeripheral>();
  const monitors = new Map<string, ManagedBloodPressure>();
  let detected: Detected[] = [];
  const changed = () => deps.onDevicesChanged(list());

  function list(): DeviceInfo[] {
    const managed = [
      ...[...cameras.values(), ...[...oximeters.values()].map((o) => o.device), ...peripherals.values()].map((d) => ({
        ...d.info,
        state: stateOf(d.transport.state()),
      })),
      ...[...monitors.values()].map((m) => ({ ...m.info, state: m.state() })),
    ];
    const configuredAt = new Set(managed.map((d) => d.location));
    // Plugged in but not in devices.json: shown so that the technician knows what to configure.
    const unconfigured = detected
      .filter((d) => !configuredAt.has(d.port.path))
      .map(({ port, profile }): DeviceInfo => ({
        id: `detected:${port.bus}:${port.path}`,
        kind: profile?.kind ?? 'other',
        label:
          profile?.label ??
          ([port.manufacturer, port.product].filter(Boolean).join(' ') ||
            (port.vendorId
              ? `${port.bus === 'hid' ? 'HID' : 'USB'} ${port.vendorId}:${port.productId ?? '?'}`
              : 'Port série sans identifiant USB')),
        state: 'connected',
        protocol: profile ? `${profile.protocol}?` : 'unknown',
        location: port.path,
        simulated: false,
        // A code the page translates: confirm with relais-devices probe, then add to devices.json.
        detail: 'detected_unconfigured',
      }));
    return [...managed, ...unconfigured];
  }

  function cameraFor(deviceId?: string): ManagedCamera {
    const managed = deviceId ? cameras.get(deviceId) : cameras.values().next().value;
    if (!managed)
      throw new AppFailure(
        'device_unavailable',
        deviceId ? `No camera "${deviceId}" on this station.` : 'No camera on this station.',
      );
    return managed;
  }

  return {
    list,
    setDetected(present: Detected[]): void {
      detected = present;
      changed();
    },
    hasPeripheral: (id: string) => peripherals.has(id),
    addPeripheral(managed: ManagedPeripheral): void {
      peripherals.set(managed.info.id, managed);
      managed.transport.onState(changed);
      changed();
    },
    addCamera(managed: ManagedCamera): void {
      cameras.set(managed.info.id, managed);
      managed.transport.onState(changed);
      changed();
    },
    addOximeter(device: ManagedOximeter): void {
      let last: OximeterSample | null = null;
      let pleth: number[] = [];
      const stop = device.onSample((sample) => {
        last = sample;
        pleth.push(sample.pleth);
        if (pleth.length > 600) pleth = pleth.slice(-600);
      });
      const timer = setInterval(() => {
        if (!last) return;
        deps.onReading({
          deviceId: device.info.id,
          spo2: last.spo2,
          pulseRate: last.pulseRate,
          status: last.status,
          pleth,
          at: now().toISOString(),
        });
        pleth = [];
      }, deps.readingIntervalMs ?? 100);
      oximeters.set(device.info.id, { device, timer, stop });
      device.transport.onState(changed);
      changed();
    },
    async cameraCommand(deviceId: string | undefined, command: CameraCommand): Promise<{ accepted: true }> {
      const { camera, info, transport } = cameraFor(deviceId);
      // Motion is answered before it is sent (latest wins): with the cable cut it would be dropped
      // after an `accepted`, so it is refused here, as a preset is by the driver.
      const link = transport.state();
      if ((command.type === 'move' || command.type === 'drive' || command.type === 'zoom') && link !== 'connected') {
        throw new AppFailure('device_unavailable', new DeviceAwayError(info.label, link).message);
      }
      try {
        switch (command.type) {
          // Motion is latest-wins: accepted at once, the driver sends the newest it has.
          case 'move':
            // Every axis at zero (a key released, a stick back to the centre) is a Stop: it goes
            // through the priority lane at once, instead of after the last move's ACK (up to four
            // video frames on a Sony camera) while the camera goes on moving.
            if (command.pan === 0 && command.tilt === 0 && command.zoom === 0) {
              zoomSpeeds.set(camera, 0);
              await camera.stop();
              break;
            }
            camera.drive({ pan: command.pan, tilt: command.tilt });
            if ((zoomSpeeds.get(camera) ?? 0) !== command.zoom) camera.zoom(command.zoom);
            zoomSpeeds.set(camera, command.zoom);
            break;
          case 'drive':
            camera.drive({ pan: command.pan, tilt: command.tilt });
            break;
          case 'zoom':
            camera.zoom(command.speed);
            zoomSpeeds.set(camera, command.speed);
            break;
          case 'stop':
            zoomSpeeds.set(camera, 0);
            await camera.stop();
            break;
          case 'home':
            await camera.home();
            break;
          case 'preset_recall':
            await camera.presetRecall(command.preset);
            break;
          case 'preset_set':
            await camera.presetSet(command.preset);
            break;
          case 'focus':
            await camera.focus(command.mode);
            break;
          case 'move_to':
            await camera.moveTo({ pan: command.pan, tilt: command.tilt }, command.speed);
            break;
          case 'zoom_to':
            await camera.zoomTo(command.zoom);
            break;
        }
      } catch (error) {
        throw cameraFailure(error);
      }
      return { accepted: true };
    },
    addBloodPressure(monitor: ManagedBloodPressure): void {
      monitors.set(monitor.info.id, monitor);
      changed();
    },
    /** The monitor's newest stored reading, or null when it holds none. */
    async bloodPressureLatest(deviceId: string) {
      const monitor = monitors.get(deviceId);
      if (!monitor)
        throw new AppFailure('device_unavailable', `No blood pressure monitor "${deviceId}" on this station.`);
      const before = monitor.state();
      try {
        return await monitor.latest();
      } catch (error) {
        throw new AppFailure('device_unavailable', String((error as Error)?.message ?? error));
      } finally {
        if (monitor.state() !== before) changed();
      }
    },
    simulateBloodPressure(deviceId: string): { measured: true } {
      const monitor = monitors.get(deviceId);
      if (!monitor?.simulateMeasurement)
        throw new AppFailure(
          'device_refused',
          'Only a simulated monitor measures on request: on a real one the patient presses START.',
        );
      monitor.simulateMeasurement();
      return { measured: true };
    },
    /** The camera's driver itself (click-to-center reads its optics: src/main/devices/camera-center.ts). */
    cameraDriver: (deviceId?: string): PtzCamera => cameraFor(deviceId).camera,
    async cameraPosition(deviceId?: string) {
      try {
        return await cameraFor(deviceId).camera.position();
      } catch (error) {
        throw cameraFailure(error);
      }
    },
    async close(): Promise<void> {
      for (const { timer, stop } of oximeters.values()) {
        clearInterval(timer);
        stop();
      }
      await Promise.all(
        [
          ...cameras.values(),
          ...[...oximeters.values()].map((o) => o.device),
          ...peripherals.values(),
          ...monitors.values(),
        ].map((d) => d.close().catch(() => {})),
      );
      monitors.clear();
      peripherals.clear();
      cameras.clear();
      oximeters.clear();
    },
  };
}

export type DeviceService = ReturnType<typeof createDeviceService>;

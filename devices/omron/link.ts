// What the Omron driver needs from a HID device: 8-byte output and input reports, and feature
// reports to select the mode. node-hid gives this on a real cart (hid-link below); the simulator
// gives it in tests and in the station's simulated mode.
export interface OmronLink {
  /** One 8-byte output report (the link adds hidapi's report id 0 where the OS needs it). */
  write(report: Uint8Array): Promise<void>;
  /** A feature report, report id first. */
  sendFeature(report: Uint8Array): Promise<void>;
  onReport(listener: (report: Uint8Array) => void): () => void;
  close(): Promise<void>;
}

/** node-hid as an OmronLink (HIDAsync: I/O on a libuv thread). Not tested here: no HID device. */
export async function openOmronHidLink(devicePath: string): Promise<OmronLink> {
  const HID = (await import('node-hid')).default;
  const device = await HID.HIDAsync.open(devicePath).catch((error: Error) => {
    throw new Error(
      `cannot open ${devicePath}: ${error.message} (on Linux, check the udev rule giving the station's user access to hidraw)`,
    );
  });
  return {
    write: async (report) => void (await device.write(Buffer.from([0x00, ...report]))),
    sendFeature: async (report) => void (await device.sendFeatureReport(Buffer.from(report))),
    onReport: (listener) => {
      const handler = (report: Buffer) => listener(new Uint8Array(report));
      device.on('data', handler);
      return () => device.off('data', handler);
    },
    close: () => device.close().catch(() => {}),
  };
}

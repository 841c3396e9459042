// Cameras and microphones by a human label, never an id: the browser gives ids as labels for
// some inputs (Chromium's "fake_device_0", an empty label before permission, "default"), and the
// station's own devices have ids ("oximeter-1") that are not for people to read.

/** Labels that are ids rather than names: Chromium's fake devices, virtual defaults, hex ids, "video0". */
const ID_LIKE = [/^fake_/i, /^(default|communications)$/i, /^[0-9a-f]{16,}$/i, /^[a-z]+[-_]?\d+$/i];

/** Whether a label the browser (or a device) gives is a name a person can read. */
export function isRealDeviceLabel(label: string): boolean {
  const trimmed = label.trim();
  return trimmed !== '' && !ID_LIKE.some((pattern) => pattern.test(trimmed));
}

/**
 * The label shown for an input: the station's configured name for it when known, the browser's
 * label when it is a real one, else "Caméra 2" (numbered from 1, in the screen's language).
 */
export function humanInputLabel(input: {
  label: string;
  index: number;
  configured?: string | null;
  numbered: (n: number) => string;
}): string {
  if (input.configured?.trim()) return input.configured.trim();
  return isRealDeviceLabel(input.label) ? input.label.trim() : input.numbered(input.index + 1);
}

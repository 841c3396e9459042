// Cameras and microphones by a human label, never an id (issue 20, point 5): the station's
// configured name when it names this input, the browser's label when it is a real one, else
// "Caméra 1" / "Microphone 1" in the screen's language.
import { describe, expect, it } from 'vitest';
import { humanInputLabel, isRealDeviceLabel } from '../../src/renderer/ui/media-labels';

describe('isRealDeviceLabel', () => {
  it('takes a product name as a real label', () => {
    expect(isRealDeviceLabel('Logitech BRIO (046d:085e)')).toBe(true);
    expect(isRealDeviceLabel('Dermatoscope DermLite DL5')).toBe(true);
  });
  it('refuses an empty label, Chromium’s fake devices and ids', () => {
    for (const id of [
      '',
      '  ',
      'fake_device_0',
      'fake_audio_input_1',
      'default',
      'communications',
      '3f1c0e9a7b2d4c5e8f6a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e',
      'oximeter-1',
      'video0',
    ])
      expect(isRealDeviceLabel(id), id).toBe(false);
  });
});

describe('humanInputLabel', () => {
  const numbered = (n: number) => `Caméra ${n}`;
  it('prefers the station’s configured name for this input', () => {
    expect(humanInputLabel({ label: 'fake_device_0', index: 0, configured: 'Caméra du chariot', numbered })).toBe(
      'Caméra du chariot',
    );
  });
  it('keeps the browser’s real label', () => {
    expect(humanInputLabel({ label: 'Logitech BRIO', index: 0, numbered })).toBe('Logitech BRIO');
  });
  it('numbers the inputs whose label is an id, from 1', () => {
    expect(humanInputLabel({ label: 'fake_device_0', index: 0, numbered })).toBe('Caméra 1');
    expect(humanInputLabel({ label: '', index: 1, numbered })).toBe('Caméra 2');
  });
});

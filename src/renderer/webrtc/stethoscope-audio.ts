// The stethoscope's own audio track: captured with echo cancellation, noise suppression and
// automatic gain off (each removes or distorts heart and lung sounds), mono at 48 kHz, and
// checked with track.getSettings() because a browser may ignore a constraint.

/** What getUserMedia is given (a subset of MediaStreamConstraints, spelled out so that this
 * file needs no DOM types and can be unit tested in Node). */
export interface StethoscopeConstraints {
  video: false;
  audio: {
    deviceId?: { exact: string };
    echoCancellation: false;
    noiseSuppression: false;
    autoGainControl: false;
    channelCount: 1;
    sampleRate: 48000;
  };
}

export function stethoscopeConstraints(deviceId?: string): StethoscopeConstraints {
  return {
    video: false,
    audio: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
      echoCancellation: false,
      noiseSuppression: false,
      autoGainControl: false,
      channelCount: 1,
      sampleRate: 48000,
    },
  };
}

export interface ProcessingSettings {
  // Newer browsers may report echo cancellation as a mode ("all", "remote-only").
  echoCancellation?: boolean | string;
  noiseSuppression?: boolean;
  autoGainControl?: boolean;
  sampleRate?: number;
}

/** What is still switched on, in words a person can act on; empty when the track is clean. */
export function processingProblems(settings: ProcessingSettings): string[] {
  const problems: string[] = [];
  if (settings.echoCancellation !== false) problems.push('echo cancellation is on');
  if (settings.noiseSuppression !== false) problems.push('noise suppression is on');
  if (settings.autoGainControl !== false) problems.push('automatic gain control is on');
  if (settings.sampleRate !== undefined && settings.sampleRate < 44100)
    problems.push(`sample rate is ${settings.sampleRate} Hz`);
  return problems;
}

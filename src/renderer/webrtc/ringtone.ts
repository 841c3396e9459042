// The ring of an incoming call, made with an oscillator (no sound file to ship): two tones every
// two seconds, faster for an urgent call. Best effort: a browser that blocks sound before the
// first click stays silent, and the ring screen is still shown.
export interface Ringtone {
  stop(): void;
}

export function startRingtone(urgent: boolean): Ringtone {
  let ctx: AudioContext;
  try {
    ctx = new AudioContext();
  } catch {
    return { stop() {} };
  }
  const period = urgent ? 1 : 2;
  const gain = ctx.createGain();
  gain.gain.value = 0;
  gain.connect(ctx.destination);
  const oscillator = ctx.createOscillator();
  oscillator.frequency.value = 880;
  oscillator.connect(gain);
  oscillator.start();
  // Schedule the next minute of rings at once; the audio clock keeps them exact.
  const start = ctx.currentTime + 0.05;
  for (let t = 0; t < 60; t += period) {
    for (const [offset, frequency] of [
      [0, 880],
      [0.25, 660],
    ] as const) {
      const at = start + t + offset;
      oscillator.frequency.setValueAtTime(frequency, at);
      gain.gain.setValueAtTime(0.2, at);
      gain.gain.setValueAtTime(0, at + 0.2);
    }
  }
  return {
    stop() {
      oscillator.stop();
      void ctx.close();
    },
  };
}

// A local, lossless recording of the stethoscope's track: the samples as the sound card gave
// them (no codec), written as a 16-bit WAV at the track's own sample rate.
import workletUrl from './pcm-capture.worklet.js?url';
import { concatSamples, encodeWav } from './wav';

export interface AuscultationRecording {
  /** Seconds recorded so far. */
  seconds(): number;
  stop(): Promise<{ wav: Uint8Array; seconds: number; sampleRate: number }>;
}

export async function startAuscultationRecording(stream: MediaStream): Promise<AuscultationRecording> {
  const track = stream.getAudioTracks()[0];
  if (!track) throw new Error('The stethoscope gives no sound track.');
  const context = new AudioContext({ sampleRate: track.getSettings().sampleRate ?? 48_000 });
  await context.audioWorklet.addModule(workletUrl);
  const source = context.createMediaStreamSource(stream);
  const capture = new AudioWorkletNode(context, 'pcm-capture', {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    channelCount: 1,
    channelCountMode: 'explicit',
  });
  // Pulled by the graph only when connected to the output: through a silent gain.
  const silent = context.createGain();
  silent.gain.value = 0;
  source.connect(capture).connect(silent).connect(context.destination);
  const blocks: Float32Array[] = [];
  let frames = 0;
  capture.port.onmessage = (event: MessageEvent<Float32Array>) => {
    blocks.push(event.data);
    frames += event.data.length;
  };
  return {
    seconds: () => frames / context.sampleRate,
    async stop() {
      source.disconnect();
      capture.port.onmessage = null;
      await context.close();
      const samples = concatSamples(blocks);
      return {
        wav: encodeWav([samples], context.sampleRate),
        seconds: samples.length / context.sampleRate,
        sampleRate: context.sampleRate,
      };
    },
  };
}

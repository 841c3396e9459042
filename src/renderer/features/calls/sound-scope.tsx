// The stethoscope's sound drawn as it comes: the waveform above, a scrolling spectrogram
// (0-2 kHz, where heart and lung sounds are) below. The level is kept on the element for tests.
import { useEffect, useRef } from 'react';

const MAX_HZ = 2000;

export function SoundScope({ stream, label }: { stream: MediaStream; label: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    const draw = canvas?.getContext('2d');
    if (!canvas || !draw || stream.getAudioTracks().length === 0) return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 4096;
    analyser.smoothingTimeConstant = 0;
    context.createMediaStreamSource(stream).connect(analyser);
    const wave = new Float32Array(analyser.fftSize);
    const spectrum = new Uint8Array(analyser.frequencyBinCount);
    const bins = Math.floor((MAX_HZ / (context.sampleRate / 2)) * analyser.frequencyBinCount);
    const { width, height } = canvas;
    const half = height / 2;
    let frame = 0;
    let lastLevelAt = 0;
    const tick = (now: number) => {
      analyser.getFloatTimeDomainData(wave);
      analyser.getByteFrequencyData(spectrum);
      // Waveform.
      draw.fillStyle = '#000';
      draw.fillRect(0, 0, width, half);
      draw.strokeStyle = '#7fffd4';
      draw.beginPath();
      let sum = 0;
      for (let x = 0; x < width; x++) {
        const v = wave[Math.floor((x / width) * wave.length)] ?? 0;
        const y = half / 2 - v * (half / 2);
        if (x === 0) draw.moveTo(x, y);
        else draw.lineTo(x, y);
      }
      for (const v of wave) sum += v * v;
      draw.stroke();
      // Spectrogram: shift left one column, draw the newest on the right.
      draw.drawImage(canvas, 1, half, width - 1, half, 0, half, width - 1, half);
      for (let y = 0; y < half; y++) {
        const bin = Math.floor(((half - y) / half) * bins);
        const v = spectrum[bin] ?? 0;
        draw.fillStyle = `rgb(${v}, ${Math.floor(v * 0.6)}, ${255 - v})`;
        draw.fillRect(width - 1, half + y, 1, 1);
      }
      if (now - lastLevelAt > 200) {
        lastLevelAt = now;
        canvas.dataset.level = String(Math.round(Math.sqrt(sum / wave.length) * 1000));
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      void context.close();
    };
  }, [stream]);
  return (
    <canvas
      ref={canvasRef}
      className="sound-scope"
      width={600}
      height={200}
      role="img"
      aria-label={label}
      data-testid="sound-scope"
      data-level="0"
    />
  );
}

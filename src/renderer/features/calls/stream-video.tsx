// A MediaStream shown in a <video>. Always muted: remote sound plays through StreamAudio, so that
// choosing which picture is large never cuts or doubles the sound.
import { useEffect, useRef, type MouseEvent } from 'react';

export function StreamVideo({
  stream,
  label,
  className,
  onClick,
}: {
  stream: MediaStream;
  label: string;
  className?: string;
  onClick?: (e: MouseEvent<HTMLVideoElement>) => void;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return <video ref={ref} className={className} aria-label={label} autoPlay playsInline muted onClick={onClick} />;
}

export function StreamAudio({ stream }: { stream: MediaStream }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return <audio ref={ref} autoPlay />;
}

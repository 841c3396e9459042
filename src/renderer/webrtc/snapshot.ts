// A still from a video track at the track's own resolution (not the size it is shown at), PNG.
export async function captureSnapshot(
  stream: MediaStream,
): Promise<{ png: Uint8Array; width: number; height: number }> {
  const track = stream.getVideoTracks()[0];
  if (!track || track.readyState !== 'live') throw new Error('This camera gives no picture right now.');
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  try {
    await video.play();
    if (video.videoWidth === 0)
      await new Promise<void>((resolve) => video.addEventListener('resize', () => resolve(), { once: true }));
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('The picture cannot be drawn.');
    context.drawImage(video, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The picture could not be encoded.');
    return { png: new Uint8Array(await blob.arrayBuffer()), width: canvas.width, height: canvas.height };
  } finally {
    video.pause();
    video.srcObject = null;
  }
}

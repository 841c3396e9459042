// Runs on the audio rendering thread: hands every block of the stethoscope's samples, untouched,
// to the page, which writes them into a lossless WAV. Plain JavaScript: loaded by URL as a worklet.
/* global AudioWorkletProcessor, registerProcessor */
class PcmCapture extends AudioWorkletProcessor {
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) this.port.postMessage(channel.slice(0));
    return true;
  }
}
registerProcessor('pcm-capture', PcmCapture);

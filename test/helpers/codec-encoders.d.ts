// Types for the encoders of the cornerstonejs Emscripten builds (they ship none), used by tests to
// make compressed DICOM files: the full builds carry an encoder beside the decoder.
declare module '@cornerstonejs/codec-openjpeg/wasmjs' {
  const factory: (module?: object) => Promise<Record<string, unknown>>;
  export default factory;
}

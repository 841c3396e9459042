// A series shared during a call: its pixels cross once, as binary parts on the call's bulk data
// channel, then only the view (slice, window, zoom, pan) and the pointer travel, as small JSON
// messages on the control channel. A part is [u32 header length][header JSON][payload]; frames
// are cut into parts small enough for any SCTP stack. The receiver expects garbage: a part whose
// header does not parse, whose sizes lie, or that belongs to no shared series is dropped.
import { z } from 'zod';
import { cutIntoParts, partBodyFits, unframePart } from '../bulk-parts';
import { ImageFrameSchema } from './imaging';
import { SharedViewSchema } from './imaging-view';

/** 64 KiB: below every browser's data-channel message limit. */
export const PART_BYTES = 64 * 1024;
/** A frame larger than this is refused (a 4k x 4k 16-bit radiograph is 32 MiB). */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;
const MAX_HEADER_BYTES = 4096;

export const FrameMetaSchema = ImageFrameSchema.omit({ data: true });
export type FrameMeta = z.infer<typeof FrameMetaSchema>;

const shareId = z.string().min(1).max(64);

const PartHeaderSchema = z.strictObject({
  shareId,
  index: z.number().int().min(0).max(100_000),
  part: z.number().int().min(0).max(4096),
  parts: z.number().int().min(1).max(4096),
  /** Bytes of the whole frame as sent (compressed when `deflated`). */
  bytes: z.number().int().min(1).max(MAX_FRAME_BYTES),
  deflated: z.boolean(),
  /** On the first part only. */
  meta: FrameMetaSchema.optional(),
});
export type PartHeader = z.infer<typeof PartHeaderSchema>;

/** The control messages of a shared series (added to the call's data-channel messages). */
export const ImagingMessageSchemas = [
  /** Sharer -> viewer: a series is shown; its frames follow on the bulk channel. */
  z.strictObject({
    type: z.literal('imaging.share'),
    shareId,
    label: z.string().max(200),
    count: z.number().int().min(1).max(100_000),
    view: SharedViewSchema,
  }),
  /** Either way: the view changed (seq orders the changes of one side). */
  z.strictObject({
    type: z.literal('imaging.view'),
    shareId,
    seq: z.number().int().nonnegative(),
    view: SharedViewSchema,
  }),
  /** Either way: where the pointer is on the image (image pixels), or gone. */
  z.strictObject({
    type: z.literal('imaging.pointer'),
    shareId,
    point: z.object({ x: z.number().finite(), y: z.number().finite() }).nullable(),
  }),
  /** Viewer -> sharer: frames held, so that a reconnection sends only what is missing. */
  z.strictObject({
    type: z.literal('imaging.have'),
    shareId,
    indices: z.array(z.number().int().nonnegative()).max(100_000),
  }),
  /** Sharer -> viewer: the sharing stopped; the viewer drops the images. */
  z.strictObject({ type: z.literal('imaging.stop'), shareId }),
] as const;

/** Cuts one frame (already compressed or not) into parts. */
export function frameParts(header: Omit<PartHeader, 'part' | 'parts' | 'bytes'>, payload: Uint8Array): Uint8Array[] {
  return cutIntoParts(payload, PART_BYTES, (part, parts) => ({
    ...header,
    meta: part === 0 ? header.meta : undefined,
    part,
    parts,
    bytes: payload.length,
  }));
}

/** Reads one part; null for anything that is not a well-formed part. */
export function readPart(message: Uint8Array): { header: PartHeader; body: Uint8Array } | null {
  const framed = unframePart(message, MAX_HEADER_BYTES);
  if (!framed) return null;
  const header = PartHeaderSchema.safeParse(framed.json);
  if (!header.success || !partBodyFits(header.data, framed.body, PART_BYTES)) return null;
  return { header: header.data, body: framed.body };
}

export interface AssembledFrame {
  index: number;
  meta: FrameMeta;
  payload: Uint8Array;
  deflated: boolean;
}

/**
 * Puts frames back together from their parts, for one shared series. Parts of a frame may be
 * interleaved with another's after a reconnection; a frame whose parts disagree is dropped.
 * At most `maxPending` frames are held half-received.
 */
export function createFrameAssembler(expectedShareId: string, count: number, maxPending = 8) {
  const pending = new Map<
    number,
    { header: PartHeader; meta: FrameMeta | null; buffer: Uint8Array; received: Set<number> }
  >();
  return {
    add(message: Uint8Array): AssembledFrame | null {
      const read = readPart(message);
      if (!read || read.header.shareId !== expectedShareId || read.header.index >= count) return null;
      const { header, body } = read;
      let frame = pending.get(header.index);
      if (
        frame &&
        (frame.header.bytes !== header.bytes ||
          frame.header.parts !== header.parts ||
          frame.header.deflated !== header.deflated)
      ) {
        pending.delete(header.index);
        frame = undefined;
      }
      if (!frame) {
        if (pending.size >= maxPending) pending.delete(pending.keys().next().value!);
        frame = { header, meta: null, buffer: new Uint8Array(header.bytes), received: new Set() };
        pending.set(header.index, frame);
      }
      if (header.meta) frame.meta = header.meta;
      frame.buffer.set(body, header.part * PART_BYTES);
      frame.received.add(header.part);
      if (frame.received.size < header.parts || !frame.meta) return null;
      pending.delete(header.index);
      return { index: header.index, meta: frame.meta, payload: frame.buffer, deflated: header.deflated };
    },
  };
}

/** The bytes a frame's samples must have, from its meta: a decoded frame of another size is refused. */
export function frameSampleBytes(meta: FrameMeta): number {
  const size =
    meta.colour === 'rgb' ? 3 : { uint8: 1, int8: 1, uint16: 2, int16: 2, uint32: 4, int32: 4 }[meta.sampleType];
  return meta.rows * meta.columns * size;
}

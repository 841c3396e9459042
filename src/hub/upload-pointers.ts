// Which Media and DocumentReferences point at which upload (their URL ends in /uploads/<id>),
// kept as they are written, so that a download is authorised by looking up its pointers, never
// by scanning the server's resources.
import type { Resource } from '@medplum/fhirtypes';

/** The upload a URL names: the last segment after /uploads/, whatever the host (stations may reach the hub through a proxy). */
export function uploadIdOf(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  return /\/uploads\/([A-Za-z0-9_-]{1,128})$/.exec(url.split(/[?#]/)[0]!)?.[1] ?? null;
}

function uploadsIn(resource: Resource): string[] {
  const r = resource as Resource & { content?: unknown };
  const urls =
    r.resourceType === 'Media'
      ? [(r.content as { url?: unknown } | undefined)?.url]
      : r.resourceType === 'DocumentReference'
        ? ((r.content as { attachment?: { url?: unknown } }[] | undefined) ?? []).map((c) => c.attachment?.url)
        : [];
  return [...new Set(urls.map(uploadIdOf).filter((id): id is string => id !== null))];
}

export interface UploadPointers {
  /** A resource was written (created or updated): its pointers replace those it had. */
  wrote(resource: Resource): void;
  /** The resources ("Type/id") whose URL points at this upload. */
  of(uploadId: string): string[];
}

export function createUploadPointers(): UploadPointers {
  const byUpload = new Map<string, Set<string>>();
  const byResource = new Map<string, string[]>();
  return {
    wrote(resource) {
      if (!resource.id) return;
      const key = `${resource.resourceType}/${resource.id}`;
      for (const id of byResource.get(key) ?? []) byUpload.get(id)?.delete(key);
      const ids = uploadsIn(resource);
      if (ids.length === 0) byResource.delete(key);
      else byResource.set(key, ids);
      for (const id of ids) {
        let set = byUpload.get(id);
        if (!set) byUpload.set(id, (set = new Set()));
        set.add(key);
      }
    },
    of: (uploadId) => [...(byUpload.get(uploadId) ?? [])],
  };
}

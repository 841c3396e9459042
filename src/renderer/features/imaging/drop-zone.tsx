// Files or folders dropped from the desktop onto the import screen: their bytes are sent to the
// station in chunks (the page has no paths), then read like a drive. Folders are walked.
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHUNK_BASE64_CHARS } from '../../../shared/acts/attachments';
import type { ScanReport } from '../../../shared/imaging/imaging';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { base64 } from '../../webrtc/upload-attachment';

/** Every file under the dropped items, folders walked (Chromium's entries API). */
async function droppedFiles(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items]
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => Boolean(e));
  if (entries.length === 0) return [...transfer.files];
  const files: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      files.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries gives the entries in batches until an empty one.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child);
    }
  };
  for (const entry of entries) await walk(entry);
  return files;
}

export function DropZone({
  onScanned,
  onError,
}: {
  onScanned(report: ScanReport): void;
  onError(error: AppError | null): void;
}) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const [sending, setSending] = useState<{ done: number; total: number } | null>(null);

  async function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    onError(null);
    const files = await droppedFiles(event.dataTransfer);
    if (files.length === 0) return;
    const begun = await relais.invoke('imaging.dropBegin', {});
    if (!begun.ok) return onError(begun.error);
    const chunkBytes = (CHUNK_BASE64_CHARS / 4) * 3;
    setSending({ done: 0, total: files.length });
    for (let i = 0; i < files.length; i++) {
      const bytes = new Uint8Array(await files[i]!.arrayBuffer());
      for (let offset = 0; offset < bytes.length || offset === 0; offset += chunkBytes) {
        if (bytes.length === 0) break;
        const sent = await relais.invoke('imaging.dropChunk', {
          dropId: begun.value.dropId,
          file: i,
          offset,
          data: base64(bytes.subarray(offset, offset + chunkBytes)),
        });
        if (!sent.ok) {
          setSending(null);
          return onError(sent.error);
        }
      }
      setSending({ done: i + 1, total: files.length });
    }
    const scanned = await relais.invoke('imaging.dropScan', { dropId: begun.value.dropId });
    setSending(null);
    if (!scanned.ok) return onError(scanned.error);
    onScanned(scanned.value);
  }

  return (
    <div
      className={`drop-zone ${over ? 'over' : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => void drop(e)}
    >
      {sending ? (
        <>
          {t('imaging.dropSending', { done: sending.done, total: sending.total })}
          <progress max={sending.total} value={sending.done} aria-label={t('imaging.dropSendingLabel')} />
        </>
      ) : (
        t('imaging.dropHere')
      )}
    </div>
  );
}

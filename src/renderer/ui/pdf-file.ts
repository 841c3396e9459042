// A document's PDF as the station gives it (a signed report, the expert's prescription: the bytes
// kept once, in base64), saved by the browser or printed. Printing loads those very bytes in a
// hidden frame and asks the browser's PDF viewer to print them, so that what is printed is what
// was kept; a browser that shows no PDF in a page (Electron without its PDF viewer, a browser with
// it turned off) cannot, and the caller decides what to do instead.
import { base64Bytes } from './imaging/loaded-frame';

export interface PdfFile {
  fileName: string;
  /** The PDF's bytes in base64. */
  data: string;
}

const blobUrlOf = (pdf: PdfFile) =>
  URL.createObjectURL(new Blob([base64Bytes(pdf.data) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));

/** Saves the PDF under its name through the browser's download (to print it, or to give it). */
export function savePdf(pdf: PdfFile): void {
  const url = blobUrlOf(pdf);
  const link = document.createElement('a');
  link.href = url;
  link.download = pdf.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Whether this page can print a PDF itself (its browser shows PDFs in a frame). */
export const canPrintPdf = (): boolean => navigator.pdfViewerEnabled === true;

// One print frame at a time: the print dialog works from the frame, so it stays until the next
// print (removing it at once would close the dialog); the page's wipe (kiosk) or unload ends it.
let printFrame: { frame: HTMLIFrameElement; url: string } | null = null;

/**
 * Prints the PDF from a hidden frame: the browser's print dialog opens on it. False, and nothing
 * done, when this page cannot print a PDF (canPrintPdf).
 */
export function printPdf(pdf: PdfFile): boolean {
  if (!canPrintPdf()) return false;
  if (printFrame) {
    printFrame.frame.remove();
    URL.revokeObjectURL(printFrame.url);
  }
  const url = blobUrlOf(pdf);
  const frame = document.createElement('iframe');
  frame.title = pdf.fileName;
  frame.dataset.testid = 'pdf-print-frame';
  // Out of sight but laid out: a frame with display: none does not load the PDF viewer in Chromium.
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0' });
  frame.addEventListener('load', () => frame.contentWindow?.print(), { once: true });
  frame.src = url;
  document.body.append(frame);
  printFrame = { frame, url };
  return true;
}

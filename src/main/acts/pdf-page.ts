// An A4 document of the act (the report, the prescription) as pdfkit writes it with its standard
// fonts (no font file to ship): the bytes once it ends, and the two ways its pages speak, a
// heading and a "label : value" line.
import PDFDocument from 'pdfkit';

export interface PdfInfo {
  Title: string;
  Author: string;
  Subject: string;
  CreationDate: Date;
}

export function startPdf(info: PdfInfo) {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  /** The PDF's bytes, once doc.end() is called. */
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string) =>
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text).moveDown(0.3).font('Helvetica').fontSize(10.5);
  const line = (label: string, value: string) =>
    doc.font('Helvetica-Bold').text(`${label} : `, { continued: true }).font('Helvetica').text(value);
  return { doc, done, heading, line };
}

/** Dates and times as printed on the act's documents: in French, in the site's time zone. */
export function frenchClock(timeZone = 'Europe/Paris') {
  return {
    day: (iso: string) => new Date(iso).toLocaleDateString('fr-FR', { timeZone }),
    time: (iso: string) => new Date(iso).toLocaleTimeString('fr-FR', { timeZone, hour: '2-digit', minute: '2-digit' }),
  };
}

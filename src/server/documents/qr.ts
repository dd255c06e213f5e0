import QRCode from 'qrcode';

/** A QR code as a PNG image, e.g. the address of the online version of a printed document. */
export function qrPng(text: string, size = 240): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', width: size, margin: 1, errorCorrectionLevel: 'M' });
}

import type { PdfLtReport } from '../../../shared/contract/pdfLtSchemas';

/**
 * PLACEHOLDER (issue 18, being written): the PDF-LT-V1.0 check of any PDF. Until it lands the
 * report says honestly that nothing was checked.
 */
export function checkPdfLt(_bytes: Uint8Array): PdfLtReport {
  return { level: 'notChecked', claimed: false, unmet: [] };
}

import { renderPdf } from '../documents/pdf';
import { recoverySheet } from '../documents/recovery-sheet';

/** The printable recovery sheet, rendered from the key held in memory. It is never stored. */
export async function renderRecoverySheet(
  fontsDir: string,
  input: { settingName: string; dslName: string; recoveryKey: string; createdAt: string; fileId: string },
): Promise<Buffer> {
  return renderPdf(recoverySheet(input), { fontsDir });
}

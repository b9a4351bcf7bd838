import type { Translate } from '../../i18n/i18n';
import { formatBytes } from '../../ui/format';

/**
 * What a hand-in may hold, told before anything is uploaded. The API enforces the same limits (EvidenceUpload);
 * a test keeps the two equal.
 */
export const evidenceLimits = {
  maxFiles: 5,
  maxTextLength: 4000,
  maxFileBytes: 10 * 1024 * 1024,
  acceptedTypes: [
    'application/pdf',
    'text/plain',
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'audio/mpeg',
    'audio/mp4',
    'video/mp4',
    'video/quicktime',
    'video/webm',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
} as const;

/** Why a file cannot be handed in, or null. */
export function refusalOf(file: File, t: Translate): string | null {
  if (!(evidenceLimits.acceptedTypes as readonly string[]).includes(file.type)) {
    return t('handIn.wrongType', { name: file.name, accepted: t('handIn.accepted') });
  }
  if (file.size > evidenceLimits.maxFileBytes) {
    return t('handIn.tooLarge', { name: file.name, size: formatBytes(evidenceLimits.maxFileBytes) });
  }
  return null;
}

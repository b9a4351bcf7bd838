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
  described: 'PDF, Word, PowerPoint or Excel documents, plain text, images, audio or video',
} as const;

/** Why a file cannot be handed in, or null. */
export function refusalOf(file: File): string | null {
  if (!(evidenceLimits.acceptedTypes as readonly string[]).includes(file.type)) {
    return `“${file.name}” is not a file type you can hand in. Accepted are ${evidenceLimits.described}.`;
  }
  if (file.size > evidenceLimits.maxFileBytes) {
    return `“${file.name}” is larger than ${evidenceLimits.maxFileBytes / (1024 * 1024)} MB.`;
  }
  return null;
}

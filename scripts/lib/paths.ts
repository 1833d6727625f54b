import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Git-ignored home of every server's data, logs and test reports. */
export const DATA_ROOT = path.join(REPO_ROOT, '.data');

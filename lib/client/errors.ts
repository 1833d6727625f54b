/** Human titles for API error codes: what the operator sees instead of a raw code. */
import { type ApiError, isApiError } from './api-client';

export interface ErrorDescription {
  title: string;
  message: string;
}

function title(error: ApiError): string {
  switch (error.code) {
    case 'NO_NODE':
      return 'Node not found';
    case 'NODE_EXISTS':
      return 'Node already exists';
    case 'BAD_VERSION':
      return 'Changed by someone else';
    case 'NOT_EMPTY':
      return 'Node has children';
    case 'NO_CHILDREN_FOR_EPHEMERALS':
      return 'Ephemeral nodes cannot have children';
    case 'INVALID_PATH':
      return 'Invalid path';
    case 'INVALID_REQUEST':
      return 'Invalid request';
    case 'NO_AUTH':
    case 'FORBIDDEN':
      return 'Permission denied';
    case 'AUTH_FAILED':
    case 'UNAUTHENTICATED':
      return 'Not authenticated';
    case 'READ_ONLY':
      return 'Read-only';
    case 'CONFIG_READ_ONLY':
      return 'Defined in the configuration';
    case 'CONNECTION_EXISTS':
      return 'Connection already exists';
    case 'DATA_TOO_LARGE':
      return 'Value too large';
    case 'UNSUPPORTED':
      return 'Not supported by this server';
    case 'METHOD_NOT_ALLOWED':
      return 'Method not allowed';
    case 'UNKNOWN_CONNECTION':
      return 'Unknown connection';
    case 'CONNECTION_UNAVAILABLE':
      return 'Cannot reach ZooKeeper';
    case 'NETWORK':
      return 'Dashboard unreachable';
    case 'NO_ANSWER':
      return 'No answer from the dashboard';
    case 'TLS_HANDSHAKE':
      return 'TLS handshake failed';
    case 'SESSION_EXPIRED':
      return 'Session expired';
    case 'TIMEOUT':
      return 'Timed out';
    case 'RATE_LIMITED':
      return 'Too many requests';
    case 'WATCH_LIMIT':
      return 'Watching too many nodes';
    case 'AUDIT_UNAVAILABLE':
      return 'Audit log unavailable';
    case 'CONFIRMATION_REQUIRED':
      return 'Confirmation needed';
    case 'INTERNAL':
      return 'Unexpected server error';
  }
}

export function describeError(error: unknown): ErrorDescription {
  if (isApiError(error)) {
    if (error.code === 'NETWORK') return { title: title(error), message: 'The Zooscope server could not be reached. Check the network and that the server is running, then try again.' };
    if (error.code === 'NO_NODE' && error.path) return { title: title(error), message: `No node exists at ${error.path}.` };
    return { title: title(error), message: error.message };
  }
  return { title: 'Unexpected error', message: 'Something went wrong in the browser. Reload the page and try again.' };
}

/** Paging limits of the children endpoint, shared by the API schemas and the browser. */
export const CHILDREN_PAGE_SIZE = 500;
export const CHILDREN_MAX_LIMIT = 5000;

/** A recursive delete of more nodes than this asks for the node's name to be typed. */
export const GUARDED_DELETE_NODES = 100;

/** ZooKeeper's default jute.maxbuffer (1 MiB) less a little for the request envelope: the largest value. */
export const DEFAULT_MAX_DATA_BYTES = 1024 * 1024 - 1024;

/** Events kept for the Events panel (the page reads it without the live client's code). */
export const LOG_LIMIT = 1000;

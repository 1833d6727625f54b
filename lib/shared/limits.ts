/** Paging limits of the children endpoint, shared by the API schemas and the browser. */
export const CHILDREN_PAGE_SIZE = 500;
export const CHILDREN_MAX_LIMIT = 5000;

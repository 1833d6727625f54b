// Stands in for the `server-only` marker package in vitest: tests run server code directly.
export {};

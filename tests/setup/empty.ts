// Stands in for the `server-only` marker package in vitest and Playwright: tests run server code directly.
export {};

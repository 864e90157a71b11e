/** The error types live in src/errors.ts so that store/ and ingest/ can use them without importing cli/. */
export * from "../errors.js";

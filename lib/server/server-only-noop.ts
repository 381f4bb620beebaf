// Stands in for `server-only` in the bundled production server (scripts/build-server.mjs),
// which is server code by construction.
export {};

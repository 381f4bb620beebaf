// Vitest runs lib/ outside Next's "react-server" condition, where the real `server-only`
// throws on import by design. Tests are server code, so the guard has nothing to guard.
export {};

export * from "./envelope";
export * from "./limits";
export * from "./secrets-api";
export * from "./dashboard-api";
export * from "./teams-api";

export function productionServerArgs(root?: string): string[];
export function isProductionBuildPresent(root?: string): boolean;

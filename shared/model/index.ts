/*
 * The model's public API in one import. Inside shared/ prefer importing the defining file directly (it keeps
 * dependency chains short); the barrel is for the host, the CLI and the renderer.
 */
export * from './attributes.ts';
export * from './attribute-values.ts';
export * from './catalog/index.ts';
export * from './document.ts';
export * from './scalars.ts';
export * from './ids.ts';
export * from './operations.ts';
export { applyOperations, validateDesign } from './apply.ts';
export type { ApplyResult } from './apply.ts';
export { isBoundaryKind } from './integrity.ts';
export { normalizeDesign, parseDesign, serializeDesign } from './canonical.ts';
export { DesignFormatError, defaultUpgrades, upgradeDesign } from './upgrade.ts';
export type { DesignFormatErrorCode, UpgradeStep, UpgradeTable } from './upgrade.ts';
export * from './factory.ts';
export * from './commands.ts';
export * from './replicas.ts';

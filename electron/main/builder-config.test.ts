import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml and app-builder-lib come with electron-builder; loaded with require to need no type packages.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

type BuilderConfig = Record<string, unknown> & {
  electronFuses?: Record<string, boolean>;
  fileAssociations?: Array<{ ext: string }>;
  asarUnpack?: string[];
  files?: string[];
};

const configText = readFileSync(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8');
const config = yaml.load(configText) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('never rebuilds native modules and unpacks better-sqlite3 from the asar', () => {
    expect(config['npmRebuild']).toBe(false);
    expect(config['asar']).toBe(true);
    expect(config.asarUnpack?.some((p) => p.includes('better-sqlite3') && p.endsWith('.node'))).toBe(true);
  });

  it('ships the build only and associates .mlarch files', () => {
    expect(config['productName']).toBe('MLArch Studio');
    expect(config.files).toContain('out/**');
    expect(config.fileAssociations?.map((a) => a.ext)).toEqual(['mlarch']);
  });

  it("matches electron-builder's configuration schema", () => {
    // The same check electron-builder runs before packaging (ajv over app-builder-lib/scheme.json).
    const { validateSchema } = require('app-builder-lib/out/util/config/schemaValidator.js') as {
      validateSchema(schema: unknown, data: unknown, options: { name: string }): void;
    };
    const schema = require('app-builder-lib/scheme.json') as unknown;
    expect(() =>
      validateSchema(schema, structuredClone(config), { name: 'electron-builder.yml' }),
    ).not.toThrow();
    const misspelt = { ...config, electronFuses: { runAsNod: false } };
    expect(() => validateSchema(schema, misspelt, { name: 'electron-builder.yml' })).toThrow(/electronFuses/);
  });
});

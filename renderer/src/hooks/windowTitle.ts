const APP_NAME = 'MLArch Studio';

/** The window title for a design name: the design first, as desktop apps do, so the taskbar tells designs apart. */
export function windowTitle(designName: string | null): string {
  return designName ? `${designName} — ${APP_NAME}` : APP_NAME;
}

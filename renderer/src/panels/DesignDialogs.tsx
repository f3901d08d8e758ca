import { useDesignDialog } from '../store/designDialogs.ts';
import { JourneyDialog } from './journeys/JourneyDialog.tsx';
import { ScenarioNameDialog } from './scenarios/ScenarioNameDialog.tsx';
import { SettingsDialog } from './settings/SettingsDialog.tsx';

/** The editor's dialog that is open, if any: journeys, scenario names, design settings. */
export function DesignDialogs() {
  const dialog = useDesignDialog((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'new-journey':
      return <JourneyDialog key={`new:${dialog.entryId ?? ''}`} journeyId={null} entryId={dialog.entryId} />;
    case 'edit-journey':
      return <JourneyDialog key={dialog.journeyId} journeyId={dialog.journeyId} entryId={null} />;
    case 'new-scenario':
      return <ScenarioNameDialog mode={dialog.duplicate ? 'duplicate' : 'new'} />;
    case 'rename-scenario':
      return <ScenarioNameDialog mode="rename" />;
    case 'settings':
      return <SettingsDialog />;
  }
}

import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas.tsx';
import { Palette } from './canvas/Palette.tsx';
import { useEditMenuCommands } from './hooks/useMenuCommands.ts';
import { useDesignShortcuts, useScenarioGuard } from './hooks/useDesignShortcuts.ts';
import { useEditorShortcuts } from './hooks/useEditorShortcuts.ts';
import { DesignDialogs } from './panels/DesignDialogs.tsx';
import { Dock } from './panels/dock/Dock.tsx';
import { Inspector } from './panels/Inspector.tsx';
import { TopBar } from './panels/TopBar.tsx';
import { showDesignDialog } from './store/designDialogs.ts';
import { useJourneyView } from './store/journeyView.ts';

function EditorLayout() {
  // Before the editor's shortcuts: its Escape must not clear the selection when it leaves route editing.
  useDesignShortcuts();
  useEditorShortcuts();
  useEditMenuCommands();
  useScenarioGuard();
  // A dialog or route editing left open belongs to the document being closed, not to the next one.
  useEffect(
    () => () => {
      showDesignDialog(null);
      useJourneyView.getState().setRouteEditing(false);
    },
    [],
  );
  return (
    <div className="editor">
      <TopBar />
      <div className="editor-body">
        <Palette />
        <div className="editor-centre">
          <Canvas />
          <Dock />
        </div>
        <Inspector />
      </div>
      <DesignDialogs />
    </div>
  );
}

/** The open document: top bar, palette, canvas, dock and inspector sharing one React Flow instance. */
export function Editor() {
  return (
    <ReactFlowProvider>
      <EditorLayout />
    </ReactFlowProvider>
  );
}

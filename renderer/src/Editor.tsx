import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas.tsx';
import { Palette } from './canvas/Palette.tsx';
import { useEditMenuCommands } from './hooks/useMenuCommands.ts';
import { useEditorShortcuts } from './hooks/useEditorShortcuts.ts';
import { Inspector } from './panels/Inspector.tsx';
import { TopBar } from './panels/TopBar.tsx';

function EditorLayout() {
  useEditorShortcuts();
  useEditMenuCommands();
  return (
    <div className="editor">
      <TopBar />
      <div className="editor-body">
        <Palette />
        <Canvas />
        <Inspector />
      </div>
    </div>
  );
}

/** The open document: top bar, palette, canvas and inspector sharing one React Flow instance. */
export function Editor() {
  return (
    <ReactFlowProvider>
      <EditorLayout />
    </ReactFlowProvider>
  );
}

// Every side panel of the editor, in the order of their tabs. A new panel is one EditorPanel
// (panel-types.ts) in its own file, added here: the side column, its tab, its shortcut and the
// shortcuts dialog pick it up. See docs/architecture.md, "The editor".
import { allNotesPanel } from "./all-notes-panel";
import { replacePanel } from "./find/replace-panel";
import { historyPanel } from "./history-panel";
import { notesPanel } from "./notes-panel";
import type { EditorPanel } from "./panel-types";
import { termsPanel } from "./terms/terms-panel";

export const editorPanels: readonly EditorPanel[] = [notesPanel, historyPanel, allNotesPanel, replacePanel, termsPanel];

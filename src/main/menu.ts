// The application menu: the usual platform menus plus the app's own shortcuts.
//
// The renderer owns the app's keyboard shortcuts (Ctrl/Cmd-K or / for search, Alt+Left/Right for
// history, Ctrl +/−/0 for text size). Those menu items therefore do not register their
// accelerators (the key press goes straight to the page) and, when clicked, replay the same key
// press into the page. So window.desk stays exactly DeskApi: no extra IPC channel is needed.
import type { MenuItemConstructorOptions, WebContents } from 'electron';

type Modifier = 'control' | 'meta' | 'alt' | 'shift';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  isDev: boolean;
  /** The web contents of the focused app window, if any. */
  focused(): WebContents | null;
  showAbout(): void;
  /** File → Print… and Save as PDF… for the focused window (src/main/print.ts). */
  print(): void;
  savePdf(): void;
  /** File → Add documents…: pick files to add to the user's documents (src/main/importIpc.ts). */
  addDocuments(): void;
}

/** Replay a key press into the page, as if the user had typed it. */
export function sendKey(contents: WebContents, keyCode: string, modifiers: Modifier[]): void {
  contents.focus();
  contents.sendInputEvent({ type: 'keyDown', keyCode, modifiers });
  contents.sendInputEvent({ type: 'keyUp', keyCode, modifiers });
}

export function menuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const mod: Modifier = o.isMac ? 'meta' : 'control';
  const pageKey = (
    label: string,
    accelerator: string,
    keyCode: string,
    modifiers: Modifier[],
  ): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: () => {
      const wc = o.focused();
      if (wc) sendKey(wc, keyCode, modifiers);
    },
  });

  const template: MenuItemConstructorOptions[] = [];
  if (o.isMac) {
    template.push({
      label: o.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'Add Documents…', accelerator: 'CmdOrCtrl+O', click: () => o.addDocuments() },
        { type: 'separator' },
        { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => o.print() },
        { label: 'Save as PDF…', accelerator: 'CmdOrCtrl+Shift+S', click: () => o.savePdf() },
        { type: 'separator' },
        { role: 'close' },
        ...(o.isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        // Ctrl/Cmd-F is a real accelerator (the page does not use it) that focuses search the same
        // way Ctrl/Cmd-K does in the page.
        {
          label: 'Find in Library…',
          accelerator: 'CmdOrCtrl+F',
          click: () => {
            const wc = o.focused();
            if (wc) sendKey(wc, 'K', [mod]);
          },
        },
        pageKey('Search', 'CmdOrCtrl+K', 'K', [mod]),
      ],
    },
    {
      label: '&View',
      submenu: [
        pageKey('Back', o.isMac ? 'Cmd+[' : 'Alt+Left', 'Left', ['alt']),
        pageKey('Forward', o.isMac ? 'Cmd+]' : 'Alt+Right', 'Right', ['alt']),
        { type: 'separator' },
        pageKey('Larger Text', 'CmdOrCtrl+=', '=', [mod]),
        pageKey('Smaller Text', 'CmdOrCtrl+-', '-', [mod]),
        pageKey('Actual Text Size', 'CmdOrCtrl+0', '0', [mod]),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(o.isDev
          ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]
          : []),
      ],
    },
    {
      label: '&Window',
      submenu: o.isMac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    {
      role: 'help',
      submenu: [{ label: `About ${o.appName}`, click: () => o.showAbout() }],
    },
  );
  return template;
}

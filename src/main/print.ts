// File → Print… and File → Save as PDF… for the focused window (the briefing sheet above all).
// Print opens the system dialog; Save as PDF renders with the same page size and margins as the
// CLI's PDFs (the sheet draws its own running header and footer, "page N of M", with @page margin
// boxes), asks where to save, and offers to open the file. The only Electron code of the briefing feature.
//
// UNTESTED: no Electron binary runs on the build machine; the same options are exercised through
// Chromium's page.pdf by src/cli/briefing.test.ts.
import { writeFile } from 'node:fs/promises';
import { dialog, shell, type BrowserWindow, type PrintToPDFOptions } from 'electron';
import type { PaperSize } from '../shared/types';
import { PDF_MARGINS } from '../services/briefing';

interface PageInfo {
  title: string;
  corpus: string;
  paper: PaperSize;
}

/** What the page says about itself: the sheet's title, corpus version and paper; the document title otherwise. */
async function pageInfo(win: BrowserWindow): Promise<PageInfo> {
  const raw: unknown = await win.webContents.executeJavaScript(
    `(() => {
      const s = document.querySelector('[data-briefing-ready]');
      const h = document.getElementById('sheet-title');
      return { title: (h && h.textContent) || document.title, corpus: (s && s.getAttribute('data-corpus')) || '', paper: (s && s.getAttribute('data-paper')) || 'a4' };
    })()`,
    true,
  );
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof PageInfo, unknown>>;
  return {
    title: typeof o.title === 'string' && o.title.trim() ? o.title.trim() : 'Relations Desk',
    corpus: typeof o.corpus === 'string' ? o.corpus : '',
    paper: o.paper === 'letter' ? 'letter' : 'a4',
  };
}

const inches = (mm: string): number => Number.parseFloat(mm) / 25.4;

export function pdfOptions(info: PageInfo): PrintToPDFOptions {
  return {
    pageSize: info.paper === 'letter' ? 'Letter' : 'A4',
    preferCSSPageSize: true,
    printBackground: true,
    margins: { top: inches(PDF_MARGINS.top), bottom: inches(PDF_MARGINS.bottom), left: inches(PDF_MARGINS.left), right: inches(PDF_MARGINS.right) },
  };
}

/** The system print dialog for the window's page. Resolves false when cancelled or failed. */
export function printWindow(win: BrowserWindow): Promise<boolean> {
  return new Promise((resolve) => {
    win.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      if (!success && failureReason && failureReason !== 'cancelled') {
        void dialog.showMessageBox(win, { type: 'error', message: 'Printing failed.', detail: failureReason });
      }
      resolve(success);
    });
  });
}

/** Render to PDF, ask where to save it, then offer to open it. Resolves the saved path, or null. */
export async function savePdf(win: BrowserWindow): Promise<string | null> {
  const info = await pageInfo(win);
  const data = await win.webContents.printToPDF(pdfOptions(info));
  const name = info.title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim() || 'briefing';
  const choice = await dialog.showSaveDialog(win, {
    title: 'Save as PDF',
    defaultPath: `${name}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return null;
  try {
    await writeFile(choice.filePath, data);
  } catch (err) {
    await dialog.showMessageBox(win, { type: 'error', message: 'The PDF could not be saved.', detail: (err as Error).message });
    return null;
  }
  const open = await dialog.showMessageBox(win, {
    type: 'info',
    message: 'Saved as PDF.',
    detail: choice.filePath,
    buttons: ['Open the PDF', 'Close'],
    defaultId: 0,
    cancelId: 1,
  });
  if (open.response === 0) {
    const error = await shell.openPath(choice.filePath);
    if (error) await dialog.showMessageBox(win, { type: 'error', message: 'The PDF could not be opened.', detail: error });
  }
  return choice.filePath;
}

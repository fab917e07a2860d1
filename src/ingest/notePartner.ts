// The partner a table row's "See …" note points to: "See Albania–Soviet Union relations",
// "See Accession of Albania to the European Union", "See Albania at the United Nations".
import { resolvePartner, type PartnerDef } from '../core/partners';

export function partnerFromNote(note: string): PartnerDef | null {
  const patterns = [
    /^See Albania\s*[–—-]\s*(.+?) relations\b/,
    /^See Accession of Albania to (?:the )?(.+?)$/,
    /^See Albania (?:at|in) (?:the )?(.+?)$/,
  ];
  // "See Albania–Austria relations and Albania–Hungary relations" names two partners: none is the row's.
  if (/\brelations\b.*\brelations\b/.test(note)) return null;
  for (const re of patterns) {
    const m = re.exec(note.trim());
    if (m) return resolvePartner(m[1]!.trim());
  }
  return null;
}

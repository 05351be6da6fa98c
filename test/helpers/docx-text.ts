import JSZip from 'jszip';

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** A .docx read back (it is a zip): its part names and the text of each paragraph of word/document.xml, in order. */
export async function readDocx(bytes: Uint8Array): Promise<{ parts: string[]; paragraphs: string[]; xml: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join('')).filter((t) => t);
  return { parts: Object.keys(zip.files), paragraphs, xml };
}

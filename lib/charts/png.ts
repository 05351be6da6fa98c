import { renderAsync } from '@resvg/resvg-js';

/** The CJK family the server's SVG charts fall back to when none of the chart's font list is installed (Debian's fonts-noto-cjk). */
const FALLBACK_FONT = 'Noto Sans CJK SC';

/**
 * A server-rendered chart's SVG (lib/charts/ssr.ts) as a PNG at `scale`× its size on white, for the files that cannot
 * take SVG alone (Word's fallback image). resvg draws text with the machine's own fonts, so Chinese renders wherever a
 * CJK font is installed, without a browser. Off the main thread (libuv's pool): a 通报's charts are drawn side by side,
 * and a server keeps answering meanwhile.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: FALLBACK_FONT, sansSerifFamily: FALLBACK_FONT },
  });
  return image.asPng();
}

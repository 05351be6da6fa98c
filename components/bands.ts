import type { GapBand } from '@/lib/settings';

/**
 * The gap bands' colours: the only use of green, blue, yellow, orange and red on the site (docs/measures.md, colour bands).
 * Class names are literal so Tailwind finds them.
 */
export const BAND_STYLES: Record<GapBand['id'], { dot: string; chip: string; text: string }> = {
  green: { dot: 'bg-green-600', chip: 'bg-green-50 text-green-800 ring-green-600/25', text: 'text-green-800' },
  blue: { dot: 'bg-blue-500', chip: 'bg-blue-50 text-blue-800 ring-blue-500/25', text: 'text-blue-800' },
  yellow: { dot: 'bg-yellow-400', chip: 'bg-yellow-50 text-yellow-900 ring-yellow-500/40', text: 'text-yellow-800' },
  orange: { dot: 'bg-orange-500', chip: 'bg-orange-50 text-orange-800 ring-orange-500/30', text: 'text-orange-800' },
  red: { dot: 'bg-red-600', chip: 'bg-red-50 text-red-800 ring-red-600/25', text: 'text-red-800' },
};
